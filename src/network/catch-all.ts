import { evaluationOf, type AssetEvaluation } from './asset-evaluation.js';
import type { NetworkAsset, NetworkRule, TrafficDirection } from './model.js';
import { OpeningCollector, worldPart, type Opening } from './openings.js';
import { allowedRemotes, reachability, scopesOf, type Decider } from './reachability.js';
import { ANY_OTHER_PROTOCOL, OTHER_PROTOCOL, portClasses } from './traffic-classes.js';
import { hasPorts } from './traffic.js';

/**
 * Deciders that open every port to the world: a rule for all ports of TCP or UDP, or for any protocol, whose
 * sources include the whole internet — and, when asked, default policies and switched-off firewalls, which match
 * everything by nature. Earlier rules may carve ports out; what is left is still "everything else, to everyone".
 */
export function catchAllOpenings(asset: NetworkAsset, direction: TrafficDirection, includePolicies: boolean): Opening[] {
  const evaluation = evaluationOf(asset);
  const policy = direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  const policiesOpen = includePolicies && scopesOf(asset).some((scope) => !scope.enabled || scope[policy] === 'allow');
  if (!policiesOpen && !evaluation.allowRules(direction).some((facts) => isCatchAllRule(evaluation, facts.rule) && facts.mayBePublic)) return [];
  const collector = new OpeningCollector();
  for (const protocol of ['tcp', 'udp', OTHER_PROTOCOL]) {
    const service = { protocol: protocol === OTHER_PROTOCOL ? ANY_OTHER_PROTOCOL : protocol };
    for (const ports of portClasses(asset, direction, protocol)) {
      for (const result of reachability(asset, { direction, protocol, port: hasPorts(protocol) ? ports.from : undefined })) {
        const allowed = allowedRemotes(result);
        for (const decision of result.decisions) {
          if (decision.action === 'allow' && isCatchAll(evaluation, decision.decidedBy, includePolicies)) collector.add(decision, result.scope, service, worldPart(decision, allowed));
        }
      }
    }
  }
  return collector.openings();
}

function isCatchAll(evaluation: AssetEvaluation, decider: Decider, includePolicies: boolean): boolean {
  return decider.kind === 'rule' ? isCatchAllRule(evaluation, decider.rule) : includePolicies;
}

function isCatchAllRule(evaluation: AssetEvaluation, rule: NetworkRule): boolean {
  const { protocol, allPorts } = evaluation.factsOf(rule);
  return (protocol === 'any' || protocol === 'tcp' || protocol === 'udp') && allPorts;
}
