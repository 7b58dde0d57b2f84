import { AddressSet } from './address-set.js';
import type { NetworkRule, NetworkScope, PortRange, TrafficDirection } from './model.js';

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

export function normalizeProtocol(protocol: string): string {
  const lower = protocol.trim().toLowerCase();
  return PROTOCOL_ALIASES[lower] ?? lower;
}

export function hasPorts(protocol: string): boolean {
  return PORT_PROTOCOLS.has(normalizeProtocol(protocol));
}

export function coversAllPorts(ports: readonly PortRange[]): boolean {
  const merged = mergePorts(ports);
  // Port 0 is not a port a service listens on: ufw's '1:65535' opens every port.
  return merged.length === 1 && merged[0].from <= 1 && merged[0].to >= 65535;
}

/** Sorted, merged port ranges (adjacent ones joined), dropping ranges that are not ranges. */
function mergePorts(ports: readonly PortRange[]): PortRange[] {
  const sorted = ports.filter((range) => Number.isInteger(range.from) && Number.isInteger(range.to) && range.from <= range.to).sort((a, b) => a.from - b.from);
  const merged: PortRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

/** Binary search: a rule may list thousands of ports, and checks ask about many. */
function inPorts(merged: readonly PortRange[], port: number): boolean {
  let low = 0;
  let high = merged.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (port < merged[middle].from) high = middle - 1;
    else if (port > merged[middle].to) low = middle + 1;
    else return true;
  }
  return false;
}

/** What checks ask of a rule again and again, worked out once per rule (rules are not changed after parsing). */
interface RuleFacts {
  protocol: string;
  ports: PortRange[];
  allPorts: boolean;
  local: AddressSet;
  localKey: string | undefined;
}

const facts = new WeakMap<NetworkRule, RuleFacts>();

function factsOf(rule: NetworkRule): RuleFacts {
  let known = facts.get(rule);
  if (!known) {
    const local = rule.local && rule.local.length > 0 ? AddressSet.of(rule.local) : AddressSet.WORLD;
    const localKey = local.isWholeSpace() ? undefined : (rule.local ?? []).map((match) => match.text).sort().join(',');
    const ports = mergePorts(rule.ports);
    const allPorts = coversAllPorts(ports);
    known = { protocol: normalizeProtocol(rule.protocol), ports, allPorts, local, localKey };
    facts.set(rule, known);
  }
  return known;
}

/**
 * Whether a rule says anything about this traffic. A rule for 'any' protocol that names ports only speaks for
 * protocols with ports (ufw 'allow 22' is TCP and UDP, not ICMP).
 */
export function ruleMatchesTraffic(rule: NetworkRule, traffic: Traffic): boolean {
  if (rule.direction !== traffic.direction) return false;
  const { protocol: ruleProtocol, ports, allPorts } = factsOf(rule);
  const protocol = normalizeProtocol(traffic.protocol);
  if (ruleProtocol !== 'any' && ruleProtocol !== protocol) return false;
  if (!hasPorts(protocol)) return allPorts || ruleProtocol !== 'any';
  if (allPorts || traffic.port === undefined) return true;
  return inPorts(ports, traffic.port);
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

/**
 * Whether a deny can be counted on: one restricted to some source ports blocks only part of the traffic, so it is not
 * taken to protect the rest. Allows with such restrictions still count: a sender chooses its own source port.
 */
export function denyIsUnconditional(rule: NetworkRule): boolean {
  return !rule.sourcePorts || rule.sourcePorts.length === 0 || coversAllPorts(rule.sourcePorts);
}

/** The restricted local side of a rule as a key, or undefined when it is every address. */
export function localKey(rule: NetworkRule): string | undefined {
  return factsOf(rule).localKey;
}

/** The local addresses a rule is restricted to (every address when it is not). */
export function localAddresses(rule: NetworkRule): AddressSet {
  return factsOf(rule).local;
}
