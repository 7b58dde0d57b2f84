import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { stringOf } from '../json/cloud-values.js';
import { inPriorityOrder } from '../../network/priority-order.js';
import { adminRuleCollection, adminRuleToNetworkRule } from './admin-rule.js';
import { azureAsset } from './resource-asset.js';

const ADMIN_RULE_TYPE = 'microsoft.network/networkmanagers/securityadminconfigurations/rulecollections/rules';

/** An item of an Azure listing that is a security admin rule (az network manager … rule list, the SDK, ARM REST), by its ARM type. */
export function isAdminRule(value: Record<string, unknown>): boolean {
  return typeof value.type === 'string' && value.type.toLowerCase() === ADMIN_RULE_TYPE;
}

/**
 * The admin rules of a listing, gathered by the rule collection their id names (`…/ruleCollections/RC/rules/R`): each
 * collection is judged once all its rules are read, since a Deny listed after an AlwaysAllow may still come first.
 */
export class AdminRuleListing {
  private readonly collections = new Map<string, { line: number; rules: { raw: Record<string, unknown>; line: number }[] }>();

  constructor(
    private readonly file: string,
    private readonly problems: InputProblem[],
  ) {}

  add(rule: Record<string, unknown>, line: number): void {
    const id = stringOf(rule.id) ?? '';
    const at = id.toLowerCase().lastIndexOf('/rules/');
    const collection = at > 0 ? id.slice(0, at) : '(no rule collection named)';
    const entry = this.collections.get(collection) ?? { line, rules: [] };
    entry.rules.push({ raw: rule, line });
    this.collections.set(collection, entry);
  }

  *assets(): Generator<NetworkAsset> {
    for (const [id, { line, rules }] of this.collections) {
      const name = id.slice(id.lastIndexOf('/') + 1);
      const collection = adminRuleCollection(azureAsset('azure-admin-rules', id, name), name, { file: this.file, line });
      for (const { raw, line: ruleLine } of rules) {
        const outcome = adminRuleToNetworkRule(raw, { file: this.file, line: ruleLine });
        if ('rule' in outcome) collection.rules.push(outcome.rule);
        else if ('error' in outcome) this.problem('azure/invalid-rule', ruleLine, 'error', `rule collection ${quoted(name, 80)} ${outcome.error} — this rule was not judged; fix the export or the rule`);
        else if ('notModelled' in outcome) this.problem('azure/not-modelled', ruleLine, 'warning', `rule collection ${quoted(name, 80)}: ${outcome.notModelled}`);
      }
      inPriorityOrder(collection.rules);
      yield collection;
    }
  }

  get size(): number {
    return this.collections.size;
  }

  private problem(id: InputProblem['id'], line: number, level: InputProblem['level'], message: string): void {
    this.problems.push({ id, file: this.file, line, level, message });
  }
}
