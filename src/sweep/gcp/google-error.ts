import { quoted, redacted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';

/**
 * What went wrong, in words for a user: the HTTP status, the Google status and the API's message. In REST fallback mode
 * the SDK hands over gaxios' error (code = the HTTP status, message = the response body), or after the last retry a
 * GoogleError whose message quotes that error.
 */
export function describeGoogleError(error: unknown): { text: string; httpStatus?: number; googleStatus?: string; retried: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  const exhausted = /^(?:Exceeded maximum number of retries|Total timeout of API \S+ exceeded)/.exec(message);
  // The last error's text sits between "retrying error " and " before any response was received".
  const inner = exhausted ? (/retrying error (?:\w*Error: )?([\s\S]*?) before any response was received/.exec(message)?.[1] ?? message) : message;
  const body = parsedErrorBody(inner);
  const code = (error as { code?: unknown; status?: unknown } | null)?.code;
  const status = (error as { status?: unknown } | null)?.status;
  const httpStatus = body?.code ?? (typeof status === 'number' ? status : typeof code === 'number' && code >= 100 ? code : undefined);
  const googleStatus = body?.status;
  const what = body?.message ?? inner;
  const head = [httpStatus !== undefined ? `HTTP ${httpStatus}` : typeof code === 'string' ? quoted(code, 40) : '', googleStatus ? quoted(googleStatus, 40) : '']
    .filter(Boolean)
    .join(' ');
  const text = `${head ? `${head}: ` : ''}${redacted(what, 200)}${exhausted ? ' (still failing after the SDK\'s retries)' : ''}`;
  return { text, httpStatus, googleStatus, retried: exhausted !== null };
}

function parsedErrorBody(text: string): { code?: number; status?: string; message?: string } | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    const error = (parsed as { error?: unknown } | null)?.error;
    if (error === null || typeof error !== 'object') return undefined;
    const { code, status, message } = error as Record<string, unknown>;
    return {
      code: typeof code === 'number' ? code : undefined,
      status: typeof status === 'string' ? status : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  } catch {
    return undefined;
  }
}

/** A failure to read a project's firewalls: 401 / UNAUTHENTICATED means the identity was refused. */
export function listingFailure(label: string, error: unknown): SweepFailure {
  const { text, httpStatus, googleStatus } = describeGoogleError(error);
  const refused = httpStatus === 401 || googleStatus === 'UNAUTHENTICATED';
  return new SweepFailure(`${label}: listing firewall rules failed — ${text}`, refused ? 'credentials' : 'unreadable');
}

/**
 * A failure to get an access token from Application Default Credentials: no credentials, a refused grant or subject
 * token (OAuth "invalid_grant" and the like, HTTP 400/401/403). Only a token endpoint that is down or unreachable
 * (5xx, a network error) leaves the credentials unjudged.
 */
export function tokenFailure(label: string, error: unknown): SweepFailure {
  const { text, httpStatus } = describeGoogleError(error);
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable = (httpStatus !== undefined && httpStatus >= 500) || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
  return new SweepFailure(
    `${label}: no access token from Application Default Credentials — ${text}; log in with gcloud auth application-default login, or check GOOGLE_APPLICATION_CREDENTIALS and the workload identity login`,
    unreachable ? 'unreadable' : 'credentials',
  );
}
