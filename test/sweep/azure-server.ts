import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { firewallPolicyId, firewallPolicyResource, firewallResource, ruleCollectionGroupResource, type StubFirewall, type StubFirewallPolicy } from './azure-firewall-resources.js';
import type { ThrowAwayCertificate } from './azure-tls.js';
import { readBody } from './read-body.js';

/**
 * A local stand-in for Microsoft Entra ID and Azure Resource Manager over https, speaking their wire formats: the
 * v2.0 token endpoint and OpenID metadata a client secret credential asks for, ARM's subscription listing, NSG
 * listAll pages, the listings of network managers, their security admin configurations, rule collections and admin
 * rules, and of Azure Firewalls, firewall policies and their rule collection groups (`{"value": [...], "nextLink": ...}`,
 * resources with ARM's nested `properties`), ARM error documents, and 429 answers with Retry-After.
 */

const CORPUS = join(import.meta.dirname, '../corpus/azure');
const TEMPLATES: Record<string, unknown>[] = [
  ...JSON.parse(readFileSync(join(CORPUS, 'arm-rest-nsg-listAll-page1.json'), 'utf8')).value,
  ...JSON.parse(readFileSync(join(CORPUS, 'arm-rest-nsg-listAll-page2.json'), 'utf8')).value,
];
const CORPUS_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

export interface ArmError {
  status: number;
  code: string;
  message: string;
}

export interface AddressPrefixItem {
  addressPrefix: string;
  addressPrefixType: 'IPPrefix' | 'ServiceTag' | 'NetworkGroup';
}

/** An Azure Virtual Network Manager in a resource group of the subscription, with its security admin configurations. */
export interface StubNetworkManager {
  resourceGroup: string;
  name: string;
  configurations: StubAdminConfiguration[];
}

export interface StubAdminConfiguration {
  name: string;
  collections: StubRuleCollection[];
}

export interface StubRuleCollection {
  name: string;
  rules: StubAdminRule[];
  /** How many rules a page of its rule listing lists. */
  pageSize?: number;
}

/** A custom security admin rule: its name and what ARM nests under `properties`. */
export interface StubAdminRule {
  name: string;
  access: 'Allow' | 'AlwaysAllow' | 'Deny';
  direction: 'Inbound' | 'Outbound';
  priority: number;
  protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | 'Any';
  sources: AddressPrefixItem[];
  destinations: AddressPrefixItem[];
  sourcePortRanges: string[];
  destinationPortRanges: string[];
}

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
  failWith?: ArmError;
  /** Milliseconds before each NSG answer. */
  delayMs?: number;
  /** The network managers in its resource groups (none when absent). */
  networkManagers?: StubNetworkManager[];
  /** Every request for its network manager listing fails with this ARM error. */
  networkManagersFailWith?: ArmError;
  /** Its Azure Firewalls and firewall policies (none when absent). */
  firewalls?: StubFirewall[];
  firewallPolicies?: StubFirewallPolicy[];
  /** Every request for its firewall listing fails with this ARM error. */
  firewallsFailWith?: ArmError;
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
    if ((match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Network\/networkManagers$/i.exec(url.pathname))) {
      const subscription = options.subscriptions.find((candidate) => candidate.id === match![1]);
      if (!subscription) return send(response, 404, { error: { code: 'SubscriptionNotFound', message: `The subscription '${match[1]}' could not be found.` } });
      const failure = subscription.networkManagersFailWith;
      if (failure) return send(response, failure.status, { error: { code: failure.code, message: failure.message } });
      return send(response, 200, listingPage(url, (subscription.networkManagers ?? []).map((manager) => networkManagerResource(subscription.id, manager))));
    }
    if ((match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Network\/(azureFirewalls|firewallPolicies)$/i.exec(url.pathname))) {
      const subscription = options.subscriptions.find((candidate) => candidate.id === match![1]);
      if (!subscription) return send(response, 404, { error: { code: 'SubscriptionNotFound', message: `The subscription '${match[1]}' could not be found.` } });
      const failure = subscription.firewallsFailWith;
      if (failure) return send(response, failure.status, { error: { code: failure.code, message: failure.message } });
      if (match[2] === 'azureFirewalls') return send(response, 200, listingPage(url, (subscription.firewalls ?? []).map((firewall) => firewallResource(subscription.id, firewall))));
      return send(response, 200, listingPage(url, (subscription.firewallPolicies ?? []).map((policy) => firewallPolicyResource(subscription.id, policy))));
    }
    if ((match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/firewallPolicies\/([^/]+)\/ruleCollectionGroups$/i.exec(url.pathname))) {
      const [subscriptionId, group, name] = match.slice(1).map(decodeURIComponent);
      const policy = options.subscriptions.find((candidate) => candidate.id === subscriptionId)?.firewallPolicies?.find((candidate) => candidate.resourceGroup === group && candidate.name === name);
      if (!policy) return send(response, 404, { error: { code: 'ResourceNotFound', message: `The Resource '${url.pathname}' was not found.` } });
      const policyId = firewallPolicyId(subscriptionId, policy);
      return send(response, 200, listingPage(url, policy.groups.map((item) => ruleCollectionGroupResource(policyId, item)), policy.pageSize));
    }
    if ((match = ADMIN_CHILDREN.exec(url.pathname))) return adminChildrenAnswer(match.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part))), url, response);
    send(response, 404, { error: { code: 'NotFound', message: `no route ${url.pathname}` } });
  }

  /** The configurations of a manager, the collections of a configuration, or the rules of a collection. */
  function adminChildrenAnswer([subscriptionId, group, managerName, configurationName, collectionName]: (string | undefined)[], url: URL, response: ServerResponse): void {
    const notFound = () => send(response, 404, { error: { code: 'ResourceNotFound', message: `The Resource '${url.pathname}' was not found.` } });
    const subscription = options.subscriptions.find((candidate) => candidate.id === subscriptionId);
    const manager = subscription?.networkManagers?.find((candidate) => candidate.resourceGroup === group && candidate.name === managerName);
    if (!subscription || !manager) return notFound();
    const managerId = networkManagerId(subscription.id, manager);
    if (configurationName === undefined) return send(response, 200, listingPage(url, manager.configurations.map((configuration) => configurationResource(managerId, configuration))));
    const configuration = manager.configurations.find((candidate) => candidate.name === configurationName);
    if (!configuration) return notFound();
    const configurationId = `${managerId}/securityAdminConfigurations/${configuration.name}`;
    if (collectionName === undefined) return send(response, 200, listingPage(url, configuration.collections.map((collection) => collectionResource(managerId, configurationId, collection))));
    const collection = configuration.collections.find((candidate) => candidate.name === collectionName);
    if (!collection) return notFound();
    const collectionId = `${configurationId}/ruleCollections/${collection.name}`;
    send(response, 200, listingPage(url, collection.rules.map((rule) => adminRuleResource(collectionId, rule)), collection.pageSize));
  }

  /** One page of an ARM listing, with a nextLink to the rest. */
  function listingPage(url: URL, resources: unknown[], pageSize = 100): unknown {
    const start = Number(url.searchParams.get('$skipToken') ?? 0);
    const value = resources.slice(start, start + pageSize);
    const nextLink = start + pageSize < resources.length ? `${stub.url}${url.pathname}?api-version=${url.searchParams.get('api-version')}&$skipToken=${start + pageSize}` : undefined;
    return nextLink ? { value, nextLink } : { value };
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

const ADMIN_CHILDREN = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/networkManagers\/([^/]+)\/securityAdminConfigurations(?:\/([^/]+)\/ruleCollections(?:\/([^/]+)\/rules)?)?$/i;
const MANAGERS = 'Microsoft.Network/networkManagers';

function networkManagerId(subscriptionId: string, manager: StubNetworkManager): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${manager.resourceGroup}/providers/${MANAGERS}/${manager.name}`;
}

function networkManagerResource(subscriptionId: string, manager: StubNetworkManager): unknown {
  return {
    id: networkManagerId(subscriptionId, manager),
    name: manager.name,
    type: MANAGERS,
    location: 'westeurope',
    etag: '"00000000-0000-0000-0000-000000000001"',
    properties: {
      description: '',
      networkManagerScopes: { managementGroups: [], subscriptions: [`/subscriptions/${subscriptionId}`] },
      networkManagerScopeAccesses: ['SecurityAdmin'],
      provisioningState: 'Succeeded',
      resourceGuid: '00000000-0000-0000-0000-0000000000a1',
    },
  };
}

function configurationResource(managerId: string, configuration: StubAdminConfiguration): unknown {
  return {
    id: `${managerId}/securityAdminConfigurations/${configuration.name}`,
    name: configuration.name,
    type: `${MANAGERS}/securityAdminConfigurations`,
    etag: '"00000000-0000-0000-0000-000000000002"',
    properties: { description: '', applyOnNetworkIntentPolicyBasedServices: ['None'], provisioningState: 'Succeeded', resourceGuid: '00000000-0000-0000-0000-0000000000a2' },
  };
}

function collectionResource(managerId: string, configurationId: string, collection: StubRuleCollection): unknown {
  return {
    id: `${configurationId}/ruleCollections/${collection.name}`,
    name: collection.name,
    type: `${MANAGERS}/securityAdminConfigurations/ruleCollections`,
    etag: '"00000000-0000-0000-0000-000000000003"',
    properties: {
      description: '',
      appliesToGroups: [{ networkGroupId: `${managerId}/networkGroups/all-vnets` }],
      provisioningState: 'Succeeded',
      resourceGuid: '00000000-0000-0000-0000-0000000000a3',
    },
  };
}

function adminRuleResource(collectionId: string, { name, ...properties }: StubAdminRule): unknown {
  return {
    id: `${collectionId}/rules/${name}`,
    name,
    type: `${MANAGERS}/securityAdminConfigurations/ruleCollections/rules`,
    kind: 'Custom',
    etag: '"00000000-0000-0000-0000-000000000004"',
    properties: { description: '', ...properties, provisioningState: 'Succeeded', resourceGuid: '00000000-0000-0000-0000-0000000000a4' },
  };
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

