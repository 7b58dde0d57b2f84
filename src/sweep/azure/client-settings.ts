/**
 * How every Azure SDK client of a sweep is built: where it points and how its pipeline retries. Data only, so that
 * this file never loads an SDK.
 */

/** Azure Resource Manager in the public cloud; --endpoint-url replaces it (a sovereign cloud, Azure Stack, a stub). */
export const ARM_HOST = 'https://management.azure.com';

/**
 * The pipeline's own retry policy (429 and 503 answers with Retry-After, other 5xx answers and network errors):
 * 6 attempts, exponential backoff from 1 s with jitter up to 30 s between attempts; a Retry-After the cloud sends is
 * honoured as it is. Throttling that outlasts this fails the target rather than stalling the sweep.
 */
export const RETRY_OPTIONS = { maxRetries: 5, retryDelayInMs: 1_000, maxRetryDelayInMs: 30_000 } as const;

/**
 * The longest a page may take, its retries and their waits included. The pipeline honours any Retry-After however
 * long, and a connection can hang: past this the listing is aborted, so that a sweep always ends.
 */
export const PAGE_DEADLINE_MS = 5 * 60_000;

/** The options for an ARM client: requests go to `$host`, and the token is asked for `endpoint`'s audience. */
export function armClientOptions(endpointUrl: string | undefined): { $host: string; endpoint: string; retryOptions: typeof RETRY_OPTIONS } {
  const host = (endpointUrl ?? ARM_HOST).replace(/\/+$/, '');
  return { $host: host, endpoint: host, retryOptions: RETRY_OPTIONS };
}
