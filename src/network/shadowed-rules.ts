import type { NetworkAsset, NetworkRule, TrafficDirection } from './model.js';
import { evaluationOf } from './asset-evaluation.js';
import { reachability, type ScopeReachability } from './reachability.js';
import { trafficClasses } from './traffic-classes.js';
import { isAllow, ruleAppliesInScope, type Traffic } from './traffic.js';

/** An allow rule that never lets anything through, and the denies that take its traffic first. */
export interface ShadowedRule {
  rule: NetworkRule;
  shadowedBy: NetworkRule[];
}

/**
 * Allow rules that can never take effect because denies decide all their traffic first (an earlier rule under
 * first-match, any block under block-wins). An allow whose traffic earlier allows take, even in part, is redundant
 * rather than shadowed: not listed.
 */
export function shadowedRules(asset: NetworkAsset): ShadowedRule[] {
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
  const evaluation = evaluationOf(asset);
  const candidates = evaluation.rules.filter(({ rule }) => rule.enabled && isAllow(rule) && !decides.has(rule));

  const shadowers = new Map<NetworkRule, Set<NetworkRule>>();
  const redundant = new Set<NetworkRule>();
  for (const { traffic, result } of evaluated) {
    const applicable = candidates.filter((facts) => facts.matches(traffic) && ruleAppliesInScope(facts.rule, result.scope, asset.scopes));
    for (const { rule, remotes } of applicable) {
      // Traffic an earlier allow takes makes the rule redundant, not shadowed.
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
