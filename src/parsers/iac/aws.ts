import { shown } from '../../model/quote.js';
import type { NetworkAsset, NetworkRule, TrafficDirection } from '../../network/model.js';
import { securityGroupAsset } from '../aws/asset.js';
import { protocolAndPorts } from '../aws/permission.js';
import { permissionRule } from '../aws/security-groups.js';
import type { IacAssets } from './assets.js';
import { attachTo, type Attachment } from './attachment.js';
import { cidrs, named } from './peers.js';
import { blocksOf, Dependence, fieldOf, numberOf, scalarOf, UNKNOWN, type Block, type Scalar } from './reading.js';
import { shownAddress, type IacResource } from './value.js';

/** How one vocabulary names a permission's fields (Terraform's three resource shapes, CloudFormation's one). */
interface PermissionFields {
  protocol: string;
  from: string;
  to: string;
  ipv4: string[];
  ipv6: string[];
  prefixLists: string[];
  groups: string[];
}

const TERRAFORM_INLINE: PermissionFields = { protocol: 'protocol', from: 'from_port', to: 'to_port', ipv4: ['cidr_blocks'], ipv6: ['ipv6_cidr_blocks'], prefixLists: ['prefix_list_ids'], groups: ['security_groups', 'source_security_group_id'] };
const TERRAFORM_VPC_RULE: PermissionFields = { protocol: 'ip_protocol', from: 'from_port', to: 'to_port', ipv4: ['cidr_ipv4'], ipv6: ['cidr_ipv6'], prefixLists: ['prefix_list_id'], groups: ['referenced_security_group_id'] };
const CLOUDFORMATION: PermissionFields = {
  protocol: 'IpProtocol',
  from: 'FromPort',
  to: 'ToPort',
  ipv4: ['CidrIp'],
  ipv6: ['CidrIpv6'],
  prefixLists: ['SourcePrefixListId', 'DestinationPrefixListId'],
  groups: ['SourceSecurityGroupId', 'SourceSecurityGroupName', 'DestinationSecurityGroupId'],
};

const WORLD_V4 = '0.0.0.0/0';
const WORLD_V6 = '::/0';

/** How a group resource of each language names itself and lists its rules. */
interface GroupShape {
  name: string;
  lists: readonly (readonly [key: string, direction: TrafficDirection])[];
  fields: PermissionFields;
  /** CloudFormation keeps the allow-all egress EC2 gives a new group unless the template lists egress; Terraform removes it. */
  keepsDefaultEgress: boolean;
}

const GROUP_SHAPES: Readonly<Record<string, GroupShape>> = {
  aws_security_group: { name: 'name', lists: [['ingress', 'inbound'], ['egress', 'outbound']], fields: TERRAFORM_INLINE, keepsDefaultEgress: false },
  // A VPC's default group, adopted: Terraform removes its rules and gives it those of the resource (it has no name argument).
  aws_default_security_group: { name: 'name', lists: [['ingress', 'inbound'], ['egress', 'outbound']], fields: TERRAFORM_INLINE, keepsDefaultEgress: false },
  'AWS::EC2::SecurityGroup': { name: 'GroupName', lists: [['SecurityGroupIngress', 'inbound'], ['SecurityGroupEgress', 'outbound']], fields: CLOUDFORMATION, keepsDefaultEgress: true },
};

/** Security groups of Terraform and CloudFormation, with their rules inline and as resources of their own. */
export function awsSecurityGroups(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const groups = new Map<string, NetworkAsset>();
  const byName = new Map<string, NetworkAsset[]>();
  for (const resource of resources) {
    const shape = Object.hasOwn(GROUP_SHAPES, resource.type) ? GROUP_SHAPES[resource.type] : undefined;
    if (!shape) continue;
    const name = scalarOf(fieldOf(resource.body, shape.name), new Dependence());
    const group = groupAsset(resource, name, out);
    for (const [key, direction] of shape.lists) {
      blocksOf(resource.body, key).forEach((block, index) => addPermission(group, out, resource, block, direction, shape.fields, `${shownAddress(resource)} ${key}[${index}]`));
    }
    if (shape.keepsDefaultEgress && fieldOf(resource.body, shape.lists[1][0]) === undefined) group.rules.push(impliedEgress(resource));
    groups.set(resource.address, group);
    if (typeof name === 'string') byName.set(name, [...(byName.get(name) ?? []), group]);
  }

  const attachments: Attachment[] = [];
  for (const resource of resources) {
    const rule = ruleResource(resource);
    if (!rule) continue;
    const dependence = new Dependence();
    attachments.push({
      resource,
      reference: fieldOf(resource.body, rule.groupField) ?? fieldOf(resource.body, rule.groupNameField ?? rule.groupField),
      add: (group) => addPermission(group, out, resource, resource.body, rule.direction(dependence), rule.fields, shownAddress(resource), dependence, resource.line),
    });
  }
  const detachedGroup = (reference: string, resource: IacResource): NetworkAsset => {
    const asset = securityGroupAsset({ id: reference, groupId: reference }, { file: resource.file, line: resource.line });
    asset.asset.within = out.within;
    return asset;
  };
  return attachTo(groups, attachments, detachedGroup, byName);
}

interface RuleResourceShape {
  fields: PermissionFields;
  groupField: string;
  groupNameField?: string;
  direction(dependence: Dependence): TrafficDirection;
}

function ruleResource(resource: IacResource): RuleResourceShape | undefined {
  switch (resource.type) {
    case 'aws_security_group_rule':
      return {
        fields: TERRAFORM_INLINE,
        groupField: 'security_group_id',
        // An unknown type is judged as ingress, the direction that exposes.
        direction: (dependence) => (scalarOf(fieldOf(resource.body, 'type'), dependence) === 'egress' ? 'outbound' : 'inbound'),
      };
    case 'aws_vpc_security_group_ingress_rule':
      return { fields: TERRAFORM_VPC_RULE, groupField: 'security_group_id', direction: () => 'inbound' };
    case 'aws_vpc_security_group_egress_rule':
      return { fields: TERRAFORM_VPC_RULE, groupField: 'security_group_id', direction: () => 'outbound' };
    case 'AWS::EC2::SecurityGroupIngress':
      return { fields: CLOUDFORMATION, groupField: 'GroupId', groupNameField: 'GroupName', direction: () => 'inbound' };
    case 'AWS::EC2::SecurityGroupEgress':
      return { fields: CLOUDFORMATION, groupField: 'GroupId', direction: () => 'outbound' };
    default:
      return undefined;
  }
}

function groupAsset(resource: IacResource, name: Scalar | typeof UNKNOWN | undefined, out: IacAssets): NetworkAsset {
  const group = securityGroupAsset({ id: resource.address, groupId: resource.address, name: typeof name === 'string' ? name : undefined }, { file: resource.file, line: resource.line });
  group.asset.within = out.within;
  return group;
}

/** One permission block or rule resource: one NetworkRule per peer, each unknown taken as the worst it could be. */
function addPermission(
  group: NetworkAsset,
  out: IacAssets,
  resource: IacResource,
  block: Block,
  direction: TrafficDirection,
  fields: PermissionFields,
  label: string,
  dependence = new Dependence(),
  /** A rule resource is located at its declaration, not at its body. */
  line = block.line,
): void {
  const protocol = scalarOf(fieldOf(block, fields.protocol), dependence);
  const from = scalarOf(fieldOf(block, fields.from), dependence);
  const to = scalarOf(fieldOf(block, fields.to), dependence);
  const traffic = protocolAndPorts({
    IpProtocol: protocol === UNKNOWN || protocol === undefined ? '-1' : String(protocol),
    FromPort: from === UNKNOWN ? -1 : from === undefined || from === null ? undefined : (numberOf(from) ?? from),
    ToPort: to === UNKNOWN ? -1 : to === undefined || to === null ? undefined : (numberOf(to) ?? to),
  });
  const blockLine = line;
  if (typeof traffic === 'string') {
    out.invalid(resource, blockLine, `${shown(label, 120)}: ${traffic}`);
    return;
  }
  const peers = [
    ...fields.ipv4.flatMap((name) => cidrs(fieldOf(block, name), WORLD_V4, dependence, (text) => out.invalid(resource, blockLine, `${shown(label, 120)}: ${name} ${text} is not an IPv4 CIDR`))),
    ...fields.ipv6.flatMap((name) => cidrs(fieldOf(block, name), WORLD_V6, dependence, (text) => out.invalid(resource, blockLine, `${shown(label, 120)}: ${name} ${text} is not an IPv6 CIDR`))),
    ...fields.prefixLists.flatMap((name) => named(fieldOf(block, name), dependence, (id) => ({ kind: 'symbol', name: id, public: 'unknown', text: id }))),
    ...fields.groups.flatMap((name) => named(fieldOf(block, name), dependence, (id) => ({ kind: 'group', ref: id, text: id }))),
  ];
  const location = { file: resource.file, line: dependence.line ?? blockLine };
  for (const peer of peers) {
    const rule: NetworkRule = permissionRule(direction, traffic, peer, label, location);
    if (dependence.names.length > 0) rule.dependsOn = dependence.names;
    group.rules.push(rule);
  }
}

/** EC2 gives a group created without egress rules one that allows everything out (CloudFormation keeps it). */
function impliedEgress(resource: IacResource): NetworkRule {
  const traffic = protocolAndPorts({ IpProtocol: '-1' });
  if (typeof traffic === 'string') throw new Error('the all-traffic protocol must read');
  return permissionRule('outbound', traffic, { kind: 'cidr', cidr: WORLD_V4, text: WORLD_V4 }, `${shownAddress(resource)} (the allow-all egress EC2 adds when SecurityGroupEgress is not given)`, { file: resource.file, line: resource.line });
}
