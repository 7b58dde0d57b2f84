/**
 * Azure Firewalls, firewall policies and their rule collection groups as ARM's REST API lists them (fields under
 * `properties`, a classic NAT rule collection's too), for the local ARM stand-in.
 */

const NETWORK = 'Microsoft.Network';

/** A classic NAT rule as ARM writes it (protocols, sourceAddresses, destinationPorts, translatedAddress, translatedPort, …). */
export type StubNatRule = Record<string, unknown> & { name: string };

/** An Azure Firewall with classic NAT rule collections, or one that takes its rules from a policy of the subscription. */
export interface StubFirewall {
  resourceGroup: string;
  name: string;
  natRuleCollections: { name: string; priority: number; action: 'Dnat' | 'Snat'; rules: StubNatRule[] }[];
  /** The name of the firewall policy (in the same resource group) it takes its rules from. */
  policy?: string;
}

/** A firewall policy and its rule collection groups, whose ruleCollections are written as ARM writes them. */
export interface StubFirewallPolicy {
  resourceGroup: string;
  name: string;
  groups: { name: string; priority: number; ruleCollections: unknown[] }[];
  /** How many groups a page of its group listing lists. */
  pageSize?: number;
}

export function firewallPolicyId(subscriptionId: string, policy: { resourceGroup: string; name: string }): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${policy.resourceGroup}/providers/${NETWORK}/firewallPolicies/${policy.name}`;
}

export function firewallResource(subscriptionId: string, firewall: StubFirewall): unknown {
  const id = `/subscriptions/${subscriptionId}/resourceGroups/${firewall.resourceGroup}/providers/${NETWORK}/azureFirewalls/${firewall.name}`;
  return {
    id,
    name: firewall.name,
    type: `${NETWORK}/azureFirewalls`,
    location: 'westeurope',
    etag: 'W/"00000000-0000-0000-0000-000000000005"',
    properties: {
      provisioningState: 'Succeeded',
      sku: { name: 'AZFW_VNet', tier: 'Standard' },
      threatIntelMode: 'Alert',
      ipConfigurations: [],
      natRuleCollections: firewall.natRuleCollections.map(({ name, priority, action, rules }) => ({
        id: `${id}/natRuleCollections/${name}`,
        name,
        etag: 'W/"00000000-0000-0000-0000-000000000006"',
        properties: { priority, action: { type: action }, rules, provisioningState: 'Succeeded' },
      })),
      networkRuleCollections: [],
      applicationRuleCollections: [],
      ...(firewall.policy ? { firewallPolicy: { id: firewallPolicyId(subscriptionId, { resourceGroup: firewall.resourceGroup, name: firewall.policy }) } } : {}),
    },
  };
}

export function firewallPolicyResource(subscriptionId: string, policy: StubFirewallPolicy): unknown {
  const id = firewallPolicyId(subscriptionId, policy);
  return {
    id,
    name: policy.name,
    type: `${NETWORK}/FirewallPolicies`,
    location: 'westeurope',
    etag: '00000000-0000-0000-0000-000000000007',
    properties: { provisioningState: 'Succeeded', threatIntelMode: 'Alert', sku: { tier: 'Standard' }, ruleCollectionGroups: policy.groups.map((group) => ({ id: `${id}/ruleCollectionGroups/${group.name}` })), firewalls: [], childPolicies: [] },
  };
}

export function ruleCollectionGroupResource(policyId: string, group: StubFirewallPolicy['groups'][number]): unknown {
  return {
    id: `${policyId}/ruleCollectionGroups/${group.name}`,
    name: group.name,
    type: `${NETWORK}/FirewallPolicies/RuleCollectionGroups`,
    etag: '00000000-0000-0000-0000-000000000008',
    properties: { priority: group.priority, ruleCollections: group.ruleCollections, provisioningState: 'Succeeded' },
  };
}
