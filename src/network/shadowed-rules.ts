import type { NetworkAsset, NetworkRule, PortRange, TrafficDirection } from './model.js';
import { evaluationOf } from './asset-evaluation.js';
import { DecisionsByAddress } from './decisions-by-address.js';
import { segmentSpans } from './port-segments.js';
import type { ScopeReachability } from './decision.js';
import { reachability } from './reachability.js';
import { portClasses, protocolsToCheck } from './traffic-classes.js';
import { hasPorts, isAllow, ruleAppliesInScope } from './traffic.js';

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
  // The answers for every class of traffic, by direction and protocol, a list per port class.
  const evaluated = new Map<string, { classes: readonly PortRange[]; answers: ScopeReachability[][] }>();
  const protocols: Partial<Record<TrafficDirection, string[]>> = {};
  const decides = new Set<NetworkRule>();
  for (const direction of ['inbound', 'outbound'] as TrafficDirection[]) {
    if (!asset.rules.some((rule) => rule.enabled && isAllow(rule) && rule.direction === direction)) continue;
    for (const protocol of (protocols[direction] = protocolsToCheck(asset, direction))) {
      const classes = portClasses(asset, direction, protocol);
      const withPorts = hasPorts(protocol);
      const answers = classes.map((ports) => reachability(asset, { direction, protocol, port: withPorts ? ports.from : undefined }).filter((result) => result.scope.enabled));
      for (const results of answers) for (const result of results) for (const decision of result.decisions) if (decision.decidedBy.kind === 'rule') decides.add(decision.decidedBy.rule);
      evaluated.set(`${direction}/${protocol}`, { classes, answers });
    }
  }
  const evaluation = evaluationOf(asset);
  const candidates = evaluation.rules.filter(({ rule }) => rule.enabled && isAllow(rule) && !decides.has(rule));

  const shadowers = new Map<NetworkRule, Set<NetworkRule>>();
  const redundant = new Set<NetworkRule>();
  const indexes = new Map<ScopeReachability, DecisionsByAddress>();
  const indexOf = (result: ScopeReachability) => {
    let index = indexes.get(result);
    if (!index) indexes.set(result, (index = new DecisionsByAddress(result.decisions)));
    return index;
  };
  for (const facts of candidates) {
    const { rule, remotes } = facts;
    // Each candidate is held against the classes of traffic it matches only, found from its own ports, until it is
    // found redundant.
    held: for (const protocol of protocols[rule.direction] ?? []) {
      const traffic = evaluated.get(`${rule.direction}/${protocol}`);
      if (!traffic || (facts.protocol !== 'any' && facts.protocol !== protocol)) continue;
      const matched = hasPorts(protocol) ? segmentSpans(facts, traffic.classes).flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, at) => first + at)) : facts.matchesNormalized(rule.direction, protocol, undefined) ? [0] : [];
      for (const index of matched) {
        for (const result of traffic.answers[index]) {
          if (!ruleAppliesInScope(rule, result.scope, asset.scopes)) continue;
          const index = indexOf(result);
          const overlapping = index.overlapping(remotes);
          // Traffic an earlier allow takes makes the rule redundant, not shadowed.
          const allowed = index.searches(remotes) ? overlapping.some((decision) => decision.action === 'allow') : !remotes.intersect(result.allowed).isEmpty();
          if (allowed) {
            redundant.add(rule);
            break held;
          }
          const found = shadowers.get(rule) ?? new Set<NetworkRule>();
          for (const decision of overlapping) if (decision.action === 'deny' && decision.decidedBy.kind === 'rule') found.add(decision.decidedBy.rule);
          shadowers.set(rule, found);
        }
      }
    }
  }
  return candidates
    .map(({ rule }) => rule)
    .filter((rule) => !redundant.has(rule) && (shadowers.get(rule)?.size ?? 0) > 0)
    .map((rule) => ({ rule, shadowedBy: [...shadowers.get(rule)!].sort((a, b) => evaluation.factsOf(a).index - evaluation.factsOf(b).index) }));
}
