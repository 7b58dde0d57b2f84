import type { SourceLocation } from '../model/location.js';
import { AddressSet } from './address-set.js';
import type { NetworkAsset, NetworkRule, NetworkScope, TrafficDirection } from './model.js';
import { ruleAppliesInSlice, slicesOf, type Endpoint } from './traffic-slices.js';
import { denyIsUnconditional, isAllow, normalizeProtocol, ruleAppliesInScope, ruleMatchesTraffic, type Traffic } from './traffic.js';

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
}

export interface ReachabilityQuery extends Traffic, Endpoint {
  /** Only this scope (a Windows profile name); all scopes when absent. */
  scope?: string;
}

/** When an input has no scopes, the asset is one scope that denies what its rules do not allow. */
const IMPLIED_SCOPE: NetworkScope = { name: 'default', enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' };

export function scopesOf(asset: NetworkAsset): NetworkScope[] {
  return asset.scopes.length > 0 ? asset.scopes : [IMPLIED_SCOPE];
}

/**
 * Which remote addresses can reach the asset (inbound) or be reached from it (outbound) with this traffic, partitioned
 * by what decides, per scope, evaluated with the asset's own semantics.
 */
export function reachability(asset: NetworkAsset, query: ReachabilityQuery): ScopeReachability[] {
  const scopes = scopesOf(asset).filter((scope) => query.scope === undefined || scope.name.toLowerCase() === query.scope.toLowerCase());
  return scopes.map((scope) => ({ scope, decisions: decide(asset, scope, query) }));
}

/**
 * False when nothing can let this traffic through: every scope is on and denies it by default, and no enabled allow
 * rule matches it. Checks ask about many ports an asset never mentions; this answers those without evaluating.
 */
export function mayAllow(asset: NetworkAsset, traffic: Traffic, fromPublicOnly = false): boolean {
  const policy = traffic.direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  if (scopesOf(asset).some((scope) => !scope.enabled || scope[policy] === 'allow')) return true;
  return allowRulesOf(asset, traffic.direction).some((rule) => (!fromPublicOnly || mayBePublic(rule)) && ruleMatchesTraffic(rule, traffic));
}

const publicRemotes = new WeakMap<NetworkRule, boolean>();

/** Whether a rule's remote side holds a public address or a name that may be public. */
export function mayBePublic(rule: NetworkRule): boolean {
  let known = publicRemotes.get(rule);
  if (known === undefined) {
    const remotes = remotesOf(rule);
    publicRemotes.set(rule, (known = remotes.hasPublicAddress() || remotes.possiblyPublicNames().length > 0));
  }
  return known;
}

const allowRules = new WeakMap<NetworkAsset, Partial<Record<TrafficDirection, NetworkRule[]>>>();

function allowRulesOf(asset: NetworkAsset, direction: TrafficDirection): NetworkRule[] {
  let byDirection = allowRules.get(asset);
  if (!byDirection) allowRules.set(asset, (byDirection = {}));
  return (byDirection[direction] ??= asset.rules.filter((rule) => rule.enabled && rule.direction === direction && isAllow(rule)));
}

/** Every remote address an allow decision lets through. */
export function allowedRemotes(result: ScopeReachability): AddressSet {
  return result.decisions.filter((decision) => decision.action === 'allow').reduce((set, decision) => set.union(decision.remotes), AddressSet.EMPTY);
}

function decide(asset: NetworkAsset, scope: NetworkScope, query: ReachabilityQuery): Decision[] {
  if (!scope.enabled) {
    return [{ action: 'allow', remotes: AddressSet.WORLD, decidedBy: { kind: 'firewall-off', scope }, location: scope.stateLocation ?? asset.location }];
  }
  const rules = candidatesFor(asset, scope, query).filter((rule) => ruleMatchesTraffic(rule, query));
  if (rules.length === 0) return decideSlice(asset, scope, query, rules);
  const merged = new Map<NetworkRule | 'default', Decision>();
  for (const slice of slicesOf(rules, query)) {
    for (const decision of decideSlice(asset, scope, query, rules.filter((rule) => ruleAppliesInSlice(rule, slice, query)))) {
      const key = decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule : 'default';
      const known = merged.get(key);
      merged.set(key, known ? { ...known, remotes: known.remotes.union(decision.remotes) } : decision);
    }
  }
  return [...merged.values()];
}

const candidateCache = new WeakMap<NetworkAsset, Map<string, NetworkRule[]>>();

/** The rules that can matter in a scope for a direction and protocol, before looking at ports; kept per asset, as checks ask about many ports. */
function candidatesFor(asset: NetworkAsset, scope: NetworkScope, traffic: Traffic): NetworkRule[] {
  const protocol = normalizeProtocol(traffic.protocol);
  const key = `${scope.name}\0${traffic.direction}\0${protocol}`;
  let byKey = candidateCache.get(asset);
  if (!byKey) candidateCache.set(asset, (byKey = new Map()));
  let rules = byKey.get(key);
  if (!rules) {
    rules = asset.rules.filter(
      (rule) => rule.enabled && rule.direction === traffic.direction && protocolMatches(rule, protocol) && ruleAppliesInScope(rule, scope, asset.scopes) && (isAllow(rule) || denyIsUnconditional(rule)),
    );
    byKey.set(key, rules);
  }
  return rules;
}

function protocolMatches(rule: NetworkRule, protocol: string): boolean {
  const ruleProtocol = normalizeProtocol(rule.protocol);
  return ruleProtocol === 'any' || ruleProtocol === protocol;
}

/** One slice of the traffic: the rules' order and the semantics decide every remote address exactly once. */
function decideSlice(asset: NetworkAsset, scope: NetworkScope, traffic: Traffic, rules: NetworkRule[]): Decision[] {
  const ordered = asset.semantics === 'first-match' ? inPriorityOrder(rules) : [...inPriorityOrder(rules.filter((rule) => !isAllow(rule))), ...inPriorityOrder(rules.filter(isAllow))];
  const decisions: Decision[] = [];
  let undecided = AddressSet.WORLD;
  const decidedNames = new Set<string>();
  for (const rule of ordered) {
    if (undecided.isEmpty()) break;
    const matched = remotesOf(rule);
    // Named sources cannot be cut by address ranges: a name is decided by the first rule that names it.
    const remotes = matched.addresses().intersect(undecided).union(matched.names().withoutNames(decidedNames));
    for (const key of matched.nameKeys()) decidedNames.add(key);
    undecided = undecided.subtract(matched.addresses());
    if (!remotes.isEmpty()) decisions.push({ action: isAllow(rule) ? 'allow' : 'deny', remotes, decidedBy: { kind: 'rule', rule }, location: rule.location });
  }
  if (!undecided.isEmpty()) {
    const policy = traffic.direction === 'inbound' ? scope.defaultInbound : scope.defaultOutbound;
    decisions.push({ action: policy === 'allow' ? 'allow' : 'deny', remotes: undecided, decidedBy: { kind: 'default', scope }, location: scope.defaultLocation ?? asset.location });
  }
  return decisions;
}

const remoteSets = new WeakMap<NetworkRule, AddressSet>();

/** A rule's remote side as an address set, read once per rule: checks ask the same rules about many ports. */
export function remotesOf(rule: NetworkRule): AddressSet {
  let remotes = remoteSets.get(rule);
  if (!remotes) remoteSets.set(rule, (remotes = AddressSet.of(rule.remote)));
  return remotes;
}

/** Lower priority first; at equal priority deny first (GCP's rule, and the safe reading elsewhere); then input order. */
function inPriorityOrder(rules: NetworkRule[]): NetworkRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.priority - b.rule.priority || Number(isAllow(a.rule)) - Number(isAllow(b.rule)) || a.index - b.index)
    .map(({ rule }) => rule);
}
