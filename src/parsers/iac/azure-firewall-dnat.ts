import { shown } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { dnatAsset, dnatRuleToNetworkRules, natCollectionOf } from '../azure/dnat-rule.js';
import type { IacAssets } from './assets.js';
import { blocksOf, Dependence, fieldOf, listsAsWorst, scalarOf, UNKNOWN, type Block } from './reading.js';
import { shownAddress, type IacResource } from './value.js';

export const ARM_FIREWALL = 'Microsoft.Network/azureFirewalls';
export const ARM_RULE_COLLECTION_GROUP = 'Microsoft.Network/firewallPolicies/ruleCollectionGroups';

/** Where each kind of resource keeps its NAT rule collections, and whether they are a policy's (typed) or classic. */
const COLLECTIONS: Readonly<Record<string, { list: string; policy: boolean; terraform: boolean }>> = {
  azurerm_firewall_nat_rule_collection: { list: '', policy: false, terraform: true },
  azurerm_firewall_policy_rule_collection_group: { list: 'nat_rule_collection', policy: true, terraform: true },
  [ARM_FIREWALL]: { list: 'natRuleCollections', policy: false, terraform: false },
  [ARM_RULE_COLLECTION_GROUP]: { list: 'ruleCollections', policy: true, terraform: false },
};

/** A rule's lists in Terraform and in the API, and what an unknown one is taken as (undefined: left out). */
const TERRAFORM_LISTS: [terraform: string, api: string, worst: string[] | undefined][] = [
  ['protocols', 'protocols', ['Any']],
  ['source_addresses', 'sourceAddresses', ['*']],
  ['source_ip_groups', 'sourceIpGroups', ['an unknown IP group']],
  ['destination_ports', 'destinationPorts', ['*']],
];
const TERRAFORM_SCALARS: [terraform: string, api: string, worst: string | undefined][] = [
  ['translated_port', 'translatedPort', '*'],
  ['translated_address', 'translatedAddress', undefined],
  ['translated_fqdn', 'translatedFqdn', undefined],
];

/**
 * Azure Firewall DNAT rules of Terraform (azurerm_firewall_nat_rule_collection, the NAT rule collections of
 * azurerm_firewall_policy_rule_collection_group) and ARM templates (a firewall's classic natRuleCollections, a policy's
 * rule collection groups): each resource an allow-only asset of what its DNAT rules open to the internet.
 */
export function azureFirewallDnat(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const assets: NetworkAsset[] = [];
  for (const resource of resources) {
    const shape = COLLECTIONS[resource.type];
    if (!shape) continue;
    const address = shownAddress(resource);
    const asset = dnatAsset({ kind: 'azure-firewall', id: resource.address, name: resource.address, within: out.within }, resource.address, { file: resource.file, line: resource.line });
    const properties = fieldOf(resource.body, 'properties');
    const fields: Block = !shape.terraform && properties?.kind === 'object' ? properties : resource.body;
    const collections = shape.list === '' ? [fields] : blocksOf(fields, shape.list);
    for (const collection of collections) addCollection(asset, collection, shape.policy, shape.terraform, resource, address, out);
    assets.push(asset);
  }
  return assets;
}

function addCollection(asset: NetworkAsset, block: Block, policy: boolean, terraform: boolean, resource: IacResource, address: string, out: IacAssets): void {
  const inner = fieldOf(block, 'properties');
  const fields: Block = !terraform && inner?.kind === 'object' ? inner : block;
  const actionField = fieldOf(fields, 'action');
  const dependence = new Dependence();
  // An unknown action is taken as the worst: DNAT, which opens.
  const action = scalarOf(terraform ? actionField : actionField?.kind === 'object' ? fieldOf(actionField, 'type') : actionField, dependence);
  const name = scalarOf(fieldOf(block, 'name'), new Dependence());
  const written = terraform ? 'FirewallPolicyNatRuleCollection' : scalarOf(fieldOf(fields, 'ruleCollectionType'), dependence);
  const collection = natCollectionOf(
    {
      name: typeof name === 'string' ? name : address,
      // A collection of an unknown type is taken as a NAT collection: the one kind that opens.
      ruleCollectionType: policy ? (written === UNKNOWN ? 'FirewallPolicyNatRuleCollection' : written) : undefined,
      action: action === UNKNOWN || action === undefined ? 'Dnat' : action,
    },
    policy,
  );
  if (collection === undefined) return;
  const line = blockLine(block, resource);
  if ('error' in collection) {
    out.invalid(resource, line, `${shown(address, 120)}: ${collection.error}`);
    return;
  }
  if (!collection.inbound) return;
  for (const rule of blocksOf(fields, terraform ? 'rule' : 'rules')) {
    const ruleDependence = new Dependence();
    ruleDependence.inherit(dependence.names);
    const record = terraform ? terraformRule(rule, ruleDependence) : armRule(rule, ruleDependence);
    const ruleName = scalarOf(fieldOf(rule, 'name'), new Dependence());
    record.name = typeof ruleName === 'string' ? ruleName : '(unnamed)';
    const outcome = dnatRuleToNetworkRules(record, collection.name, { file: resource.file, line: ruleDependence.line ?? blockLine(rule, resource) });
    if ('error' in outcome) {
      out.invalid(resource, blockLine(rule, resource), `${shown(address, 120)}: ${outcome.error}`);
      continue;
    }
    if (ruleDependence.names.length > 0) for (const networkRule of outcome.rules) networkRule.dependsOn = ruleDependence.names;
    asset.rules.push(...outcome.rules);
  }
}

function terraformRule(rule: Block, dependence: Dependence): Record<string, unknown> {
  return ruleRecord(rule, dependence, TERRAFORM_LISTS, TERRAFORM_SCALARS);
}

/** An ARM rule is written in the API's names: classic rules say `protocols`, a policy's NAT rules `ipProtocols`. */
function armRule(rule: Block, dependence: Dependence): Record<string, unknown> {
  const protocols = fieldOf(rule, 'ipProtocols') ? 'ipProtocols' : 'protocols';
  const lists = TERRAFORM_LISTS.map(([, api, worst]): [string, string, string[] | undefined] => [api === 'protocols' ? protocols : api, api, worst]);
  return ruleRecord(rule, dependence, lists, TERRAFORM_SCALARS.map(([, api, worst]) => [api, api, worst]));
}

/** The rule in the API's shape, each unknown taken as the worst it could be. */
function ruleRecord(rule: Block, dependence: Dependence, lists: typeof TERRAFORM_LISTS, scalars: typeof TERRAFORM_SCALARS): Record<string, unknown> {
  const record = listsAsWorst(rule, lists, dependence);
  for (const [code, api, worst] of scalars) {
    // Which machine the traffic is translated to does not decide whether it is let in: an unknown one is not a value
    // the finding depends on, and leaves the rule's machine unnamed.
    const value = scalarOf(fieldOf(rule, code), worst === undefined ? new Dependence() : dependence);
    if (value === UNKNOWN) {
      if (worst !== undefined) record[api] = worst;
    } else if (value !== undefined && value !== null) record[api] = value;
  }
  return record;
}

function blockLine(block: Block, resource: IacResource): number {
  return block.kind === 'object' ? block.line : resource.line;
}
