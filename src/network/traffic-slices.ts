import type { RuleFacts } from './rule-facts.js';

/**
 * Where traffic arrives, when a question is about one place: an interface (as rules' `appliesTo` names it: 'on eth0')
 * and a local address ('10.0.0.5'). Left open, every place the rules distinguish is considered.
 */
export interface Endpoint {
  appliesTo?: string;
  local?: string;
}

/**
 * A part of the traffic singled out by rules that only apply to one interface (ufw 'on eth0', Windows interface
 * types, GCP target tags: `appliesTo`) or to some local addresses (ufw 'to 10.0.0.5', an Azure destination prefix).
 * Rules without such a restriction apply in every slice.
 */
export interface TrafficSlice {
  appliesTo?: string;
  local?: string;
}

/** Whether any rule singles out a slice, or the endpoint fixes one: otherwise the traffic is one slice every rule applies in. */
export function isSliced(rules: readonly RuleFacts[], at: Endpoint = {}): boolean {
  return at.appliesTo !== undefined || at.local !== undefined || rules.some((facts) => facts.rule.appliesTo !== undefined || facts.localKey !== undefined);
}

/**
 * Every slice the rules distinguish, plus the traffic none of them singles out; a fixed endpoint is one slice.
 * Evaluating each slice with only the rules that apply there never hides an allow: a deny counts only where its
 * restriction holds.
 */
export function slicesOf(rules: readonly RuleFacts[], at: Endpoint = {}): TrafficSlice[] {
  const interfaces = at.appliesTo !== undefined ? [at.appliesTo] : [undefined, ...new Set(rules.map((facts) => facts.rule.appliesTo).filter((value) => value !== undefined))];
  const locals = at.local !== undefined ? [at.local] : [undefined, ...new Set(rules.map((facts) => facts.localKey).filter((value) => value !== undefined))];
  return interfaces.flatMap((appliesTo) => locals.map((local) => ({ appliesTo, local })));
}

export function ruleAppliesInSlice(facts: RuleFacts, slice: TrafficSlice, at: Endpoint = {}): boolean {
  if (facts.rule.appliesTo !== undefined && facts.rule.appliesTo !== slice.appliesTo) return false;
  const key = facts.localKey;
  if (key === undefined) return true;
  return at.local !== undefined ? facts.local.has(at.local) : key === slice.local;
}
