import { quoted } from '../../model/quote.js';

/** A firewall policy as the Compute API gives it (networks.getEffectiveFirewalls, networkFirewallPolicies). */
export interface GcpFirewallPolicy {
  name?: string | null;
  shortName?: string | null;
  type?: string | null;
  region?: string | null;
  associations?: { attachmentTarget?: string | null }[] | null;
  rules?: { action?: string | null; direction?: string | null; disabled?: boolean | null }[] | null;
}

const KIND_OF_TYPE: Record<string, string> = { HIERARCHY: 'hierarchical', NETWORK: 'network', NETWORK_REGIONAL: 'regional network' };

/** What kind of policy it is ('hierarchical', 'network', …), or undefined for a type that holds no rules of the customer's. */
export function policyKind(policy: GcpFirewallPolicy): string | undefined {
  return KIND_OF_TYPE[policy.type ?? ''];
}

/**
 * The policy as a message names it, or undefined when it opens nothing: only an enabled ingress allow rule lets traffic
 * in that no firewall rule shows (goto_next and deny rules, which every hierarchical policy holds, open nothing).
 */
export function describedPolicy(policy: GcpFirewallPolicy, kind: string): string | undefined {
  const allows = (policy.rules ?? []).filter((rule) => rule?.action === 'allow' && rule.direction !== 'EGRESS' && rule.disabled !== true).length;
  if (allows === 0) return undefined;
  return `${quoted(policy.shortName || policy.name || '(unnamed)', 80)} (${kind}, ${allows} ingress allow rule${allows === 1 ? '' : 's'})`;
}

/** The warning for a network governed by the policies described. */
export function policiesMessage(network: string, described: string[]): string {
  return `${network} is governed by firewall polic${described.length === 1 ? 'y' : 'ies'} ${described.join(', ')}, which Parapet does not model — what they allow no finding reports; review them (gcloud compute networks get-effective-firewalls)`;
}
