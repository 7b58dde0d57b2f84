import type { InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { arrayOf, isObject, stringOf } from '../json/cloud-values.js';
import type { JsonPosition } from '../json/locate.js';
import { dnatAsset, dnatRuleToNetworkRules, natCollectionOf } from './dnat-rule.js';
import { azureAsset } from './resource-asset.js';

const FIREWALL_TYPE = 'microsoft.network/azurefirewalls';
const RULE_COLLECTION_GROUP_TYPE = 'microsoft.network/firewallpolicies/rulecollectiongroups';

/** An Azure Firewall (az network firewall list/show, the SDK, ARM REST), by its type or its classic NAT rule collections. */
export function isFirewall(value: Record<string, unknown>): boolean {
  const fields = isObject(value.properties) ? value.properties : value;
  return typeOf(value) === FIREWALL_TYPE || Array.isArray(fields.natRuleCollections);
}

/** A firewall policy's rule collection group (az network firewall policy rule-collection-group list/show, the SDK, ARM REST). */
export function isRuleCollectionGroup(value: Record<string, unknown>): boolean {
  const fields = isObject(value.properties) ? value.properties : value;
  return typeOf(value) === RULE_COLLECTION_GROUP_TYPE || Array.isArray(fields.ruleCollections);
}

/** The firewall policy a firewall takes its rules from, when it has one: its rules are in that policy's rule collection groups. */
export function firewallPolicyOf(firewall: Record<string, unknown>): string | undefined {
  const fields = isObject(firewall.properties) ? firewall.properties : firewall;
  return isObject(fields.firewallPolicy) ? stringOf(fields.firewallPolicy.id) : undefined;
}

/**
 * The DNAT rules of a firewall's classic NAT rule collections, or of a rule collection group's NAT rule collections,
 * as one allow-only asset (see dnat-rule.ts). A rule that cannot be read is an error, and the others are judged.
 */
export function natRulesToAsset(item: Record<string, unknown>, position: JsonPosition | undefined, where: string, file: string, problems: InputProblem[]): NetworkAsset {
  const line = position?.line ?? 1;
  const nested = isObject(item.properties);
  const fields = nested ? (item.properties as Record<string, unknown>) : item;
  const fieldsPosition = nested ? position?.member('properties') : position;
  const policy = !isFirewall(item);
  const listName = policy ? 'ruleCollections' : 'natRuleCollections';
  const name = stringOf(item.name) ?? where;
  const id = stringOf(item.id) ?? name;
  const model = dnatAsset(azureAsset('azure-firewall', id, name, item.location), name, { file, line });

  const problem = (at: number, message: string) => problems.push({ id: 'azure/invalid-rule', file, line: at, level: 'error', message: `${policy ? 'rule collection group' : 'firewall'} ${quoted(name, 80)}: ${message} — not judged; fix the export or the rule` });
  const collectionPositions = fieldsPosition?.member(listName);
  for (const [index, raw] of arrayOf(fields[listName]).entries()) {
    const collectionPosition = collectionPositions?.item(index);
    const collectionLine = collectionPosition?.line ?? line;
    const collection = natCollectionOf(raw, policy);
    if (collection === undefined) continue;
    if ('error' in collection) {
      problem(collectionLine, collection.error);
      continue;
    }
    if (!collection.inbound) continue;
    const rulePositions = (isObject(raw) && isObject(raw.properties) ? collectionPosition?.member('properties') : collectionPosition)?.member('rules');
    for (const [ruleIndex, rule] of collection.rules.entries()) {
      const ruleLine = rulePositions?.item(ruleIndex)?.line ?? collectionLine;
      const outcome = dnatRuleToNetworkRules(rule, collection.name, { file, line: ruleLine });
      if ('error' in outcome) problem(ruleLine, outcome.error);
      else model.rules.push(...outcome.rules);
    }
  }
  return model;
}

function typeOf(value: Record<string, unknown>): string {
  return typeof value.type === 'string' ? value.type.toLowerCase() : '';
}
