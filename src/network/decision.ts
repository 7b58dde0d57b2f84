import type { SourceLocation } from '../model/location.js';
import { AddressSet } from './address-set.js';
import type { NetworkRule, NetworkScope } from './model.js';

/** What decides a piece of traffic: a rule, the scope's default policy, or the firewall of that scope being off. */
export type Decider =
  | { kind: 'rule'; rule: NetworkRule }
  | { kind: 'default'; scope: NetworkScope }
  | { kind: 'firewall-off'; scope: NetworkScope };

/** Remote addresses whose traffic one decider lets through or stops. */
export interface Decision {
  action: 'allow' | 'deny';
  /** Sources of inbound traffic, destinations of outbound traffic. Never empty. */
  remotes: AddressSet;
  decidedBy: Decider;
  /** The line to point at: the rule, the default policy line, the firewall state line (or the asset when the input states none). */
  location: SourceLocation;
}

export class ScopeReachability {
  private allowedSet?: AddressSet;

  constructor(
    readonly scope: NetworkScope,
    /**
     * Every remote address is in at least one decision. Where rules apply only to one interface, some local addresses
     * or some source ports and the query leaves those open, each such slice of the traffic is decided on its own and an
     * address can be in one decision per slice (allowed on eth0 by a rule, elsewhere by the default); otherwise, and
     * always when the query names the interface and local address of a traffic without source-port rules, the decisions
     * partition the addresses.
     */
    readonly decisions: Decision[],
  ) {}

  /** Every remote address an allow decision lets through (worked out when first asked: most questions never ask). */
  get allowed(): AddressSet {
    if (!this.allowedSet) {
      const allowed: AddressSet[] = [];
      for (const decision of this.decisions) if (decision.action === 'allow') allowed.push(decision.remotes);
      this.allowedSet = AddressSet.unionOf(allowed);
    }
    return this.allowedSet;
  }
}
