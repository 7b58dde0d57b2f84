import { problemAt } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { inPriorityOrder } from '../../network/priority-order.js';
import { adminRuleCollection, adminRuleToNetworkRule } from '../azure/admin-rule.js';
import type { IacAssets } from './assets.js';
import { attachTo, type Attachment } from './attachment.js';
import { droppedDeny, type DroppedDeny } from './dropped-deny.js';
import { blocksOf, Dependence, fieldOf, scalarOf, scalarsOf, UNKNOWN, type Block, type Scalar } from './reading.js';
import { scalar, shownAddress, type IacResource } from './value.js';

export const ARM_ADMIN_RULE_COLLECTION = 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections';
export const ARM_ADMIN_RULE = 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules';

/** A rule field: its name in the ARM/REST shape, in Terraform's, and what an unknown value is taken as. */
const RULE_FIELDS: [rest: string, terraform: string, worst: Scalar][] = [
  ['access', 'action', 'AlwaysAllow'],
  ['direction', 'direction', 'Inbound'],
  // An admin rule's first priority: an unknown one is taken as evaluated before every other.
  ['priority', 'priority', 1],
  ['protocol', 'protocol', 'Any'],
];
const PORT_FIELDS: [rest: string, terraform: string][] = [
  ['sourcePortRanges', 'source_port_ranges'],
  ['destinationPortRanges', 'destination_port_ranges'],
];
const PREFIX_FIELDS: [rest: string, terraform: string][] = [
  ['sources', 'source'],
  ['destinations', 'destination'],
];

/**
 * Azure Virtual Network Manager security admin rule collections of Terraform (azurerm) and ARM templates, each an
 * asset of the rules that force traffic open before any NSG is asked: AlwaysAllow against the Denies before them.
 */
export function azureAdminRuleCollections(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const collections = new Map<string, NetworkAsset>();
  const dropped = new Map<NetworkAsset, DroppedDeny[]>();
  for (const resource of resources) {
    if (resource.type !== 'azurerm_network_manager_admin_rule_collection' && resource.type !== ARM_ADMIN_RULE_COLLECTION) continue;
    const name = scalarOf(fieldOf(resource.body, 'name'), new Dependence());
    collections.set(resource.address, collectionAsset(resource.address, typeof name === 'string' ? name : resource.address, resource, out));
  }
  const attachments: Attachment[] = [];
  for (const resource of resources) {
    const terraform = resource.type === 'azurerm_network_manager_admin_rule';
    if (!terraform && resource.type !== ARM_ADMIN_RULE) continue;
    const reference = terraform ? fieldOf(resource.body, 'admin_rule_collection_id') : scalar(resource.address.slice(0, Math.max(0, resource.address.lastIndexOf('/'))), resource.line);
    attachments.push({
      resource,
      reference,
      add: (collection) => {
        const outcome = ruleOf(resource, terraform, out);
        if (outcome && 'rule' in outcome) collection.rules.push(outcome.rule);
        else if (outcome) dropped.set(collection, [...(dropped.get(collection) ?? []), outcome]);
      },
    });
  }
  const all = attachTo(collections, attachments, (reference, resource) => collectionAsset(reference, reference, resource, out));
  for (const collection of all) {
    for (const deny of dropped.get(collection) ?? []) deny.weaken(collection.rules);
    inPriorityOrder(collection.rules);
  }
  return all;
}

function collectionAsset(id: string, name: string, resource: IacResource, out: IacAssets): NetworkAsset {
  return adminRuleCollection({ kind: 'azure-admin-rules', id, name, within: out.within }, name, { file: resource.file, line: resource.line });
}

/**
 * One admin rule read into the REST shape, unknown values taken as the worst they could be in an AlwaysAllow. A Deny
 * with an unknown match cannot be counted on: it is left out, and the AlwaysAllows after it depend on it. An Allow
 * hands its traffic to the NSGs, which are judged on their own: it adds nothing here.
 */
function ruleOf(resource: IacResource, terraform: boolean, out: IacAssets): { rule: NetworkAsset['rules'][number] } | DroppedDeny | undefined {
  const body = resource.body;
  const properties = fieldOf(body, 'properties');
  const fields: Block = !terraform && properties?.kind === 'object' ? properties : body;
  const dependence = new Dependence();
  const record: Record<string, unknown> = {};
  const name = scalarOf(fieldOf(body, 'name'), new Dependence());
  const label = shownAddress(resource);
  // An ARM child resource's name holds its parents' names: 'manager/configuration/collection/rule'.
  record.name = typeof name === 'string' ? (terraform ? name : name.slice(name.lastIndexOf('/') + 1)) : label;
  if (!terraform) {
    record.kind = scalarOf(fieldOf(body, 'kind'), new Dependence());
    record.flag = scalarOf(fieldOf(fields, 'flag'), new Dependence());
  }
  for (const [rest, tf, worst] of RULE_FIELDS) {
    const value = scalarOf(fieldOf(fields, terraform ? tf : rest), dependence);
    if (value !== undefined) record[rest] = value === UNKNOWN ? worst : value;
  }
  for (const [rest, tf] of PORT_FIELDS) {
    const values = scalarsOf(fieldOf(fields, terraform ? tf : rest), dependence);
    record[rest] = values === UNKNOWN ? ['*'] : values.map((value) => (value === UNKNOWN ? '*' : value));
  }
  for (const [rest, tf] of PREFIX_FIELDS) {
    record[rest] = blocksOf(fields, terraform ? tf : rest).map((item) => {
      const type = scalarOf(fieldOf(item, terraform ? 'address_prefix_type' : 'addressPrefixType'), dependence);
      // A network group's VNets are never the internet, whichever group it is.
      const group = typeof type === 'string' && type.toLowerCase() === 'networkgroup';
      const prefix = scalarOf(fieldOf(item, terraform ? 'address_prefix' : 'addressPrefix'), group ? new Dependence() : dependence);
      if (prefix === UNKNOWN) return group ? { addressPrefix: 'unknown network group', addressPrefixType: type } : { addressPrefix: '*', addressPrefixType: 'IPPrefix' };
      return { addressPrefix: prefix, addressPrefixType: type === UNKNOWN ? 'IPPrefix' : type };
    });
  }
  const access = scalarOf(fieldOf(fields, terraform ? 'action' : 'access'), new Dependence());
  if (typeof access === 'string' && access.toLowerCase() === 'deny' && dependence.names.length > 0) {
    const unread = new Dependence();
    return droppedDeny(scalarOf(fieldOf(fields, 'priority'), unread), scalarOf(fieldOf(fields, 'direction'), unread), dependence.names);
  }
  const outcome = adminRuleToNetworkRule(record, { file: resource.file, line: dependence.line ?? resource.line });
  if ('handedToNsgs' in outcome) return undefined;
  if ('notModelled' in outcome) {
    out.problems.push(problemAt('iac/unsupported', { file: resource.file, line: resource.line }, `${shown(label, 120)}: ${outcome.notModelled}`, 'warning'));
    return undefined;
  }
  if ('error' in outcome) {
    out.invalid(resource, resource.line, `${shown(label, 120)}: ${outcome.error}`);
    return undefined;
  }
  outcome.rule.label = `${label} (${outcome.rule.label})`;
  if (dependence.names.length > 0) outcome.rule.dependsOn = dependence.names;
  return outcome;
}
