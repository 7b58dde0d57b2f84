import type { AwsCredentialProvider } from './sdk.js';

/** How the AWS clients of a sweep retry and time out; tests shorten them, the CLI uses AWS_SDK_SETTINGS. */
export interface AwsSdkSettings {
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  /** Milliseconds to open a connection. */
  connectionTimeout: number;
  /**
   * Milliseconds until an answer's headers, and of silence on the connection while its body arrives: a hung endpoint
   * fails the call (and, after the retries, its target).
   */
  requestTimeout: number;
  /** Accounts whose identity and regions are asked at the same time while the targets are listed. */
  listingConcurrency: number;
}

/**
 * 'standard': exponential backoff with full jitter, 1 s base for throttling (RequestLimitExceeded, 429) and 50 ms for
 * 5xx and timeouts, capped at 20 s, and a Retry-After hint honoured. 'adaptive' adds a client-side rate limiter that
 * only paces requests a client sends side by side; each target has a client of its own with one request in flight (a
 * paginator waits for each page's token), so it would add waiting and nothing else. Six attempts keep a throttled
 * target's backoff under about 31 s and a failing one's under 2 s; timeouts bound a hung endpoint to about 3 minutes.
 */
export const AWS_SDK_SETTINGS: AwsSdkSettings = {
  maxAttempts: 6,
  retryMode: 'standard',
  connectionTimeout: 10_000,
  requestTimeout: 30_000,
  listingConcurrency: 8,
};

/** The configuration every EC2 and STS client of a sweep is built with. */
export function clientConfig(settings: AwsSdkSettings, region: string, credentials: AwsCredentialProvider, endpointUrl: string | undefined) {
  return {
    region,
    credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: settings.retryMode,
    requestHandler: {
      connectionTimeout: settings.connectionTimeout,
      requestTimeout: settings.requestTimeout,
      // Without it the SDK only logs a warning when requestTimeout passes, and waits on.
      throwOnRequestTimeout: true,
      // requestTimeout ends at the headers; a body that stops coming would otherwise wait out the SDK's 15 minutes.
      socketTimeout: settings.requestTimeout,
    },
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
  };
}

/** Where an account's regions and identity are asked: the region the environment names, as the AWS CLI does. */
export function defaultRegion(): string {
  return process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
}
