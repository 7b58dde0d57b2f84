/**
 * A local stand-in for the Compute REST API and the STS token endpoint that workload identity federation (the GitHub
 * OIDC login) uses, speaking their wire formats: compute#firewallList and compute#instanceAggregatedList pages with
 * nextPageToken, Google error documents, and RFC 8693 token exchange.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers for one project. */
export interface ProjectPlan {
  /** The pages of firewall rules, in order. */
  pages?: unknown[][];
  /** Answers given before the pages are served, one a request: [HTTP status, body, content type]. */
  failuresFirst?: [number, string, string?][];
  /** Every request fails with this answer. */
  alwaysFails?: [number, string, string?];
  /** The pages of the aggregated instance list (each instance filed under the zone its selfLink names); none = no instance. */
  instancePages?: unknown[][];
  /** The instance list is refused with 403 PERMISSION_DENIED (firewalls are still served). */
  refuseInstances?: boolean;
  /** This many instance list requests are answered 503 UNAVAILABLE before the pages are served. */
  instancesUnavailableFirst?: number;
  /** The networks listed: by default those the firewall rules name. */
  networks?: string[];
  /** The firewall policies (hierarchical, global network) in effect on each network, by network name. */
  effectivePolicies?: Record<string, unknown[]>;
  /** The network firewall policies of the aggregated list, each filed under its region or under global. */
  networkPolicies?: unknown[];
  /** Listing networks and policies is refused with 403 PERMISSION_DENIED. */
  refusePolicies?: boolean;
}

export interface GcpServer {
  url: string;
  /** The token_url of an external_account credential file. */
  tokenUrl: string;
  /** The subject token (the OIDC token's stand-in) the token endpoint accepts. */
  subjectToken: string;
  plans: Map<string, ProjectPlan>;
  /** Firewall list requests by project, with their query. */
  requests: { project: string; query: URLSearchParams; authorization: string | undefined }[];
  /** Aggregated instance list requests by project, with their query. */
  instanceRequests: { project: string; query: URLSearchParams; authorization: string | undefined }[];
  /** Network and firewall policy requests: their paths. */
  policyRequests: string[];
  tokenRequests: URLSearchParams[];
  /** The most list requests that were in flight at once. */
  maxInFlight: number;
  /** Added to every list answer: lets concurrent reads overlap. */
  delayMillis: number;
  /** The API refuses every access token with 401, as it does revoked ones. */
  refuseEveryToken: boolean;
  close(): Promise<void>;
}

export function googleError(code: number, status: string, message: string, reason = 'backendError'): string {
  return JSON.stringify({ error: { code, message, errors: [{ message, domain: 'global', reason }], status } });
}

export async function startGcpServer(): Promise<GcpServer> {
  let issued = 0;
  let inFlight = 0;
  const state = {
    subjectToken: 'oidc-token-for-tests',
    plans: new Map<string, ProjectPlan>(),
    requests: [] as GcpServer['requests'],
    instanceRequests: [] as GcpServer['instanceRequests'],
    policyRequests: [] as string[],
    tokenRequests: [] as URLSearchParams[],
    maxInFlight: 0,
    delayMillis: 0,
    refuseEveryToken: false,
  };
  const validTokens = new Set<string>();
  const attempts = new Map<string, number>();
  const instanceAttempts = new Map<string, number>();

  const send = (response: ServerResponse, status: number, body: string, type = 'application/json; charset=UTF-8') => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };

  const token = (body: string, response: ServerResponse) => {
    const form = new URLSearchParams(body);
    state.tokenRequests.push(form);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange' || form.get('subject_token') !== state.subjectToken) {
      send(response, 400, JSON.stringify({ error: 'invalid_grant', error_description: 'The audience in ID Token does not match the expected audience.' }));
      return;
    }
    const accessToken = `ya29.test-${++issued}`;
    validTokens.add(accessToken);
    send(response, 200, JSON.stringify({ access_token: accessToken, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 }));
  };

  const list = async (request: IncomingMessage, response: ServerResponse, project: string, query: URLSearchParams) => {
    const authorization = request.headers.authorization;
    state.requests.push({ project, query, authorization });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    try {
      if (state.delayMillis > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMillis));
      const bearer = authorization?.replace(/^Bearer /, '') ?? '';
      if (!validTokens.has(bearer) || state.refuseEveryToken) {
        send(response, 401, googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError'));
        return;
      }
      const plan = state.plans.get(project);
      if (!plan) {
        send(response, 404, googleError(404, 'NOT_FOUND', `The resource 'projects/${project}' was not found`, 'notFound'));
        return;
      }
      if (plan.alwaysFails) return void send(response, ...plan.alwaysFails);
      const attempt = attempts.get(project) ?? 0;
      attempts.set(project, attempt + 1);
      const failure = plan.failuresFirst?.[attempt];
      if (failure) return void send(response, ...failure);
      const pages = plan.pages ?? [[]];
      const index = query.get('pageToken') ? Number(query.get('pageToken')!.replace('page-', '')) : 0;
      const items = pages[index];
      if (!items) return void send(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Invalid value for field \'pageToken\'', 'invalid'));
      const page: Record<string, unknown> = {
        kind: 'compute#firewallList',
        id: `projects/${project}/global/firewalls`,
        items,
        selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/global/firewalls`,
      };
      if (index + 1 < pages.length) page.nextPageToken = `page-${index + 1}`;
      send(response, 200, JSON.stringify(page));
    } finally {
      inFlight--;
    }
  };

  const instances = (request: IncomingMessage, response: ServerResponse, project: string, query: URLSearchParams) => {
    const authorization = request.headers.authorization;
    state.instanceRequests.push({ project, query, authorization });
    if (!validTokens.has(authorization?.replace(/^Bearer /, '') ?? '') || state.refuseEveryToken) {
      return void send(response, 401, googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.', 'authError'));
    }
    const plan = state.plans.get(project);
    if (!plan) return void send(response, 404, googleError(404, 'NOT_FOUND', `The resource 'projects/${project}' was not found`, 'notFound'));
    if (plan.refuseInstances) {
      return void send(response, 403, googleError(403, 'PERMISSION_DENIED', `Required 'compute.instances.list' permission for 'projects/${project}'`, 'forbidden'));
    }
    const attempt = instanceAttempts.get(project) ?? 0;
    instanceAttempts.set(project, attempt + 1);
    if (attempt < (plan.instancesUnavailableFirst ?? 0)) return void send(response, 503, googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.'));
    const pages = plan.instancePages ?? [[]];
    const index = query.get('pageToken') ? Number(query.get('pageToken')!.replace('page-', '')) : 0;
    if (!pages[index]) return void send(response, 400, googleError(400, 'INVALID_ARGUMENT', 'Invalid value for field \'pageToken\'', 'invalid'));
    const items: Record<string, { instances?: unknown[]; warning?: unknown }> = {};
    for (const instance of pages[index]) {
      const zone = /\/(zones\/[^/]+)\/instances\//.exec(String((instance as { selfLink?: unknown }).selfLink))?.[1] ?? 'zones/europe-west1-b';
      (items[zone] ??= { instances: [] }).instances!.push(instance);
    }
    // Every zone has its entry: those without instances on this page carry a warning instead, as the API answers.
    for (const zone of ['zones/europe-west1-b', 'zones/us-central1-a']) {
      items[zone] ??= { warning: { code: 'NO_RESULTS_ON_PAGE', message: `There are no results for scope '${zone}' on this page.`, data: [{ key: 'scope', value: zone }] } };
    }
    const page: Record<string, unknown> = {
      kind: 'compute#instanceAggregatedList',
      id: `projects/${project}/aggregated/instances`,
      items,
      selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/aggregated/instances`,
    };
    if (index + 1 < pages.length) page.nextPageToken = `page-${index + 1}`;
    send(response, 200, JSON.stringify(page));
  };

  /** networks.list, networks.getEffectiveFirewalls and networkFirewallPolicies.aggregatedList, one page each. */
  const policies = (request: IncomingMessage, response: ServerResponse, project: string, what: string) => {
    state.policyRequests.push(what);
    if (!validTokens.has(request.headers.authorization?.replace(/^Bearer /, '') ?? '') || state.refuseEveryToken) {
      return void send(response, 401, googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.', 'authError'));
    }
    const plan = state.plans.get(project);
    if (!plan) return void send(response, 404, googleError(404, 'NOT_FOUND', `The resource 'projects/${project}' was not found`, 'notFound'));
    if (plan.refusePolicies) return void send(response, 403, googleError(403, 'PERMISSION_DENIED', `Required 'compute.networks.list' permission for 'projects/${project}'`, 'forbidden'));
    const base = `https://www.googleapis.com/compute/v1/projects/${project}`;
    if (what === 'networks') {
      const named = (plan.pages ?? []).flat().map((firewall) => String((firewall as { network?: unknown }).network ?? ''));
      const networks = plan.networks ?? [...new Set(named.map((network) => network.slice(network.lastIndexOf('/') + 1)).filter(Boolean))];
      const items = networks.map((name) => ({ kind: 'compute#network', name, selfLink: `${base}/global/networks/${name}` }));
      return void send(response, 200, JSON.stringify({ kind: 'compute#networkList', id: `projects/${project}/global/networks`, items, selfLink: `${base}/global/networks` }));
    }
    if (what.startsWith('effective:')) {
      const network = what.slice('effective:'.length);
      return void send(response, 200, JSON.stringify({ firewalls: [], firewallPolicys: plan.effectivePolicies?.[network] ?? [] }));
    }
    const items: Record<string, { firewallPolicies?: unknown[]; warning?: unknown }> = {};
    for (const policy of plan.networkPolicies ?? []) {
      const region = (policy as { region?: string }).region;
      const scope = region ? `regions/${region.slice(region.lastIndexOf('/') + 1)}` : 'global';
      (items[scope] ??= { firewallPolicies: [] }).firewallPolicies!.push(policy);
    }
    items.global ??= { warning: { code: 'NO_RESULTS_ON_PAGE', message: "There are no results for scope 'global' on this page.", data: [{ key: 'scope', value: 'global' }] } };
    send(response, 200, JSON.stringify({ kind: 'compute#networkFirewallPolicyAggregatedList', id: `projects/${project}/aggregated/firewallPolicies`, items, selfLink: `${base}/aggregated/firewallPolicies` }));
  };

  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const firewalls = /^\/compute\/v1\/projects\/([^/]+)\/global\/firewalls$/.exec(url.pathname);
      const aggregatedInstances = /^\/compute\/v1\/projects\/([^/]+)\/aggregated\/instances$/.exec(url.pathname);
      const networks = /^\/compute\/v1\/projects\/([^/]+)\/global\/networks$/.exec(url.pathname);
      const effective = /^\/compute\/v1\/projects\/([^/]+)\/global\/networks\/([^/]+)\/getEffectiveFirewalls$/.exec(url.pathname);
      const networkPolicies = /^\/compute\/v1\/projects\/([^/]+)\/aggregated\/firewallPolicies$/.exec(url.pathname);
      if (request.method === 'POST' && url.pathname === '/v1/token') token(body, response);
      else if (request.method === 'GET' && networks) policies(request, response, decodeURIComponent(networks[1]), 'networks');
      else if (request.method === 'GET' && effective) policies(request, response, decodeURIComponent(effective[1]), `effective:${decodeURIComponent(effective[2])}`);
      else if (request.method === 'GET' && networkPolicies) policies(request, response, decodeURIComponent(networkPolicies[1]), 'network-policies');
      else if (request.method === 'GET' && firewalls) void list(request, response, decodeURIComponent(firewalls[1]), url.searchParams);
      else if (request.method === 'GET' && aggregatedInstances) instances(request, response, decodeURIComponent(aggregatedInstances[1]), url.searchParams);
      else send(response, 404, googleError(404, 'NOT_FOUND', `no route for ${request.method} ${url.pathname}`, 'notFound'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    url,
    tokenUrl: `${url}/v1/token`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  }) as GcpServer;
}
