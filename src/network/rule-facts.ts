import { AddressSet } from './address-set.js';
import type { NetworkRule, PortRange, TrafficDirection } from './model.js';
import { inPorts, mergePorts, mergedCoverAllPorts } from './ports.js';
import { hasPorts, isAllow, normalizeProtocol, type Traffic } from './traffic.js';

/** What evaluation reads of a rule again and again, worked out once per rule (rules do not change after parsing). */
export class RuleFacts {
  readonly allow: boolean;
  readonly direction: TrafficDirection;
  readonly protocol: string;
  /** Destination ports, merged. */
  readonly ports: readonly PortRange[];
  readonly allPorts: boolean;
  /** For all ports of TCP or UDP, or for any protocol: what `net/all-ports-open-to-world` looks for. */
  readonly catchAll: boolean;
  /** The source ports the rule is limited to, merged; undefined when it matches every source port. */
  readonly sourcePorts?: readonly PortRange[];
  private remoteSet?: AddressSet;
  private localSet?: AddressSet;
  private publicRemotes?: boolean;

  /** `index`: the rule's place in its asset's rules. */
  constructor(
    readonly rule: NetworkRule,
    readonly index = -1,
  ) {
    this.allow = isAllow(rule);
    this.direction = rule.direction;
    this.protocol = normalizeProtocol(rule.protocol);
    this.ports = mergePorts(rule.ports);
    this.allPorts = mergedCoverAllPorts(this.ports);
    this.catchAll = (this.protocol === 'any' || this.protocol === 'tcp' || this.protocol === 'udp') && this.allPorts;
    const sourcePorts = rule.sourcePorts && rule.sourcePorts.length > 0 ? mergePorts(rule.sourcePorts) : undefined;
    if (sourcePorts && !mergedCoverAllPorts(sourcePorts)) this.sourcePorts = sourcePorts;
  }

  /** The remote side as an address set. */
  get remotes(): AddressSet {
    return (this.remoteSet ??= AddressSet.of(this.rule.remote));
  }

  /** The local addresses the rule is restricted to (every address when it is not). */
  get local(): AddressSet {
    const { local } = this.rule;
    return (this.localSet ??= local && local.length > 0 ? AddressSet.of(local) : AddressSet.WORLD);
  }

  /** Whether the rule applies to some local addresses only. */
  get restrictsLocal(): boolean {
    const { local } = this.rule;
    return (this.localRestriction ??= local !== undefined && local.length > 0 && !(this.local.named.size === 0 && this.local.isWholeSpace()));
  }

  private localRestriction?: boolean;

  /** Whether the remote side holds a public address or a name that may be public. */
  get mayBePublic(): boolean {
    return (this.publicRemotes ??= this.remotes.hasPublicAddress() || this.remotes.possiblyPublicNames().length > 0);
  }

  /**
   * Whether the rule says anything about this traffic. A rule for 'any' protocol that names ports only speaks for
   * protocols with ports (ufw 'allow 22' is TCP and UDP, not ICMP).
   */
  matches(traffic: Traffic): boolean {
    return this.matchesNormalized(traffic.direction, normalizeProtocol(traffic.protocol), traffic.port);
  }

  /** As matches(), for a protocol already normalised: checks ask about one protocol for many rules. */
  matchesNormalized(direction: TrafficDirection, protocol: string, port: number | undefined): boolean {
    if (this.direction !== direction) return false;
    if (this.protocol !== 'any' && this.protocol !== protocol) return false;
    if (!hasPorts(protocol)) return this.allPorts || this.protocol !== 'any';
    if (this.allPorts || port === undefined) return true;
    return inPorts(this.ports, port);
  }
}
