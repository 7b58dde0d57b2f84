import type { NetworkAsset, PortRange, TrafficDirection } from './model.js';
import { hasPorts, normalizeProtocol, type Traffic } from './traffic.js';

/** A protocol no rule names: what 'any protocol' rules alone decide (GRE, ESP, …). */
export const OTHER_PROTOCOL = 'other-protocol';
/** How findings name it. */
export const ANY_OTHER_PROTOCOL = 'any other protocol';

/** Traffic that stands for a whole class: every port in `ports` is decided exactly like `traffic.port`. */
export interface TrafficClass {
  traffic: Traffic;
  ports: PortRange;
}

/**
 * The ports that every rule treats alike, for one direction and protocol: their boundaries are the rules' own
 * boundaries, so checking one port per class checks all 65,536 ports.
 */
export function portClasses(asset: NetworkAsset, direction: TrafficDirection, protocol: string): PortRange[] {
  if (!hasPorts(protocol)) return [{ from: 0, to: 65535 }];
  const wanted = normalizeProtocol(protocol);
  const boundaries = new Set<number>([0]);
  for (const rule of asset.rules) {
    const ruleProtocol = normalizeProtocol(rule.protocol);
    if (rule.direction !== direction || (ruleProtocol !== 'any' && ruleProtocol !== wanted)) continue;
    for (const range of rule.ports) {
      if (range.from > 0 && range.from <= 65535) boundaries.add(range.from);
      if (range.to + 1 <= 65535 && range.to >= 0) boundaries.add(range.to + 1);
    }
  }
  const starts = [...boundaries].sort((a, b) => a - b);
  return starts.map((from, index) => ({ from, to: index + 1 < starts.length ? starts[index + 1] - 1 : 65535 }));
}

/** TCP, UDP, every other protocol the asset's rules name for this direction, and one protocol none of them names. */
export function protocolsToCheck(asset: NetworkAsset, direction: TrafficDirection): string[] {
  const named = asset.rules.filter((rule) => rule.direction === direction).map((rule) => normalizeProtocol(rule.protocol));
  return [...new Set(['tcp', 'udp', ...named.filter((protocol) => protocol !== 'any'), OTHER_PROTOCOL])];
}

/** Every class of traffic of one direction, for checks over all traffic (all ports open, shadowed rules). */
export function trafficClasses(asset: NetworkAsset, direction: TrafficDirection, protocols = protocolsToCheck(asset, direction)): TrafficClass[] {
  return protocols.flatMap((protocol) =>
    portClasses(asset, direction, protocol).map((ports) => ({ traffic: { direction, protocol, port: hasPorts(protocol) ? ports.from : undefined }, ports })),
  );
}
