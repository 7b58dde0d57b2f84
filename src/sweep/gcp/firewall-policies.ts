import type { NetworkFirewallPoliciesClient } from '@google-cloud/compute/build/src/v1/network_firewall_policies_client.js';
import type { NetworksClient } from '@google-cloud/compute/build/src/v1/networks_client.js';
import type { GoogleAuth } from 'google-auth-library';
import { restFirewallPolicy } from './firewall-item.js';
import { endpointOptions, PAGE_SIZE, pageCallOptions, type GcpRetrySettings } from './firewalls-client.js';

export interface PolicyClients {
  networks: NetworksClient;
  policies: NetworkFirewallPoliciesClient;
}

/** A firewall policy as the SDK decodes it: only what says which policy it is and whether it governs a network. */
interface DecodedPolicy {
  name?: string | null;
  type?: string | null;
  region?: string | null;
  associations?: unknown[] | null;
}

/** The policy types a network's effective firewalls hold rules of the customer's in. */
const EFFECTIVE_TYPES = new Set(['HIERARCHY', 'NETWORK']);

/** The clients that find a project's firewall policies, loaded only now, each from its own module, sharing the sweep's GoogleAuth. */
export async function policyClients(endpointUrl: string | undefined, auth: GoogleAuth): Promise<PolicyClients> {
  const [{ NetworksClient }, { NetworkFirewallPoliciesClient }] = await Promise.all([
    import('@google-cloud/compute/build/src/v1/networks_client.js'),
    import('@google-cloud/compute/build/src/v1/network_firewall_policies_client.js'),
  ]);
  const options = { fallback: true, auth, ...endpointOptions(endpointUrl) };
  return { networks: new NetworksClient(options), policies: new NetworkFirewallPoliciesClient(options) };
}

/**
 * The firewall policies that govern the project's networks, each once, as snapshot items in the Compute REST shape
 * with `kind: compute#firewallPolicy`. A network's hierarchical and global network policies are its effective firewalls
 * (networks.getEffectiveFirewalls) — a hierarchical policy governs every network under its folder or organisation, and
 * is written once, with `parapetEffectiveOn` naming each network (its selfLink) whose effective firewalls list it and
 * its place among them, so that the scan evaluates the levels in order; regional network policies are those of
 * networkFirewallPolicies.aggregatedList with an association. Throws the SDK's error when a listing fails after its
 * retries.
 */
export async function governingPolicies(clients: PolicyClients, project: string, retry: GcpRetrySettings): Promise<unknown[]> {
  const callOptions = pageCallOptions(retry);
  const policies = new Map<string, Record<string, unknown>>();
  // A regional policy may share its name with a global one, or one of another region: the scope is part of the key.
  const add = (policy: DecodedPolicy, type: string): Record<string, unknown> | undefined => {
    if (!policy.name) return undefined;
    const key = `${policy.region ?? 'global'}/${policy.name}`;
    let item = policies.get(key);
    if (!item) policies.set(key, (item = restFirewallPolicy(policy, type)));
    return item;
  };

  for await (const network of clients.networks.listAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    if (!network.name) continue;
    const [effective] = await clients.networks.getEffectiveFirewalls({ project, network: network.name }, callOptions);
    for (const [order, policy] of ((effective.firewallPolicys ?? []) as DecodedPolicy[]).entries()) {
      const item = policy.type && EFFECTIVE_TYPES.has(policy.type) ? add(policy, policy.type) : undefined;
      if (item && network.selfLink) item.parapetEffectiveOn = [...((item.parapetEffectiveOn as unknown[] | undefined) ?? []), { network: network.selfLink, order }];
    }
  }
  for await (const [, scoped] of clients.policies.aggregatedListAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    for (const policy of (scoped.firewallPolicies ?? []) as DecodedPolicy[]) {
      if (policy.region && (policy.associations ?? []).length > 0) add(policy, 'NETWORK_REGIONAL');
    }
  }
  return [...policies.values()];
}
