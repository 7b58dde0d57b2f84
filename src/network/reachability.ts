import { AddressSet } from './address-set.js';
import { evaluationOf, type AssetEvaluation } from './asset-evaluation.js';
import { ScopeReachability, type Decision } from './decision.js';
import type { DecisionMap } from './decision-map.js';
import type { NetworkAsset, NetworkRule, NetworkScope } from './model.js';
import { segmentIndex } from './port-segments.js';
import { scopesOf } from './scopes.js';
import type { Endpoint } from './traffic-slices.js';
import { hasPorts, normalizeProtocol, type Traffic } from './traffic.js';

export interface ReachabilityQuery extends Traffic, Endpoint {
  /** Only this scope (a Windows profile name); all scopes when absent. */
  scope?: string;
}

/**
 * Which remote addresses can reach the asset (inbound) or be reached from it (outbound) with this traffic, partitioned
 * by what decides, per scope, evaluated with the asset's own semantics: read from the scope's decision map. Answers
 * are shared, not copied: do not change them.
 */
export function reachability(asset: NetworkAsset, query: ReachabilityQuery): ScopeReachability[] {
  const evaluation = evaluationOf(asset);
  const protocol = normalizeProtocol(query.protocol);
  const wanted = query.scope?.toLowerCase();
  const answers: ScopeReachability[] = [];
  for (const scope of scopesOf(asset)) if (wanted === undefined || scope.name.toLowerCase() === wanted) answers.push(answerIn(evaluation, scope, query, protocol));
  return answers;
}

/** `protocol` is the query's, normalised. */
function answerIn(evaluation: AssetEvaluation, scope: NetworkScope, query: ReachabilityQuery, protocol: string): ScopeReachability {
  const { asset } = evaluation;
  if (!scope.enabled) {
    const off: Decision = { action: 'allow', remotes: AddressSet.WORLD, decidedBy: { kind: 'firewall-off', scope }, location: scope.stateLocation ?? asset.location };
    return new ScopeReachability(scope, [off]);
  }
  const everyPort = query.port === undefined && hasPorts(protocol);
  const segment = query.port === undefined || !hasPorts(protocol) ? 0 : segmentIndex(evaluation.segmentsOf(query.direction, protocol), query.port);
  const bySegment = everyPort || query.appliesTo !== undefined || query.local !== undefined ? undefined : evaluation.answersBySegment(scope, query.direction, protocol);
  const key = bySegment ? '' : `${asset.scopes.indexOf(scope)} ${query.direction} ${protocol} ${everyPort ? '*' : segment} ${query.appliesTo ?? '\0'} ${query.local ?? '\0'}`;
  let answer = bySegment ? bySegment[segment] : evaluation.answers.get(key);
  if (!answer) {
    const maps = evaluation.decisionMaps(scope, query.direction, protocol, query, everyPort).at(segment);
    const shared = bySegment && maps.length === 1 ? maps[0].answers[segment] : undefined;
    if (shared) {
      bySegment![segment] = shared;
      return shared;
    }
    const decisions = maps.length === 1 ? decisionsOf(maps[0], segment, scope, query.direction, asset) : merged(maps.map((map) => decisionsOf(map, segment, scope, query.direction, asset)));
    answer = new ScopeReachability(scope, decisions);
    if (!bySegment) evaluation.answers.set(key, answer);
    else {
      bySegment[segment] = answer;
      if (maps.length === 1) maps[0].answers[segment] = answer;
    }
  }
  return answer;
}

function decisionsOf(map: DecisionMap, segment: number, scope: NetworkScope, direction: Traffic['direction'], asset: NetworkAsset): Decision[] {
  const { claims, undecided } = map.at(segment);
  const decisions: Decision[] = [];
  for (const { facts, remotes } of claims) decisions.push({ action: facts.allow ? 'allow' : 'deny', remotes, decidedBy: { kind: 'rule', rule: facts.rule }, location: facts.rule.location });
  if (!undecided.isEmpty()) {
    const policy = direction === 'inbound' ? scope.defaultInbound : scope.defaultOutbound;
    decisions.push({ action: policy === 'allow' ? 'allow' : 'deny', remotes: undecided, decidedBy: { kind: 'default', scope }, location: scope.defaultLocation ?? asset.location });
  }
  return decisions;
}

/** The decisions of several parts of the traffic, one per decider, holding every address it decides in any part. */
function merged(parts: readonly Decision[][]): Decision[] {
  const byDecider = new Map<NetworkRule | 'default', Decision>();
  for (const decisions of parts) {
    for (const decision of decisions) {
      const key = decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule : 'default';
      const known = byDecider.get(key);
      byDecider.set(key, known ? { ...known, remotes: known.remotes.union(decision.remotes) } : decision);
    }
  }
  return [...byDecider.values()];
}
