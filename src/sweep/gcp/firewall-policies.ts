import type { NetworkFirewallPoliciesClient } from '@google-cloud/compute/build/src/v1/network_firewall_policies_client.js';
import type { NetworksClient } from '@google-cloud/compute/build/src/v1/networks_client.js';
import type { GoogleAuth } from 'google-auth-library';
import { quoted } from '../../model/quote.js';
import { describedPolicy, policiesMessage, policyKind, type GcpFirewallPolicy } from '../../parsers/gcp/firewall-policies.js';
import { endpointOptions, PAGE_SIZE, pageCallOptions, type GcpRetrySettings } from './firewalls-client.js';

export interface PolicyClients {
  networks: NetworksClient;
  policies: NetworkFirewallPoliciesClient;
}

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
 * What the firewall policies that govern the project's networks may allow, one message a network: Parapet does not
 * model them, and an allow rule of a policy opens traffic that no firewall rule shows. A network's hierarchical and
 * global network policies are its effective firewalls (networks.getEffectiveFirewalls); regional network policies are
 * found with their associations (networkFirewallPolicies.aggregatedList). Policies without an enabled ingress allow
 * rule open nothing, and are not named. Throws the SDK's error when a listing fails after its retries.
 */
export async function unmodelledPolicies(clients: PolicyClients, project: string, retry: GcpRetrySettings): Promise<string[]> {
  const callOptions = pageCallOptions(retry);
  const governing = new Map<string, Map<string, string>>();
  const add = (network: string, policy: GcpFirewallPolicy, kind: string) => {
    const described = describedPolicy(policy, kind);
    if (described === undefined) return;
    const policies = governing.get(network) ?? new Map<string, string>();
    policies.set(`${kind}\u0000${policy.shortName || policy.name}`, described);
    governing.set(network, policies);
  };

  for await (const network of clients.networks.listAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    if (!network.name) continue;
    const [effective] = await clients.networks.getEffectiveFirewalls({ project, network: network.name }, callOptions);
    for (const policy of (effective.firewallPolicys ?? []) as GcpFirewallPolicy[]) {
      const kind = policyKind(policy);
      if (kind) add(network.name, policy, kind);
    }
  }
  for await (const [, scoped] of clients.policies.aggregatedListAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    for (const policy of (scoped.firewallPolicies ?? []) as GcpFirewallPolicy[]) {
      if (!policy.region) continue;
      for (const association of policy.associations ?? []) {
        const network = association.attachmentTarget?.slice(association.attachmentTarget.lastIndexOf('/') + 1);
        if (network) add(network, policy, `regional network in ${policy.region.slice(policy.region.lastIndexOf('/') + 1)}`);
      }
    }
  }
  return [...governing].map(([network, policies]) => policiesMessage(`network ${quoted(network, 80)}`, [...policies.values()]));
}
