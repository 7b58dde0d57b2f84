import { detached } from '../model/detached.js';
import type { NetworkRule, NetworkScope, TrafficDirection } from './model.js';

/** One kind of connection: its direction, protocol and (for TCP, UDP, SCTP) destination port. */
export interface Traffic {
  direction: TrafficDirection;
  /** A concrete protocol ('tcp', 'udp', 'icmp', '47'…). A name no rule uses stands for "some other protocol". */
  protocol: string;
  /** The local port; only read for protocols with ports. */
  port?: number;
}

const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

const PROTOCOL_ALIASES: Record<string, string> = {
  '-1': 'any', '*': 'any', all: 'any', ip: 'any', '0': 'any',
  '6': 'tcp', '17': 'udp', '1': 'icmp', icmpv4: 'icmp', '58': 'icmpv6', 'ipv6-icmp': 'icmpv6', '132': 'sctp',
};

/** Inputs spell a handful of protocols thousands of times: each spelling is normalised once. */
const normalized = new Map<string, string>(['tcp', 'udp', 'any', 'icmp'].map((name) => [name, name]));

export function normalizeProtocol(protocol: string): string {
  if (protocol === 'tcp' || protocol === 'udp') return protocol;
  let known = normalized.get(protocol);
  if (known === undefined) {
    const lower = protocol.trim().toLowerCase();
    known = Object.hasOwn(PROTOCOL_ALIASES, lower) ? PROTOCOL_ALIASES[lower] : lower;
    if (normalized.size < 10_000) normalized.set(detached(protocol), (known = detached(known)));
  }
  return known;
}

export function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp' || PORT_PROTOCOLS.has(normalizeProtocol(protocol));
}

/**
 * Whether a rule applies in a scope. A rule naming only scopes the asset does not have (targets the input does not
 * describe) may still apply somewhere: its allows count, its denies do not — the over-approximation an auditor wants.
 */
export function ruleAppliesInScope(rule: NetworkRule, scope: NetworkScope, allScopes: readonly NetworkScope[]): boolean {
  if (!rule.scopes || rule.scopes.length === 0) return true;
  const names = rule.scopes.map((name) => name.toLowerCase());
  if (names.includes('any') || names.includes('all') || names.includes(scope.name.toLowerCase())) return true;
  const known = allScopes.some((other) => names.includes(other.name.toLowerCase()));
  return !known && isAllow(rule);
}

export function isAllow(rule: NetworkRule): boolean {
  return rule.action === 'allow' || rule.action === 'limit';
}
