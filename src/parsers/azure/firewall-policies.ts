import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { stringOf } from '../json/cloud-values.js';
import { firewallPolicyOf, isFirewall } from './firewall-nat.js';

const GROUP_OF_POLICY = /\/rulecollectiongroups\/[^/]*$/i;

/**
 * The firewall policies a listing's firewalls take their rules from, against the rule collection groups it holds: a
 * firewall whose policy's groups are not in the listing has DNAT rules this file does not show, which is said rather
 * than passed over.
 */
export class FirewallPolicies {
  private readonly wanted = new Map<string, { policy: string; firewall: string; line: number }>();
  private readonly listed = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly problems: InputProblem[],
  ) {}

  /** Notes a firewall or rule collection group of the listing. */
  seen(item: Record<string, unknown>, line: number): void {
    if (isFirewall(item)) {
      const policy = firewallPolicyOf(item);
      if (policy && !this.wanted.has(policy.toLowerCase())) this.wanted.set(policy.toLowerCase(), { policy, firewall: stringOf(item.name) ?? stringOf(item.id) ?? 'of the listing', line });
    } else {
      const id = stringOf(item.id);
      if (id) this.listed.add(id.replace(GROUP_OF_POLICY, '').toLowerCase());
    }
  }

  check(): void {
    for (const [key, { policy, firewall, line }] of this.wanted) {
      if (this.listed.has(key)) continue;
      const name = policy.slice(policy.lastIndexOf('/') + 1);
      this.problems.push({
        id: 'azure/firewall-policy-not-listed',
        file: this.file,
        line,
        level: 'warning',
        message: `firewall ${quoted(firewall, 80)} takes its rules from firewall policy ${quoted(name, 80)}, whose rule collection groups this file does not hold: the DNAT rules there were not judged with it — export them (az network firewall policy rule-collection-group list --policy-name NAME --resource-group RG) and scan that file too`,
      });
    }
  }
}
