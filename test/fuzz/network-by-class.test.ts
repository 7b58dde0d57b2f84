import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationOf } from '../../src/network/asset-evaluation.js';
import type { NetworkAsset, NetworkRule, TrafficDirection } from '../../src/network/model.js';
import type { ScopeReachability } from '../../src/network/decision.js';
import { reachability } from '../../src/network/reachability.js';
import { shadowedRules } from '../../src/network/shadowed-rules.js';
import { trafficClasses } from '../../src/network/traffic-classes.js';
import { isAllow, ruleAppliesInScope, type Traffic } from '../../src/network/traffic.js';
import { assetArb } from '../network/random-asset.js';

/**
 * Checks over every class of traffic find the rules of a class from the rules' own ports (port-segments.ts) instead of
 * asking every rule about every class, which cost rules × classes (a netsh export of 10,000 rules took 25 s). The
 * answers must be the ones asking gives: shadowedRules against its former self, which asked.
 */
describe('shadowed rules found class by class', () => {
  it('are the rules found by asking every rule about every class', () => {
    fc.assert(
      fc.property(assetArb, (asset) => {
        const found = (asset: NetworkAsset) => shadowedRules(asset).map(({ rule, shadowedBy }) => [rule.id, shadowedBy.map((deny) => deny.id)]);
        // A fresh copy each time: answers are remembered per asset.
        const expected = byAsking(structuredClone(asset)).map(({ rule, shadowedBy }) => [rule.id, shadowedBy.map((deny) => deny.id)]);
        expect(found(structuredClone(asset))).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});

/** shadowedRules as it was: every candidate asked about every class of traffic. */
function byAsking(asset: NetworkAsset): { rule: NetworkRule; shadowedBy: NetworkRule[] }[] {
  if (!asset.rules.some((rule) => rule.enabled && !isAllow(rule))) return [];
  const evaluated: { traffic: Traffic; result: ScopeReachability }[] = [];
  for (const direction of ['inbound', 'outbound'] as TrafficDirection[]) {
    if (!asset.rules.some((rule) => rule.enabled && isAllow(rule) && rule.direction === direction)) continue;
    for (const { traffic } of trafficClasses(asset, direction)) {
      for (const result of reachability(asset, traffic)) if (result.scope.enabled) evaluated.push({ traffic, result });
    }
  }
  const decides = new Set<NetworkRule>();
  for (const { result } of evaluated) for (const decision of result.decisions) if (decision.decidedBy.kind === 'rule') decides.add(decision.decidedBy.rule);
  const candidates = evaluationOf(asset).rules.filter(({ rule }) => rule.enabled && isAllow(rule) && !decides.has(rule));
  const shadowers = new Map<NetworkRule, Set<NetworkRule>>();
  const redundant = new Set<NetworkRule>();
  for (const { traffic, result } of evaluated) {
    for (const { rule, remotes } of candidates.filter((facts) => facts.matches(traffic) && ruleAppliesInScope(facts.rule, result.scope, asset.scopes))) {
      if (!remotes.intersect(result.allowed).isEmpty()) redundant.add(rule);
      const found = shadowers.get(rule) ?? new Set<NetworkRule>();
      for (const decision of result.decisions) {
        if (decision.action === 'deny' && decision.decidedBy.kind === 'rule' && !remotes.intersect(decision.remotes).isEmpty()) found.add(decision.decidedBy.rule);
      }
      shadowers.set(rule, found);
    }
  }
  return candidates
    .map(({ rule }) => rule)
    .filter((rule) => !redundant.has(rule) && (shadowers.get(rule)?.size ?? 0) > 0)
    .map((rule) => ({ rule, shadowedBy: asset.rules.filter((deny) => shadowers.get(rule)?.has(deny)) }));
}
