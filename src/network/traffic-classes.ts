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
export function portClasses(asset: NetworkAsset, direction: TrafficDirection, protocol: string): readonly PortRange[] {
  return evaluationOf(asset).segmentsOf(direction, normalizeProtocol(protocol));
}

/** TCP, UDP, every other protocol the asset's rules name for this direction, and one protocol none of them names. */
export function protocolsToCheck(asset: NetworkAsset, direction: TrafficDirection): string[] {
  const named = evaluationOf(asset).rules.filter((facts) => facts.direction === direction).map((facts) => facts.protocol);
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
