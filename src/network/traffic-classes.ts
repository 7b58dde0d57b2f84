import type { NetworkAsset, PortRange, TrafficDirection } from './model.js';
import { evaluationOf } from './asset-evaluation.js';
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
  if (!hasPorts(protocol)) return ALL_PORTS_CLASS;
  const evaluation = evaluationOf(asset);
  const wanted = normalizeProtocol(protocol);
  const byProtocol = evaluation.portClasses.of(direction);
  let classes = byProtocol.get(wanted);
  if (!classes) {
    // Most rules cover all ports or none of this protocol: no set is built until one does not.
    let boundaries: Set<number> | undefined;
    for (const facts of evaluation.rules) {
      if (facts.rule.direction !== direction || (facts.protocol !== 'any' && facts.protocol !== wanted)) continue;
      for (const range of facts.ports) {
        if (range.from > 0 && range.from <= 65535) (boundaries ??= new Set([0])).add(range.from);
        if (range.to + 1 <= 65535 && range.to >= 0) (boundaries ??= new Set([0])).add(range.to + 1);
      }
    }
    const starts = boundaries ? [...boundaries].sort((a, b) => a - b) : [0];
    classes = boundaries ? starts.map((from, index) => ({ from, to: index + 1 < starts.length ? starts[index + 1] - 1 : 65535 })) : ALL_PORTS_CLASS;
    byProtocol.set(wanted, classes);
  }
  return classes;
}

const ALL_PORTS_CLASS: PortRange[] = [{ from: 0, to: 65535 }];

/** Which of the classes holds a port. */
export function classIndex(classes: readonly PortRange[], port: number): number {
  let low = 0;
  let high = classes.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (classes[middle].from <= port) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** TCP, UDP, every other protocol the asset's rules name for this direction, and one protocol none of them names. */
export function protocolsToCheck(asset: NetworkAsset, direction: TrafficDirection): string[] {
  const named = evaluationOf(asset).rules.filter((facts) => facts.rule.direction === direction).map((facts) => facts.protocol);
  return [...new Set(['tcp', 'udp', ...named.filter((protocol) => protocol !== 'any'), OTHER_PROTOCOL])];
}

/** Every class of traffic of one direction, for checks over all traffic (all ports open, shadowed rules). */
export function trafficClasses(asset: NetworkAsset, direction: TrafficDirection, protocols = protocolsToCheck(asset, direction)): TrafficClass[] {
  const classes: TrafficClass[] = [];
  for (const protocol of protocols) {
    const withPorts = hasPorts(protocol);
    for (const ports of portClasses(asset, direction, protocol)) classes.push({ traffic: { direction, protocol, port: withPorts ? ports.from : undefined }, ports });
  }
  return classes;
}
