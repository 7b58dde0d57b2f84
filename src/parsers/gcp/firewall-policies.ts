import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { NetworkAsset, NetworkRule } from '../../network/model.js';
import { inPriorityOrder } from '../../network/priority-order.js';
import { arrayOf, isObject, stringOf } from '../json/cloud-values.js';
import type { JsonPosition } from '../json/locate.js';
import { deniedBelow } from './denied-below.js';
import { firewallPolicyAsset, policyRuleToRules } from './firewall-policy.js';

const POLICY_TYPES = new Set(['HIERARCHY', 'NETWORK', 'NETWORK_REGIONAL']);
/** Where the denies of the levels above go among an asset's rules: before its own, each by its priority. */
const ABOVE = -1e12;

/** A firewall policy in the Compute REST shape: an effective-firewalls export's `firewallPolicys`, a sweep's item. */
export function isFirewallPolicy(value: Record<string, unknown>): boolean {
  return value.kind === 'compute#firewallPolicy' || (typeof value.type === 'string' && POLICY_TYPES.has(value.type) && Array.isArray(value.rules));
}

/**
 * One firewall policy as an asset, each rule located where the input has it (`position`, when the policy's rules were
 * located), and all its rules in priority order, goto_next ones among them. A rule that cannot be read is an error, and
 * the others are judged.
 */
function policyToAsset(policy: Record<string, unknown>, position: JsonPosition | undefined, fallback: SourceLocation, problems: InputProblem[]): { asset: NetworkAsset; ordered: NetworkRule[] } {
  const id = stringOf(policy.selfLink) ?? stringOf(policy.name) ?? '(unnamed firewall policy)';
  const name = stringOf(policy.shortName) ?? stringOf(policy.displayName) ?? stringOf(policy.name) ?? id;
  const location = { file: fallback.file, line: position?.line ?? fallback.line };
  const rulePositions = position?.member('rules');
  const outcomes = arrayOf(policy.rules).flatMap((raw, index) => {
    const line = rulePositions?.item(index)?.line ?? location.line;
    const outcome = isObject(raw) ? policyRuleToRules(raw, { file: location.file, line }) : { error: 'a policy rule is not an object' };
    if ('error' in outcome) {
      problems.push({ id: 'gcp/invalid-rule', file: location.file, line, level: 'error', message: `firewall policy ${quoted(name, 80)} ${outcome.error} — this rule was not judged; fix the export or the rule` });
      return [];
    }
    return [outcome];
  });
  const ordered = outcomes.flatMap((outcome) => outcome.rules);
  inPriorityOrder(ordered);
  return { asset: firewallPolicyAsset({ kind: 'gcp-firewall-policy', id, name }, outcomes.filter((outcome) => !outcome.handedOn), location), ordered };
}

/** A policy read for the levels: its asset, and what it drops before the levels below it (hierarchical policies only). */
export interface PolicyLevel {
  asset: NetworkAsset;
  deniedBelow: NetworkRule[];
}

/** A policy as one level of a network's evaluation. */
export function policyLevel(policy: Record<string, unknown>, position: JsonPosition | undefined, fallback: SourceLocation, problems: InputProblem[]): PolicyLevel {
  const { asset, ordered } = policyToAsset(policy, position, fallback, problems);
  if (policy.type !== 'HIERARCHY') return { asset, deniedBelow: [] };
  const shown = `firewall policy ${quoted(asset.asset.name ?? asset.asset.id, 80)}`;
  return { asset, deniedBelow: deniedBelow(ordered, (rule) => `${shown}: ${rule.label}`, (rule) => ABOVE + rule.priority, `above/${asset.asset.id}`) };
}

/**
 * The firewall policies in effect on one network, in the order its effective firewalls list them (the hierarchical
 * ones first, organisation then each folder down, then the network's own), stacked: what a hierarchical policy drops
 * is dropped before any level below it is asked, so each policy after it gets its denies before its own rules. Returns
 * all the hierarchical denies, which the network's firewall rules stand behind. A network policy is not held against
 * the firewall rules, nor they against it: which comes first is the network's enforcement order, which no export holds.
 */
export function stackLevels(levels: readonly PolicyLevel[]): NetworkRule[] {
  const deniedAbove: NetworkRule[] = [];
  for (const { asset, deniedBelow: denied } of levels) {
    // Denies all: among themselves their order does not matter, only that they stand before the asset's own rules.
    asset.rules.unshift(...deniedAbove.filter((rule) => !asset.rules.includes(rule)));
    deniedAbove.push(...denied);
  }
  return deniedAbove;
}
