import type { Asset } from '../model/asset.js';
import type { SourceLocation } from '../model/location.js';

/**
 * The one network model every firewall and cloud input is normalised into. Parsers fill it; the reachability
 * query (./reachability.ts) evaluates it with the asset's own semantics; `net/*` rules only ever use the query.
 */

export type RuleAction = 'allow' | 'deny' | 'reject' | 'limit';
export type TrafficDirection = 'inbound' | 'outbound';

/** IANA protocol name in lower case ('tcp', 'udp', 'icmp', 'icmpv6', 'esp', …), a protocol number as a string, or 'any'. */
export type Protocol = string;

/** Inclusive port range; all ports is { from: 0, to: 65535 }. */
export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** An address a rule matches, as the input wrote it, classified. */
export type AddressMatch =
  /** Every address, IPv4 and IPv6: ufw 'Anywhere', netsh 'Any', Azure '*' / 'Internet', AWS 0.0.0.0/0 + ::/0 together. */
  | { kind: 'any'; text: string }
  /** A CIDR or a single address (normalised to CIDR): '0.0.0.0/0', '::/0', '10.0.0.0/8', '203.0.113.5/32'. */
  | { kind: 'cidr'; cidr: string; text: string }
  /** An inclusive address range (netsh '10.0.0.1-10.0.0.255'). */
  | { kind: 'range'; first: string; last: string; text: string }
  /**
   * A name whose addresses the file does not show: netsh LocalSubnet / Intranet / DefaultGateway, Azure service tags
   * (VirtualNetwork, AzureLoadBalancer, Storage.WestEurope), AWS prefix lists. `public` says whether it can contain
   * public addresses: 'no' (LocalSubnet, VirtualNetwork), 'yes', or 'unknown' (an AWS prefix list).
   */
  | { kind: 'symbol'; name: string; public: 'yes' | 'no' | 'unknown'; text: string }
  /** Another group as source: AWS UserIdGroupPairs, Azure application security groups, GCP source tags / service accounts. Never the internet. */
  | { kind: 'group'; ref: string; text: string };

export interface NetworkRule {
  /** Stable identity inside the asset, independent of line numbers: the rule name, the netsh 'Rule Name', the ufw tuple. */
  id: string;
  /** How people call it in a message: "rule 'Allow SSH'", "ufw rule [3] '22/tcp ALLOW IN Anywhere'", "IpPermissions[0]". */
  label: string;
  direction: TrafficDirection;
  action: RuleAction;
  protocol: Protocol;
  /** Destination (local) ports; [ALL_PORTS] for all. Ignored for protocols without ports. */
  ports: PortRange[];
  /** Source ports of the matched packets, where the input restricts them (ufw `from 10.0.0.1 port 123`); absent = any. */
  sourcePorts?: PortRange[];
  /** Remote side: sources of inbound traffic, destinations of outbound traffic. Never empty: use { kind: 'any' }. */
  remote: AddressMatch[];
  /** Local side, where the input restricts it (netsh LocalIP, ufw 'to' address, Azure destinationAddressPrefix). Absent = any. */
  local?: AddressMatch[];
  /** Evaluation order: lower first. ufw: position; Azure/GCP: priority; netsh/AWS: 0 (order does not matter). */
  priority: number;
  enabled: boolean;
  /**
   * The scopes this rule applies to (see NetworkAsset.scopes), e.g. ['Domain', 'Private'] for a Windows rule,
   * GCP target tags; absent = every scope.
   */
  scopes?: string[];
  /** ufw 'on eth0', Windows InterfaceTypes, GCP targetTags text — shown in messages, not evaluated. */
  appliesTo?: string;
  location: SourceLocation;
  /**
   * Values of infrastructure code this rule was judged without, as the code names them ('var.allowed_cidrs'): each was
   * taken as the worst it could be (any address, every port), so what the rule lets through may be less.
   */
  dependsOn?: string[];
  /**
   * The instances this rule applies to, where the input says (a GCP sweep reads them: instances on the rule's network
   * with its target tags or service accounts): [] when none, undefined when the input does not say.
   */
  usedBy?: AttachedResource[];
}

/** A separately evaluated part of one asset: a Windows profile (Domain, Private, Public), or the whole asset. */
export interface NetworkScope {
  name: string;
  /** False when this firewall (profile) is switched off: everything passes. */
  enabled: boolean;
  /** Where the firewall's state is stated: ufw 'Status:' line, netsh 'State' line. */
  stateLocation?: SourceLocation;
  /** What happens to traffic no rule matches. */
  defaultInbound: 'allow' | 'deny' | 'reject';
  defaultOutbound: 'allow' | 'deny' | 'reject';
  /** Where the default policy is stated: ufw 'Default:' line, netsh 'Firewall Policy' line; absent when implied. */
  defaultLocation?: SourceLocation;
}

/**
 * How the asset's rules combine:
 * - 'first-match': rules in priority order, the first that matches decides (ufw; Azure NSG and GCP, whose priorities
 *   are the order; GCP: deny beats allow at equal priority, so parsers give deny the lower order on ties).
 * - 'block-wins': any matching enabled deny/block beats any matching allow, regardless of order (Windows firewall).
 * - 'allow-only': rules can only allow; anything not allowed is denied (AWS security groups).
 */
export type EvaluationSemantics = 'first-match' | 'block-wins' | 'allow-only';

/** Something a security group or NSG is attached to, as the input names it. */
export interface AttachedResource {
  kind: 'network interface' | 'subnet' | 'instance';
  id: string;
  /** The instance a network interface is attached to, where the input says. */
  instance?: string;
}

export interface NetworkAsset {
  kind: 'network';
  asset: Asset;
  /**
   * What the asset is attached to, where the input says (an Azure NSG's NICs and subnets, the network interfaces a
   * sweep read for an AWS group): [] when nothing is, undefined when the input does not say.
   */
  usedBy?: AttachedResource[];
  semantics: EvaluationSemantics;
  /**
   * The directions the asset can filter, where it cannot filter both: a Lightsail instance's firewall has no outbound
   * rules, so what it lets out is no finding of its (the host's firewall is where to restrict it).
   */
  filters?: readonly TrafficDirection[];
  scopes: NetworkScope[];
  rules: NetworkRule[];
  /** The file the asset came from and the line where it starts (the group's object, the status header). */
  location: SourceLocation;
}
