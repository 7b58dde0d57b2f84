import type { FirewallsClient } from '@google-cloud/compute/build/src/v1/firewalls_client.js';
import type { GoogleAuth } from 'google-auth-library';

export const COMPUTE_READONLY_SCOPE = 'https://www.googleapis.com/auth/compute.readonly';
/** The most firewall rules the Compute API returns on one page. */
export const PAGE_SIZE = 500;

/** How the SDK retries one page request: bounded in attempts and in the time each may take. */
export interface GcpRetrySettings {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  initialRetryDelayMillis: number;
  maxRetryDelayMillis: number;
  /** How long one attempt may take. */
  attemptTimeoutMillis: number;
}

/**
 * 6 attempts with jittered exponential backoff (a random wait below 0.5, 1, 2, 4 and 8 s): at most 15.5 s of waiting,
 * 7.75 s on average, on top of the attempts themselves (60 s each at most).
 */
export const DEFAULT_RETRY: GcpRetrySettings = { maxAttempts: 6, initialRetryDelayMillis: 500, maxRetryDelayMillis: 8_000, attemptTimeoutMillis: 60_000 };

/**
 * What is retried. In REST fallback mode with a google-auth-library client the SDK sees gaxios' error, whose code is
 * the HTTP status (429, 5xx), not the gRPC code its own config lists (UNAVAILABLE): both are named, so that retries hold
 * whichever the installed gax version hands over.
 */
const RETRIED_HTTP = [429, 500, 502, 503, 504];
const RETRIED_GRPC = [4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 13 /* INTERNAL */, 14 /* UNAVAILABLE */];

/** The per-call options of one page request: one page (the caller follows nextPageToken) with the retries above. */
export function pageCallOptions(retry: GcpRetrySettings) {
  return {
    autoPaginate: false,
    timeout: retry.attemptTimeoutMillis,
    retry: {
      retryCodes: [...RETRIED_HTTP, ...RETRIED_GRPC],
      backoffSettings: {
        initialRetryDelayMillis: retry.initialRetryDelayMillis,
        retryDelayMultiplier: 2,
        maxRetryDelayMillis: retry.maxRetryDelayMillis,
        initialRpcTimeoutMillis: retry.attemptTimeoutMillis,
        rpcTimeoutMultiplier: 1,
        maxRpcTimeoutMillis: retry.attemptTimeoutMillis,
        maxRetries: retry.maxAttempts,
      },
    },
  };
}

/** Where `--endpoint-url` points the client: host, port and protocol (the Compute paths stay as they are). */
export function endpointOptions(endpointUrl: string | undefined): { apiEndpoint: string; port: number; protocol: string } | Record<string, never> {
  if (!endpointUrl) return {};
  const url = new URL(endpointUrl);
  const protocol = url.protocol.replace(/:$/, '');
  return { apiEndpoint: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/**
 * The Compute firewalls client in REST fallback mode, loaded only now: only `sweep gcp` pays for the SDK. Its own module
 * is loaded, not the package index, which loads every Compute client (1.5 s instead of 0.45 s).
 */
export async function firewallsClient(endpointUrl: string | undefined, projects: readonly string[]): Promise<{ client: FirewallsClient; auth: GoogleAuth }> {
  const [{ FirewallsClient }, { GoogleAuth }] = await Promise.all([
    import('@google-cloud/compute/build/src/v1/firewalls_client.js'),
    import('google-auth-library'),
  ]);
  // A project id given up front spares GoogleAuth its own search for one (gcloud, the metadata server, and for
  // workload identity a Resource Manager call the identity may not be allowed): it is not used to choose what is read.
  const auth = new GoogleAuth({ scopes: [COMPUTE_READONLY_SCOPE], projectId: projects[0] });
  const client = new FirewallsClient({ fallback: true, auth, ...endpointOptions(endpointUrl) });
  return { client, auth };
}
