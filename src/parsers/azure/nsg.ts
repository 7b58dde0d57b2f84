import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { AttachedResource, NetworkAsset } from '../../network/model.js';
import { arrayOf, isObject, stringOf } from '../json/cloud-values.js';
import type { JsonPosition } from '../json/locate.js';
import { AZURE_DEFAULT_RULES } from './default-rules.js';
import { azureAsset } from './resource-asset.js';
import { securityRuleToNetworkRule } from './security-rule.js';

/** The NICs and subnets an NSG is associated with, as az, the SDK and ARM list them: undefined when the export has neither. */
function attachmentsOf(fields: Record<string, unknown>): AttachedResource[] | undefined {
  if (!Array.isArray(fields.networkInterfaces) && !Array.isArray(fields.subnets)) return undefined;
  const idsOf = (value: unknown) => arrayOf(value).flatMap((entry) => (isObject(entry) && stringOf(entry.id) ? [stringOf(entry.id)!] : []));
  return [
    ...idsOf(fields.networkInterfaces).map((id) => ({ kind: 'network interface' as const, id })),
    ...idsOf(fields.subnets).map((id) => ({ kind: 'subnet' as const, id })),
  ];
}

/** One NSG: its rules and default rules in Azure's priority order (first match), defaults implied when the export has none. */
export function nsgToAsset(nsg: Record<string, unknown>, position: JsonPosition | undefined, where: string, file: string, problems: InputProblem[]): NetworkAsset {
  const line = position?.line ?? 1;
  const fields = isObject(nsg.properties) ? nsg.properties : nsg;
  const nestedPosition = isObject(nsg.properties) ? position?.member('properties') : position;
  const name = stringOf(nsg.name) ?? where;
  const id = stringOf(nsg.id) ?? name;
  const asset = azureAsset('azure-nsg', id, name, nsg.location);

  const model: NetworkAsset = {
    kind: 'network',
    asset,
    semantics: 'first-match',
    // Unreachable in practice: DenyAllInBound and DenyAllOutBound (65500) end every NSG.
    scopes: [{ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }],
    rules: [],
    location: { file, line },
  };

  const lists: ['securityRules' | 'defaultSecurityRules', 'rule' | 'default rule'][] = [['securityRules', 'rule'], ['defaultSecurityRules', 'default rule']];
  for (const [key, kind] of lists) {
    const rules = arrayOf(fields[key]);
    const positions = nestedPosition?.member(key);
    const implied = key === 'defaultSecurityRules' && rules.length === 0;
    for (const [index, raw] of (implied ? AZURE_DEFAULT_RULES : rules).entries()) {
      const ruleLine = implied ? line : (positions?.item(index)?.line ?? line);
      const outcome = securityRuleToNetworkRule(raw, kind, { file, line: ruleLine });
      if ('error' in outcome) {
        problems.push({ id: 'azure/invalid-rule', file, line: ruleLine, level: 'error', message: `NSG ${quoted(name, 80)} ${outcome.error} — this rule was not judged; fix the export or the rule` });
        continue;
      }
      model.rules.push(outcome.rule);
    }
  }
  model.rules.sort((a, b) => a.priority - b.priority);
  const usedBy = attachmentsOf(fields);
  if (usedBy) model.usedBy = usedBy;
  return model;
}
