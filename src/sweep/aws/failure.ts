import { quoted, redacted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';

/** Error codes that mean the identity itself was refused: missing, invalid, expired or unsigned credentials. */
const REFUSED = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidToken',
  'CredentialsProviderError',
  'TokenProviderError',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
  $metadata?: { attempts?: unknown; httpStatusCode?: unknown };
}

/**
 * An SDK error as a SweepFailure: what failed (`subject`: the target or account, `operation`: the call), the error's
 * code and message quoted and cut (an answer can hold anything), and how many attempts the SDK made.
 * `assumingRole`: every refusal of STS AssumeRole (a 4xx answer: AccessDenied, an unknown role) is a refusal of
 * credentials; throttling or a network failure on the way is not.
 */
export function awsFailure(error: unknown, subject: string, operation: string, assumingRole = false): SweepFailure {
  if (error instanceof SweepFailure) return error;
  const details: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
  const code = typeof details.code === 'string' ? details.code : typeof details.name === 'string' ? details.name : 'Error';
  const attempts = typeof details.$metadata?.attempts === 'number' ? details.$metadata.attempts : 1;
  const httpStatus = typeof details.$metadata?.httpStatusCode === 'number' ? details.$metadata.httpStatusCode : undefined;
  const status = httpStatus === undefined ? '' : ` (HTTP ${httpStatus})`;
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const text = messageOf(details);
  const refused = REFUSED.has(code) || (assumingRole && httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500);
  return new SweepFailure(
    `${subject}: ${operation} failed${after}: ${quoted(code, 60)}${status}${text ? ` ${redacted(text, 160)}` : ''}`,
    refused ? 'credentials' : 'unreadable',
  );
}

/** Node reports a refused connection to a name with several addresses as an AggregateError with an empty message. */
function messageOf(details: ErrorLike): string {
  if (typeof details.message === 'string' && details.message !== '') return details.message;
  if (Array.isArray(details.errors)) {
    const first = details.errors.find((inner): inner is { message: string } => typeof inner?.message === 'string' && inner.message !== '');
    if (first) return first.message;
  }
  return '';
}
