import { evaluationOf, type AssetEvaluation } from './asset-evaluation.js';
import type { NetworkAsset, TrafficDirection } from './model.js';
import { OpeningCollector, withKeys, worldPart, type CollectedOpening, type Opening, type Service } from './openings.js';
import type { Decider } from './decision.js';
import { reachability } from './reachability.js';
import { policiesMayAllow } from './scopes.js';
import { ANY_OTHER_PROTOCOL, OTHER_PROTOCOL, portClasses } from './traffic-classes.js';
import { hasPorts } from './traffic.js';

/**
 * Deciders that open every port to the world: a rule for all ports of TCP or UDP, or for any protocol, whose
 * sources include the whole internet — and, when asked, default policies and switched-off firewalls, which match
 * everything by nature. Earlier rules may carve ports out; what is left is still "everything else, to everyone".
 */
export function catchAllOpenings(asset: NetworkAsset, direction: TrafficDirection, includePolicies: boolean): Opening[] {
  const evaluation = evaluationOf(asset);
  const policiesOpen = includePolicies && policiesMayAllow(asset, direction);
  if (!policiesOpen && !evaluation.allowRules(direction).some((facts) => facts.catchAll && facts.mayBePublic)) return [];
  return withKeys(collect(evaluation, direction, includePolicies));
}

function collect(evaluation: AssetEvaluation, direction: TrafficDirection, includePolicies: boolean): readonly CollectedOpening[] {
  const { asset } = evaluation;
  const collector = new OpeningCollector();
  for (const [protocol, service] of CATCH_ALL_SERVICES) {
    for (const ports of portClasses(asset, direction, protocol)) {
      for (const result of reachability(asset, { direction, protocol, port: hasPorts(protocol) ? ports.from : undefined })) {
        for (const decision of result.decisions) {
          if (decision.action === 'allow' && isCatchAll(evaluation, decision.decidedBy, includePolicies)) collector.add(decision, result.scope, service, worldPart(decision, result));
        }
      }
    }
  }
  return collector.collected;
}

/** The protocols a catch-all is asked about, and how findings name each. */
const CATCH_ALL_SERVICES: readonly [string, Service][] = [['tcp', { protocol: 'tcp' }], ['udp', { protocol: 'udp' }], [OTHER_PROTOCOL, { protocol: ANY_OTHER_PROTOCOL }]];

function isCatchAll(evaluation: AssetEvaluation, decider: Decider, includePolicies: boolean): boolean {
  return decider.kind === 'rule' ? evaluation.factsOf(decider.rule).catchAll : includePolicies;
}
