import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { arrayOf, isObject, stringOf } from '../json/cloud-values.js';
import type { JsonPosition } from '../json/locate.js';
import { firewallPolicyAsset, policyRuleToRules } from './firewall-policy.js';

const POLICY_TYPES = new Set(['HIERARCHY', 'NETWORK', 'NETWORK_REGIONAL']);

/** A firewall policy in the Compute REST shape: an effective-firewalls export's `firewallPolicys`, a sweep's item. */
export function isFirewallPolicy(value: Record<string, unknown>): boolean {
  return value.kind === 'compute#firewallPolicy' || (typeof value.type === 'string' && POLICY_TYPES.has(value.type) && Array.isArray(value.rules));
}

/**
 * One firewall policy as an asset, each rule located where the input has it (`position`, when the policy's rules were
 * located). A rule that cannot be read is an error, and the others are judged.
 */
export function policyToAsset(policy: Record<string, unknown>, position: JsonPosition | undefined, fallback: SourceLocation, problems: InputProblem[]): NetworkAsset {
  const id = stringOf(policy.selfLink) ?? stringOf(policy.name) ?? '(unnamed firewall policy)';
  const name = stringOf(policy.shortName) ?? stringOf(policy.displayName) ?? stringOf(policy.name) ?? id;
  const location = { file: fallback.file, line: position?.line ?? fallback.line };
  const rulePositions = position?.member('rules');
  const rules = arrayOf(policy.rules).flatMap((raw, index) => {
    const line = rulePositions?.item(index)?.line ?? location.line;
    const outcome = isObject(raw) ? policyRuleToRules(raw, { file: location.file, line }) : { error: 'a policy rule is not an object' };
    if ('error' in outcome) {
      problems.push({ id: 'gcp/invalid-rule', file: location.file, line, level: 'error', message: `firewall policy ${quoted(name, 80)} ${outcome.error} — this rule was not judged; fix the export or the rule` });
      return [];
    }
    return 'handedOn' in outcome ? [] : [outcome];
  });
  return firewallPolicyAsset({ kind: 'gcp-firewall-policy', id, name }, rules, location);
}
