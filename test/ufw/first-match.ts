import ipaddr from 'ipaddr.js';
import type { AddressMatch, NetworkAsset, NetworkRule } from '../../src/network/model.js';

/** A packet to judge: the remote end's address, the protocol and the destination port. */
export interface Probe {
  direction: 'inbound' | 'outbound';
  protocol: 'tcp' | 'udp';
  port: number;
  remote: string;
  /** This host's address (the destination of inbound traffic). */
  local: string;
}

/**
 * The test's own first-match evaluation of a parsed ufw asset, independent of src/network/reachability.ts:
 * the first enabled rule (lowest priority) whose direction, protocol, port and addresses match decides; otherwise the
 * scope's default. A switched-off firewall passes everything.
 */
export function decide(asset: NetworkAsset, probe: Probe): 'allow' | 'deny' {
  const scope = asset.scopes[0];
  if (!scope.enabled) return 'allow';
  const rules = [...asset.rules].sort((a, b) => a.priority - b.priority);
  const rule = rules.find((candidate) => matches(candidate, probe));
  if (rule) return rule.action === 'allow' || rule.action === 'limit' ? 'allow' : 'deny';
  const fallback = probe.direction === 'inbound' ? scope.defaultInbound : scope.defaultOutbound;
  return fallback === 'allow' ? 'allow' : 'deny';
}

function matches(rule: NetworkRule, probe: Probe): boolean {
  if (!rule.enabled || rule.direction !== probe.direction) return false;
  if (rule.protocol !== 'any' && rule.protocol !== probe.protocol) return false;
  if (!rule.ports.some((range) => range.from <= probe.port && probe.port <= range.to)) return false;
  if (!rule.remote.some((address) => contains(address, probe.remote))) return false;
  return !rule.local || rule.local.some((address) => contains(address, probe.local));
}

function contains(match: AddressMatch, address: string): boolean {
  if (match.kind === 'any') return true;
  if (match.kind !== 'cidr') throw new Error(`ufw produced a ${match.kind} address`);
  const parsed = ipaddr.parse(address);
  const [network, bits] = ipaddr.parseCIDR(match.cidr);
  return parsed.kind() === network.kind() && parsed.match(network, bits);
}
