import { shown } from '../../model/quote.js';
import type { NetworkAsset, NetworkRule } from '../../network/model.js';
import { AZURE_DEFAULT_RULES } from '../azure/default-rules.js';
import { securityRuleToNetworkRule } from '../azure/security-rule.js';
import type { IacAssets } from './assets.js';
import { attachTo, type Attachment } from './attachment.js';
import { droppedDeny, type DroppedDeny } from './dropped-deny.js';
import { blocksOf, Dependence, fieldOf, scalarOf, scalarsOf, UNKNOWN, type Block, type Scalar } from './reading.js';
import { scalar, shownAddress, type IacResource } from './value.js';

const ARM_NSG = 'Microsoft.Network/networkSecurityGroups';
const ARM_RULE = 'Microsoft.Network/networkSecurityGroups/securityRules';

/** A rule field: its name in the ARM/REST shape, in Terraform's, and what an unknown value is taken as in an allow. */
const RULE_FIELDS: [rest: string, terraform: string, worst: Scalar][] = [
  ['protocol', 'protocol', '*'],
  ['sourcePortRange', 'source_port_range', '*'],
  ['destinationPortRange', 'destination_port_range', '*'],
  ['sourceAddressPrefix', 'source_address_prefix', '*'],
  ['destinationAddressPrefix', 'destination_address_prefix', '*'],
  // Azure's lowest priority number: an unknown allow is taken as the first rule evaluated.
  ['priority', 'priority', 100],
  // An unknown direction is taken as inbound, the direction that exposes.
  ['direction', 'direction', 'Inbound'],
  ['access', 'access', 'Allow'],
];
const LIST_FIELDS: [rest: string, terraform: string][] = [
  ['sourcePortRanges', 'source_port_ranges'],
  ['destinationPortRanges', 'destination_port_ranges'],
  ['sourceAddressPrefixes', 'source_address_prefixes'],
  ['destinationAddressPrefixes', 'destination_address_prefixes'],
];
const GROUP_FIELDS: [rest: string, terraform: string, byId: string][] = [
  ['sourceApplicationSecurityGroups', 'source_application_security_group_ids', 'sourceApplicationSecurityGroupResourceIds'],
  ['destinationApplicationSecurityGroups', 'destination_application_security_group_ids', 'destinationApplicationSecurityGroupResourceIds'],
];

/** NSGs of Terraform (azurerm) and ARM templates, with their rules inline and as resources of their own. */
export function azureNsgs(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const nsgs = new Map<string, NetworkAsset>();
  const byName = new Map<string, NetworkAsset[]>();
  const dropped = new Map<NetworkAsset, DroppedDeny[]>();
  const add = (nsg: NetworkAsset, resource: IacResource, block: Block, label: string, terraform: boolean, line = block.line): void => {
    const outcome = ruleOf(resource, block, label, terraform, out, line);
    if (!outcome) return;
    if ('rule' in outcome) nsg.rules.push(outcome.rule);
    else dropped.set(nsg, [...(dropped.get(nsg) ?? []), outcome]);
  };

  for (const resource of resources) {
    const terraform = resource.type === 'azurerm_network_security_group';
    if (!terraform && resource.type !== ARM_NSG) continue;
    const name = scalarOf(fieldOf(resource.body, 'name'), new Dependence());
    const nsg = nsgAsset(resource.address, typeof name === 'string' ? name : resource.address, resource, out);
    if (terraform) blocksOf(resource.body, 'security_rule').forEach((block, index) => add(nsg, resource, block, `${shownAddress(resource)} security_rule[${index}]`, true));
    else {
      const properties = fieldOf(resource.body, 'properties');
      if (properties?.kind === 'object' || properties?.kind === 'unknown') {
        blocksOf(properties, 'securityRules').forEach((block, index) => add(nsg, resource, block, `${shownAddress(resource)} securityRules[${index}]`, false));
      }
    }
    nsgs.set(resource.address, nsg);
    if (typeof name === 'string') byName.set(name, [...(byName.get(name) ?? []), nsg]);
  }

  const attachments: Attachment[] = [];
  for (const resource of resources) {
    if (resource.type === 'azurerm_network_security_rule') {
      attachments.push({ resource, reference: fieldOf(resource.body, 'network_security_group_name'), add: (nsg) => add(nsg, resource, resource.body, shownAddress(resource), true, resource.line) });
    } else if (resource.type === ARM_RULE) {
      const parent = resource.address.slice(0, Math.max(0, resource.address.lastIndexOf('/')));
      attachments.push({ resource, reference: scalar(parent, resource.line), add: (nsg) => add(nsg, resource, resource.body, shownAddress(resource), false, resource.line) });
    }
  }
  const all = attachTo(nsgs, attachments, (reference, resource) => nsgAsset(reference, reference, resource, out), byName);
  for (const nsg of all) {
    for (const deny of dropped.get(nsg) ?? []) deny.weaken(nsg.rules);
    nsg.rules.push(...defaultRules(nsg));
    nsg.rules.sort((a, b) => a.priority - b.priority);
  }
  return all;
}

function nsgAsset(id: string, name: string, resource: IacResource, out: IacAssets): NetworkAsset {
  return {
    kind: 'network',
    asset: { kind: 'azure-nsg', id, name, within: out.within },
    semantics: 'first-match',
    scopes: [{ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }],
    rules: [],
    location: { file: resource.file, line: resource.line },
  };
}

function defaultRules(nsg: NetworkAsset): NetworkRule[] {
  return AZURE_DEFAULT_RULES.flatMap((raw) => {
    const outcome = securityRuleToNetworkRule(raw, 'default rule', nsg.location);
    return 'rule' in outcome ? [outcome.rule] : [];
  });
}

/**
 * One security rule read into the REST shape, unknown values taken as the worst they could be in an allow. A deny
 * with an unknown match cannot be counted on: it is left out, and the allows it may stand before depend on it.
 */
function ruleOf(resource: IacResource, block: Block, label: string, terraform: boolean, out: IacAssets, line: number): { rule: NetworkRule } | DroppedDeny | undefined {
  const fields = !terraform && block.kind === 'object' && fieldOf(block, 'properties')?.kind === 'object' ? (fieldOf(block, 'properties') as Block) : block;
  const dependence = new Dependence();
  const record: Record<string, unknown> = {};
  const name = scalarOf(fieldOf(block, 'name'), new Dependence());
  record.name = typeof name === 'string' ? name : label;
  for (const [rest, tf, worst] of RULE_FIELDS) {
    const value = scalarOf(fieldOf(fields, terraform ? tf : rest), dependence);
    if (value !== undefined) record[rest] = value === UNKNOWN ? worst : value;
  }
  for (const [rest, tf] of LIST_FIELDS) {
    const values = scalarsOf(fieldOf(fields, terraform ? tf : rest), dependence);
    if (values === UNKNOWN) record[rest] = ['*'];
    else if (values.length > 0) record[rest] = values.map((value) => (value === UNKNOWN ? '*' : value));
  }
  for (const [rest, tf, byId] of GROUP_FIELDS) {
    // Azure Verified Modules' NSG takes a rule's groups by id (`…ApplicationSecurityGroupResourceIds`), as Terraform does.
    const idsField = terraform ? undefined : fieldOf(fields, byId);
    const field = idsField ?? fieldOf(fields, terraform ? tf : rest);
    if (terraform || idsField) {
      const ids = scalarsOf(field, new Dependence());
      if (ids !== UNKNOWN && ids.length > 0) record[rest] = ids.map((id) => ({ id: id === UNKNOWN ? 'unknown application security group' : String(id) }));
    } else if (field?.kind === 'list') {
      // A group whose id the template does not fix is still a group: never the internet.
      record[rest] = field.items.map((item) => {
        const id = item.kind === 'object' ? scalarOf(fieldOf(item, 'id'), new Dependence()) : item.kind === 'unknown' ? UNKNOWN : undefined;
        return { id: id === UNKNOWN ? 'unknown application security group' : id };
      });
    }
  }
  const access = scalarOf(fieldOf(fields, 'access'), new Dependence());
  if (typeof access === 'string' && access.toLowerCase() === 'deny' && dependence.names.length > 0) {
    const unread = new Dependence();
    return droppedDeny(scalarOf(fieldOf(fields, 'priority'), unread), scalarOf(fieldOf(fields, 'direction'), unread), dependence.names);
  }
  const location = { file: resource.file, line: dependence.line ?? line };
  const outcome = securityRuleToNetworkRule(record, 'rule', location);
  if ('error' in outcome) {
    out.invalid(resource, line, `${shown(label, 120)}: ${outcome.error}`);
    return undefined;
  }
  outcome.rule.label = `${label} (${outcome.rule.label})`;
  if (dependence.names.length > 0) outcome.rule.dependsOn = dependence.names;
  return outcome;
}
