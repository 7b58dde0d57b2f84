import { quoted, redacted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';

/** ARM error codes that say the token itself was refused, whatever the HTTP status. */
const REFUSED_TOKEN = /^(?:InvalidAuthenticationToken|ExpiredAuthenticationToken|AuthenticationFailed|InvalidAuthenticationTokenTenant)/i;
/** What @azure/identity throws when no token could be had: refused, expired, or no login at all. */
const CREDENTIAL_ERRORS = new Set(['AuthenticationError', 'AggregateAuthenticationError', 'CredentialUnavailableError', 'AuthenticationRequiredError']);

/**
 * What an Azure SDK call threw, after its pipeline's retries, as a failure for `what` ('Azure subscription … :
 * listing network security groups'): the HTTP status, the ARM error code and its message, quoted and cut.
 */
export function azureFailure(what: string, error: unknown, deadlineMs?: number): SweepFailure {
  if (!(error instanceof Error)) return new SweepFailure(`${what} failed: ${redacted(String(error))}`);
  if (CREDENTIAL_ERRORS.has(error.name)) return new SweepFailure(`${what} failed: the credentials were refused — ${credentialReason(error)}`, 'credentials');
  if (error.name === 'AbortError' && deadlineMs !== undefined) {
    return new SweepFailure(`${what} failed: no page within ${Math.round(deadlineMs / 1000)} s (throttled or no answer)`);
  }
  const { statusCode, code } = error as Error & { statusCode?: unknown; code?: unknown };
  const status = typeof statusCode === 'number' ? `HTTP ${statusCode} ` : '';
  const codeText = typeof code === 'string' && code !== '' ? `${quoted(code)}: ` : '';
  const refused = statusCode === 401 || (typeof code === 'string' && REFUSED_TOKEN.test(code));
  return new SweepFailure(`${what} failed: ${status}${codeText}${redacted(oneLine(error.message), 160)}`, refused ? 'credentials' : 'unreadable');
}

/**
 * The reasons @azure/identity gives. DefaultAzureCredential tries up to eight credentials and lists each one's
 * reason on a line of its own; the first lines name the ones a user most likely meant (environment, workload
 * identity, managed identity, az).
 */
function credentialReason(error: Error): string {
  const { errorResponse } = error as Error & { errorResponse?: { error?: unknown; errorDescription?: unknown } };
  if (errorResponse && typeof errorResponse.errorDescription === 'string') {
    const description = errorResponse.errorDescription.replace(/\s+/g, ' ').trim();
    return redacted(description, 240);
  }
  const lines = error.message.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return redacted(lines.slice(0, 5).join(' | '), 240);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
