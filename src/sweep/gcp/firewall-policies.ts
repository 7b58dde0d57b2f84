import type { NetworkFirewallPoliciesClient } from '@google-cloud/compute/build/src/v1/network_firewall_policies_client.js';
import type { NetworksClient } from '@google-cloud/compute/build/src/v1/networks_client.js';
import type { GoogleAuth } from 'google-auth-library';
import { quoted } from '../../model/quote.js';
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

interface DecodedPolicy {
  name?: string | null;
  shortName?: string | null;
  type?: string | null;
  region?: string | null;
  associations?: { attachmentTarget?: string | null }[] | null;
  rules?: { action?: string | null; direction?: string | null; disabled?: boolean | null }[] | null;
}

const KIND_OF_TYPE: Record<string, string> = { HIERARCHY: 'hierarchical', NETWORK: 'network', NETWORK_REGIONAL: 'regional network' };

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
  const add = (network: string, policy: DecodedPolicy, kind: string) => {
    const allows = (policy.rules ?? []).filter((rule) => rule.action === 'allow' && rule.direction !== 'EGRESS' && rule.disabled !== true).length;
    if (allows === 0) return;
    const name = policy.shortName || policy.name || '(unnamed)';
    const policies = governing.get(network) ?? new Map<string, string>();
    policies.set(`${kind}\u0000${name}`, `${quoted(name, 80)} (${kind}, ${allows} ingress allow rule${allows === 1 ? '' : 's'})`);
    governing.set(network, policies);
  };

  for await (const network of clients.networks.listAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    if (!network.name) continue;
    const [effective] = await clients.networks.getEffectiveFirewalls({ project, network: network.name }, callOptions);
    for (const policy of (effective.firewallPolicys ?? []) as DecodedPolicy[]) {
      const kind = KIND_OF_TYPE[policy.type ?? ''];
      if (kind) add(network.name, policy, kind);
    }
  }
  for await (const [, scoped] of clients.policies.aggregatedListAsync({ project, maxResults: PAGE_SIZE }, callOptions)) {
    for (const policy of (scoped.firewallPolicies ?? []) as DecodedPolicy[]) {
      if (!policy.region) continue;
      for (const association of policy.associations ?? []) {
        const network = association.attachmentTarget?.slice(association.attachmentTarget.lastIndexOf('/') + 1);
        if (network) add(network, policy, `regional network in ${policy.region.slice(policy.region.lastIndexOf('/') + 1)}`);
      }
    }
  }
  return [...governing].map(
    ([network, policies]) =>
      `network ${quoted(network, 80)} is governed by firewall polic${policies.size === 1 ? 'y' : 'ies'} ${[...policies.values()].join(', ')}, which Parapet does not model — what they allow no finding reports; review them (gcloud compute networks get-effective-firewalls)`,
  );
}
