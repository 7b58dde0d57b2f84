import { shown } from '../../model/quote.js';
import type { AddressMatch, NetworkAsset } from '../../network/model.js';
import { isWindowsBlueprint, LIGHTSAIL_DEFAULT_PORTS, lightsailAlias, lightsailDefaultRule, lightsailInstanceAsset, lightsailTraffic } from '../aws/lightsail.js';
import { permissionRule } from '../aws/security-groups.js';
import type { IacAssets } from './assets.js';
import { attachTo, type Attachment } from './attachment.js';
import { cidrs, named } from './peers.js';
import { blocksOf, Dependence, fieldOf, scalarOf, UNKNOWN, type Block } from './reading.js';
import { shownAddress, type IacResource } from './value.js';

/** How each language names a port rule's fields (Terraform's port_info, CloudFormation's Networking.Ports). */
interface PortFields {
  protocol: string;
  from: string;
  to: string;
  ipv4: string;
  ipv6: string;
  aliases: string;
}

const TERRAFORM: PortFields = { protocol: 'protocol', from: 'from_port', to: 'to_port', ipv4: 'cidrs', ipv6: 'ipv6_cidrs', aliases: 'cidr_list_aliases' };
const CLOUDFORMATION: PortFields = { protocol: 'Protocol', from: 'FromPort', to: 'ToPort', ipv4: 'Cidrs', ipv6: 'Ipv6Cidrs', aliases: 'CidrListAliases' };

const WORLD_V4 = '0.0.0.0/0';

/**
 * Lightsail instances of Terraform and CloudFormation, each an asset with its firewall: the ports an
 * `aws_lightsail_instance_public_ports` (or the template's `Networking.Ports`) sets, which replace the instance's
 * default rules; without them, the defaults a new instance keeps (SSH and HTTP, RDP on Windows, from anywhere).
 */
export function awsLightsailInstances(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const instances = new Map<string, NetworkAsset>();
  const byName = new Map<string, NetworkAsset[]>();
  const keepingDefaults = new Map<NetworkAsset, IacResource>();
  for (const resource of resources) {
    const terraform = resource.type === 'aws_lightsail_instance';
    if (!terraform && resource.type !== 'AWS::Lightsail::Instance') continue;
    const name = scalarOf(fieldOf(resource.body, terraform ? 'name' : 'InstanceName'), new Dependence());
    const instance = instanceAsset(resource.address, typeof name === 'string' ? name : resource.address, resource, out);
    instances.set(resource.address, instance);
    if (typeof name === 'string') byName.set(name, [...(byName.get(name) ?? []), instance]);
    const networking = terraform ? undefined : fieldOf(resource.body, 'Networking');
    if ((networking?.kind === 'object' && networking.fields.has('Ports')) || networking?.kind === 'unknown') {
      blocksOf(networking, 'Ports').forEach((block, index) => addPort(instance, out, resource, block, CLOUDFORMATION, `${shownAddress(resource)} Ports[${index}]`));
    } else keepingDefaults.set(instance, resource);
  }

  const attachments: Attachment[] = [];
  for (const resource of resources) {
    if (resource.type !== 'aws_lightsail_instance_public_ports') continue;
    attachments.push({
      resource,
      reference: fieldOf(resource.body, 'instance_name'),
      add: (instance) => {
        keepingDefaults.delete(instance);
        blocksOf(resource.body, 'port_info').forEach((block, index) => addPort(instance, out, resource, block, TERRAFORM, `${shownAddress(resource)} port_info[${index}]`));
      },
    });
  }
  const assets = attachTo(instances, attachments, (reference, resource) => instanceAsset(reference, reference, resource, out), byName);
  for (const [instance, resource] of keepingDefaults) addDefaultRules(instance, resource);
  return assets;
}

function instanceAsset(id: string, name: string, resource: IacResource, out: IacAssets): NetworkAsset {
  const instance = lightsailInstanceAsset({ id, name }, { file: resource.file, line: resource.line });
  instance.asset.within = out.within;
  return instance;
}

/** One port rule: from its sources, or from any IPv4 address when it names none, as Lightsail opens a port given without them. */
function addPort(instance: NetworkAsset, out: IacAssets, resource: IacResource, block: Block, fields: PortFields, label: string): void {
  const dependence = new Dependence();
  const read = (name: string) => {
    const value = scalarOf(fieldOf(block, name), dependence);
    return value === UNKNOWN ? -1 : value;
  };
  const protocol = scalarOf(fieldOf(block, fields.protocol), dependence);
  const traffic = lightsailTraffic(protocol === UNKNOWN ? 'all' : protocol, read(fields.from), read(fields.to));
  if (typeof traffic === 'string') {
    out.invalid(resource, block.line, `${shown(label, 120)}: ${traffic}`);
    return;
  }
  const invalid = (name: string, family: string) => (text: string) => out.invalid(resource, block.line, `${shown(label, 120)}: ${name} ${text} is not an ${family} CIDR`);
  const sources: AddressMatch[] = [
    ...cidrs(fieldOf(block, fields.ipv4), WORLD_V4, dependence, invalid(fields.ipv4, 'IPv4')),
    ...cidrs(fieldOf(block, fields.ipv6), '::/0', dependence, invalid(fields.ipv6, 'IPv6')),
    ...named(fieldOf(block, fields.aliases), dependence, lightsailAlias),
  ];
  if (sources.length === 0) sources.push({ kind: 'cidr', cidr: WORLD_V4, text: WORLD_V4 });
  const location = { file: resource.file, line: dependence.line ?? block.line };
  for (const source of sources) {
    const rule = permissionRule('inbound', traffic, source, label, location);
    if (dependence.names.length > 0) rule.dependsOn = dependence.names;
    instance.rules.push(rule);
  }
}

/** The rules of a new instance, kept because nothing sets its ports; RDP among them when the blueprint is (or may be) Windows. */
function addDefaultRules(instance: NetworkAsset, resource: IacResource): void {
  const dependence = new Dependence();
  const blueprint = scalarOf(fieldOf(resource.body, resource.type === 'aws_lightsail_instance' ? 'blueprint_id' : 'BlueprintId'), dependence);
  const windows = blueprint === UNKNOWN || (typeof blueprint === 'string' && isWindowsBlueprint(blueprint));
  const setter = resource.type === 'aws_lightsail_instance' ? 'no aws_lightsail_instance_public_ports sets its ports' : 'Networking.Ports is not given';
  const label = `${shownAddress(resource)} (Lightsail's default rules, kept while ${setter})`;
  const location = { file: resource.file, line: resource.line };
  for (const port of [...LIGHTSAIL_DEFAULT_PORTS.every, ...(windows ? LIGHTSAIL_DEFAULT_PORTS.windows : [])]) {
    const rule = lightsailDefaultRule(port, label, location);
    if (port === 3389 && blueprint === UNKNOWN) rule.dependsOn = dependence.names;
    instance.rules.push(rule);
  }
}
