import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ThrowAwayCertificate } from './azure-tls.js';
import { readBody } from './read-body.js';

/**
 * A local stand-in for Microsoft Entra ID and Azure Resource Manager over https, speaking their wire formats: the
 * v2.0 token endpoint and OpenID metadata a client secret credential asks for, ARM's subscription listing and NSG
 * listAll pages (`{"value": [...], "nextLink": ...}`, NSGs with ARM's nested `properties`), ARM error documents, and
 * 429 answers with Retry-After.
 */

const CORPUS = join(import.meta.dirname, '../corpus/azure');
const TEMPLATES: Record<string, unknown>[] = [
  ...JSON.parse(readFileSync(join(CORPUS, 'arm-rest-nsg-listAll-page1.json'), 'utf8')).value,
  ...JSON.parse(readFileSync(join(CORPUS, 'arm-rest-nsg-listAll-page2.json'), 'utf8')).value,
];
const CORPUS_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

export interface StubSubscription {
  id: string;
  displayName?: string;
  /** How many NSGs it holds (copies of the corpus NSGs, renamed), and how many a page lists. */
  nsgs: number;
  pageSize?: number;
  /** Answer the first this many NSG requests with 429 and `Retry-After`. */
  throttleFirst?: number;
  /** Seconds in the Retry-After of those answers. */
  retryAfterSeconds?: number;
  /** Answer the first this many NSG requests with 503 and no Retry-After (the pipeline's exponential backoff). */
  unavailableFirst?: number;
  /** Every NSG request fails with this ARM error. */
  failWith?: { status: number; code: string; message: string };
  /** Milliseconds before each NSG answer. */
  delayMs?: number;
}

export interface StubOptions {
  subscriptions: StubSubscription[];
  /** Subscriptions per page of the subscription listing. */
  subscriptionPageSize?: number;
  /** The client secret the token endpoint accepts; any other is refused as AADSTS7000215. */
  clientSecret: string;
}

export interface AzureStub {
  url: string;
  /** Method and path of every request, in order. */
  requests: string[];
  /** The most NSG requests that were in flight at once. */
  maxNsgRequestsInFlight: number;
  close(): Promise<void>;
}

const TOKEN = 'stub-access-token';

export async function startAzureStub(certificate: ThrowAwayCertificate, options: StubOptions): Promise<AzureStub> {
  const requests: string[] = [];
  const nsgRequests = new Map<string, number>();
  let inFlight = 0;
  const stub: AzureStub = { url: '', requests, maxNsgRequestsInFlight: 0, close: async () => {} };

  const server = createServer({ key: certificate.key, cert: certificate.certificate }, (request, response) => {
    void handle(request, response).catch((error: unknown) => send(response, 500, { error: { code: 'StubFailure', message: String(error) } }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', stub.url);
    requests.push(`${request.method} ${url.pathname}`);
    let match: RegExpExecArray | null;

    if ((match = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname))) return send(response, 200, openIdConfiguration(stub.url, match[1]));
    if ((match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname)) && request.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('client_secret') !== options.clientSecret) {
        return send(response, 401, {
          error: 'invalid_client',
          error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${form.get('client_id')}'.`,
          error_codes: [7000215],
        });
      }
      return send(response, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: TOKEN });
    }

    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return send(response, 401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } });
    }
    if (url.pathname === '/subscriptions') return send(response, 200, subscriptionPage(url));
    if ((match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Network\/networkSecurityGroups$/i.exec(url.pathname))) {
      const subscription = options.subscriptions.find((candidate) => candidate.id === match![1]);
      if (!subscription) return send(response, 404, { error: { code: 'SubscriptionNotFound', message: `The subscription '${match[1]}' could not be found.` } });
      inFlight++;
      stub.maxNsgRequestsInFlight = Math.max(stub.maxNsgRequestsInFlight, inFlight);
      try {
        if (subscription.delayMs) await new Promise((resolve) => setTimeout(resolve, subscription.delayMs));
        return nsgAnswer(subscription, url, response);
      } finally {
        inFlight--;
      }
    }
    send(response, 404, { error: { code: 'NotFound', message: `no route ${url.pathname}` } });
  }

  function subscriptionPage(url: URL): unknown {
    const size = options.subscriptionPageSize ?? 100;
    const start = Number(url.searchParams.get('$skiptoken') ?? 0);
    const value = options.subscriptions.slice(start, start + size).map((subscription) => ({
      id: `/subscriptions/${subscription.id}`,
      authorizationSource: 'RoleBased',
      managedByTenants: [],
      subscriptionId: subscription.id,
      tenantId: 'tenant-1',
      displayName: subscription.displayName ?? subscription.id,
      state: 'Enabled',
      subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    }));
    const next = start + size < options.subscriptions.length ? `${stub.url}/subscriptions?api-version=2022-12-01&$skiptoken=${start + size}` : undefined;
    return next ? { value, nextLink: next } : { value };
  }

  function nsgAnswer(subscription: StubSubscription, url: URL, response: ServerResponse): void {
    const seen = (nsgRequests.get(subscription.id) ?? 0) + 1;
    nsgRequests.set(subscription.id, seen);
    if (subscription.failWith) return send(response, subscription.failWith.status, { error: { code: subscription.failWith.code, message: subscription.failWith.message } });
    if (seen <= (subscription.throttleFirst ?? 0)) {
      return send(response, 429, { error: { code: 'TooManyRequests', message: 'The request is being throttled.' } }, { 'Retry-After': String(subscription.retryAfterSeconds ?? 0) });
    }
    if (seen <= (subscription.throttleFirst ?? 0) + (subscription.unavailableFirst ?? 0)) {
      return send(response, 503, { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' } });
    }
    const size = subscription.pageSize ?? 100;
    const start = Number(url.searchParams.get('$skiptoken') ?? 0);
    const value = Array.from({ length: Math.max(0, Math.min(size, subscription.nsgs - start)) }, (_, index) => nsgOf(subscription.id, start + index));
    const nextLink = start + size < subscription.nsgs ? `${stub.url}/subscriptions/${subscription.id}/providers/Microsoft.Network/networkSecurityGroups?api-version=2024-05-01&$skiptoken=${start + size}` : undefined;
    send(response, 200, nextLink ? { value, nextLink } : { value });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return stub;
}

/** NSG number `index` of a subscription: a corpus NSG with its subscription and name replaced everywhere. */
export function nsgOf(subscriptionId: string, index: number): unknown {
  const template = TEMPLATES[index % TEMPLATES.length];
  const name = template.name as string;
  const text = JSON.stringify(template).replaceAll(CORPUS_SUBSCRIPTION, subscriptionId).replaceAll(`/networkSecurityGroups/${name}`, `/networkSecurityGroups/${name}-${index}`);
  return { ...JSON.parse(text), name: `${name}-${index}` };
}

function openIdConfiguration(base: string, tenant: string): unknown {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    issuer: `${base}/${tenant}/v2.0`,
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-ms-request-id': 'stub', ...headers });
  response.end(text);
}

