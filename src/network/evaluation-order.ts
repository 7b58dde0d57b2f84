import type { EvaluationSemantics } from './model.js';
import type { RuleFacts } from './rule-facts.js';

/** First-match: lower priority first; otherwise every deny before any allow, each in priority order. */
export function inEvaluationOrder(semantics: EvaluationSemantics, rules: RuleFacts[]): RuleFacts[] {
  return semantics === 'first-match' ? inPriorityOrder(rules) : [...inPriorityOrder(rules.filter((facts) => !facts.allow)), ...inPriorityOrder(rules.filter((facts) => facts.allow))];
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
