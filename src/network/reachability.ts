import type { SourceLocation } from '../model/location.js';
import { AddressSet } from './address-set.js';
import { ClassRules } from './class-rules.js';
import { ByTraffic, evaluationOf, type AssetEvaluation, type Candidates, type ScopeCandidates } from './asset-evaluation.js';
import type { NetworkAsset, NetworkRule, NetworkScope, TrafficDirection } from './model.js';
import type { RuleFacts } from './rule-facts.js';
import { classIndex, portClasses } from './traffic-classes.js';
import { isSliced, ruleAppliesInSlice, slicesOf, type Endpoint } from './traffic-slices.js';
import { denyIsUnconditional, hasPorts, normalizeProtocol, ruleAppliesInScope, type Traffic } from './traffic.js';

/** What decides a piece of traffic: a rule, the scope's default policy, or the firewall of that scope being off. */
export type Decider =
  | { kind: 'rule'; rule: NetworkRule }
  | { kind: 'default'; scope: NetworkScope }
  | { kind: 'firewall-off'; scope: NetworkScope };

/** Remote addresses whose traffic one decider lets through or stops. */
export interface Decision {
  action: 'allow' | 'deny';
  /** Sources of inbound traffic, destinations of outbound traffic. Never empty. */
  remotes: AddressSet;
  decidedBy: Decider;
  /** The line to point at: the rule, the default policy line, the firewall state line (or the asset when the input states none). */
  location: SourceLocation;
}

export interface ScopeReachability {
  scope: NetworkScope;
  /**
   * Every remote address is in at least one decision. Where rules apply only to one interface or local address and
   * the query leaves those open, each such slice of the traffic is decided on its own and an address can be in one
   * decision per slice (allowed on eth0 by a rule, elsewhere by the default); otherwise, and always when the query
   * names the interface and local address, the decisions partition the addresses.
   */
  decisions: Decision[];
  /** Every remote address an allow decision lets through. */
  allowed: AddressSet;
}

export interface ReachabilityQuery extends Traffic, Endpoint {
  /** Only this scope (a Windows profile name); all scopes when absent. */
  scope?: string;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** When an input has no scopes, the asset is one scope that denies what its rules do not allow. */
const IMPLIED_SCOPE: NetworkScope = { name: 'default', enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' };

export function scopesOf(asset: NetworkAsset): NetworkScope[] {
  return asset.scopes.length > 0 ? asset.scopes : [IMPLIED_SCOPE];
}

/**
 * Which remote addresses can reach the asset (inbound) or be reached from it (outbound) with this traffic, partitioned
 * by what decides, per scope, evaluated with the asset's own semantics. Answers are shared, not copied: do not change them.
 */
export function reachability(asset: NetworkAsset, query: ReachabilityQuery): ScopeReachability[] {
  const evaluation = evaluationOf(asset);
  const protocol = normalizeProtocol(query.protocol);
  // Answers for every scope that name no endpoint are the same for every port of a class: kept per class.
  let answers: (ScopeReachability[] | undefined)[] | undefined;
  let portClass = 0;
  if (query.scope === undefined && query.appliesTo === undefined && query.local === undefined && (query.port !== undefined || !hasPorts(protocol))) {
    const byProtocol = evaluation.answers.of(query.direction);
    answers = byProtocol.get(protocol);
    if (!answers) byProtocol.set(protocol, (answers = []));
    if (query.port !== undefined && hasPorts(protocol)) portClass = classIndex(portClasses(asset, query.direction, protocol), query.port);
    const known = answers[portClass];
    if (known) return known;
  }
  const scopes = query.scope === undefined ? scopesOf(asset) : scopesOf(asset).filter((scope) => scope.name.toLowerCase() === query.scope!.toLowerCase());
  const answer = scopes.map((scope) => answerOf(scope, decide(evaluation, scope, query, protocol)));
  if (answers) answers[portClass] = answer;
  return answer;
}

/** Whether a scope lets traffic of this direction through without any rule: its firewall is off, or its default allows. */
export function policiesMayAllow(asset: NetworkAsset, direction: TrafficDirection): boolean {
  const policy = direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  for (const scope of scopesOf(asset)) if (!scope.enabled || scope[policy] === 'allow') return true;
  return false;
}

function answerOf(scope: NetworkScope, decisions: Decision[]): ScopeReachability {
  const allowed: AddressSet[] = [];
  for (const decision of decisions) if (decision.action === 'allow') allowed.push(decision.remotes);
  return { scope, decisions, allowed: AddressSet.unionOf(allowed) };
}

/** `protocol` is the query's, normalised. */
function decide(evaluation: AssetEvaluation, scope: NetworkScope, query: ReachabilityQuery, protocol: string): Decision[] {
  const { asset } = evaluation;
  if (!scope.enabled) {
    return [{ action: 'allow', remotes: AddressSet.WORLD, decidedBy: { kind: 'firewall-off', scope }, location: scope.stateLocation ?? asset.location }];
  }
  const candidates = candidatesFor(evaluation, scope, query.direction, protocol);
  const matches = (facts: RuleFacts) => facts.matchesNormalized(query.direction, protocol, query.port);
  if (!candidates.sliced && query.appliesTo === undefined && query.local === undefined) {
    // Protocols and ports that the same rules match are decided alike (TCP, UDP and the rest by one 'any' rule).
    const inScope = rulesInScope(evaluation, scope);
    const byRules = inScope.decisions.of(query.direction);
    const { port } = query;
    if (port !== undefined && hasPorts(protocol)) {
      candidates.byClass ??= new ClassRules(candidates.rules, portClasses(asset, query.direction, protocol), inScope.everywhereIds);
      const byClass = candidates.byClass;
      const key = byClass.keyOf(port);
      let decisions = byRules.get(key);
      if (!decisions) byRules.set(key, (decisions = decideSlice(asset, scope, query, byClass.rulesOf(port))));
      return decisions;
    }
    const key = keyOfMatching(candidates.rules, matches);
    let decisions = byRules.get(key);
    if (!decisions) byRules.set(key, (decisions = decideSlice(asset, scope, query, candidates.rules.filter(matches))));
    return decisions;
  }
  const rules = candidates.rules.filter(matches);
  const merged = new Map<NetworkRule | 'default', Decision>();
  for (const slice of slicesOf(rules, query)) {
    for (const decision of decideSlice(asset, scope, query, rules.filter((facts) => ruleAppliesInSlice(facts, slice, query)))) {
      const key = decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule : 'default';
      const known = merged.get(key);
      merged.set(key, known ? { ...known, remotes: known.remotes.union(decision.remotes) } : decision);
    }
  }
  return [...merged.values()];
}

/**
 * Which candidates match, as a key: a bit per rule for the first 31 (the common case: no array, no string), else
 * their indexes.
 */
function keyOfMatching(candidates: readonly RuleFacts[], matches: (facts: RuleFacts) => boolean): number | string {
  let bits = 0;
  for (const facts of candidates) {
    if (!matches(facts)) continue;
    if (facts.index < 0 || facts.index > 30) return candidates.filter(matches).map(({ index }) => index).join(',');
    bits |= 1 << facts.index;
  }
  return bits;
}

/**
 * The rules that can matter in a scope for a direction and protocol, before looking at ports, in the order the
 * semantics reads them; kept per asset, as checks ask about many ports.
 */
function candidatesFor(evaluation: AssetEvaluation, scope: NetworkScope, direction: TrafficDirection, protocol: string): Candidates {
  const inScope = rulesInScope(evaluation, scope);
  const byProtocol = inScope.byTraffic.of(direction);
  let candidates = byProtocol.get(protocol);
  if (!candidates) {
    const rules = inScope.rules.filter((facts) => facts.rule.direction === direction && (facts.protocol === 'any' || facts.protocol === protocol));
    byProtocol.set(protocol, (candidates = { rules, sliced: isSliced(rules) }));
  }
  return candidates;
}

/** The rules that can decide anything in a scope, in evaluation order. */
function rulesInScope(evaluation: AssetEvaluation, scope: NetworkScope): ScopeCandidates {
  let candidates = evaluation.candidates.get(scope);
  if (!candidates) {
    const { asset } = evaluation;
    const rules = inEvaluationOrder(asset, evaluation.rules.filter(({ rule, allow }) => rule.enabled && ruleAppliesInScope(rule, scope, asset.scopes) && (allow || denyIsUnconditional(rule))));
    evaluation.candidates.set(scope, (candidates = { rules, byTraffic: new ByTraffic(), decisions: new ByTraffic(), everywhereIds: new Map() }));
  }
  return candidates;
}

/** One slice of the traffic, its rules in evaluation order: the semantics decides every remote address exactly once. */
function decideSlice(asset: NetworkAsset, scope: NetworkScope, traffic: Traffic, ordered: readonly RuleFacts[]): Decision[] {
  const decisions: Decision[] = [];
  // Each address goes to the first rule that holds it; rules after the one that took the last address decide nothing.
  const { claimed, undecided, lastClaimant } = AddressSet.firstClaims(ordered.map((facts) => facts.remotes));
  const decisive = undecided.isEmpty() ? lastClaimant + 1 : ordered.length;
  let decidedNames: Set<string> | undefined;
  for (let index = 0; index < decisive; index++) {
    const { rule, allow, remotes: matched } = ordered[index];
    // Named sources cannot be cut by address ranges: a name is decided by the first rule that names it.
    let remotes = claimed[index];
    if (matched.named.size > 0) {
      remotes = remotes.union(matched.names().withoutNames(decidedNames ?? NO_KEYS));
      for (const key of matched.nameKeys()) (decidedNames ??= new Set()).add(key);
    }
    if (!remotes.isEmpty()) decisions.push({ action: allow ? 'allow' : 'deny', remotes, decidedBy: { kind: 'rule', rule }, location: rule.location });
  }
  if (!undecided.isEmpty()) {
    const policy = traffic.direction === 'inbound' ? scope.defaultInbound : scope.defaultOutbound;
    decisions.push({ action: policy === 'allow' ? 'allow' : 'deny', remotes: undecided, decidedBy: { kind: 'default', scope }, location: scope.defaultLocation ?? asset.location });
  }
  return decisions;
}

/** First-match: lower priority first; otherwise every deny before any allow, each in priority order. */
function inEvaluationOrder(asset: NetworkAsset, rules: RuleFacts[]): RuleFacts[] {
  return asset.semantics === 'first-match' ? inPriorityOrder(rules) : [...inPriorityOrder(rules.filter((facts) => !facts.allow)), ...inPriorityOrder(rules.filter((facts) => facts.allow))];
}

/** Lower priority first; at equal priority deny first (GCP's rule, and the safe reading elsewhere); then input order. */
function inPriorityOrder(rules: RuleFacts[]): RuleFacts[] {
  // Parsers mostly hand rules over in order already (and a security group's are all of one priority).
  if (rules.every((facts, index) => index === 0 || precedes(rules[index - 1], facts) <= 0)) return rules;
  return rules
    .map((facts, index) => ({ facts, index }))
    .sort((a, b) => precedes(a.facts, b.facts) || a.index - b.index)
    .map(({ facts }) => facts);
}

function precedes(a: RuleFacts, b: RuleFacts): number {
  return a.rule.priority - b.rule.priority || Number(a.allow) - Number(b.allow);
}
