import type { NetworkAsset, TrafficDirection } from './model.js';
import { OpeningCollector, worldPart, type Opening } from './openings.js';
import { allowedRemotes, mayBePublic, reachability, scopesOf, type Decider } from './reachability.js';
import { ANY_OTHER_PROTOCOL, OTHER_PROTOCOL, trafficClasses } from './traffic-classes.js';
import { coversAllPorts, normalizeProtocol } from './traffic.js';

/**
 * Deciders that open every port to the world: a rule for all ports of TCP or UDP, or for any protocol, whose
 * sources include the whole internet — and, when asked, default policies and switched-off firewalls, which match
 * everything by nature. Earlier rules may carve ports out; what is left is still "everything else, to everyone".
 */
export function catchAllOpenings(asset: NetworkAsset, direction: TrafficDirection, includePolicies: boolean): Opening[] {
  const policy = direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  const policiesOpen = includePolicies && scopesOf(asset).some((scope) => !scope.enabled || scope[policy] === 'allow');
  if (!policiesOpen && !asset.rules.some((rule) => rule.enabled && rule.direction === direction && isCatchAll({ kind: 'rule', rule }, false) && mayBePublic(rule))) return [];
  const collector = new OpeningCollector();
  for (const { traffic } of trafficClasses(asset, direction, ['tcp', 'udp', OTHER_PROTOCOL])) {
    const protocol = traffic.protocol === OTHER_PROTOCOL ? ANY_OTHER_PROTOCOL : traffic.protocol;
    for (const result of reachability(asset, traffic)) {
      const allowed = allowedRemotes(result);
      for (const decision of result.decisions) {
        if (decision.action === 'allow' && isCatchAll(decision.decidedBy, includePolicies)) collector.add(decision, result.scope, { protocol }, worldPart(decision, allowed));
      }
    }
  }
  return collector.openings();
}

function isCatchAll(decider: Decider, includePolicies: boolean): boolean {
  if (decider.kind !== 'rule') return includePolicies;
  const protocol = normalizeProtocol(decider.rule.protocol);
  return (protocol === 'any' || protocol === 'tcp' || protocol === 'udp') && coversAllPorts(decider.rule.ports);
}
