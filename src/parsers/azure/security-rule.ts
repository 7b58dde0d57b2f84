import type { SourceLocation } from '../../model/location.js';
import { quoted } from '../../model/quote.js';
import type { AddressMatch, NetworkRule } from '../../network/model.js';
import { ALL_PORTS_LIST, arrayOf, isObject, portRangeOf, protocolOf, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';
import { azurePrefix } from './address.js';

/** What became of one security rule: a NetworkRule, or why it could not be judged. */
export type RuleOutcome = { rule: NetworkRule } | { error: string };

/**
 * One Azure security rule, flattened (az, SDK) or ARM-nested (`properties`). Singular and plural port and prefix
 * fields are alternatives: their union is taken.
 */
export function securityRuleToNetworkRule(raw: unknown, kind: 'rule' | 'default rule' | 'admin rule', location: SourceLocation): RuleOutcome {
  if (!isObject(raw)) return { error: `a security rule is not an object: ${quotedJson(raw)}` };
  const fields = isObject(raw.properties) ? raw.properties : raw;
  const name = stringOf(raw.name) ?? stringOf(fields.name) ?? '(unnamed)';
  const what = `${kind} ${quoted(name, 80)}`;

  const direction = textOf(fields.direction);
  if (direction !== 'inbound' && direction !== 'outbound') return { error: `${what}: direction ${quotedJson(fields.direction)} is not Inbound or Outbound` };
  const access = textOf(fields.access);
  if (access !== 'allow' && access !== 'deny') return { error: `${what}: access ${quotedJson(fields.access)} is not Allow or Deny` };
  const priority = typeof fields.priority === 'string' ? Number(fields.priority) : fields.priority;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0) return { error: `${what}: priority ${quotedJson(fields.priority)} is not a number` };
  const protocol = protocolOf(fields.protocol);
  if (!protocol) return { error: `${what}: protocol ${quotedJson(fields.protocol)} is not Tcp, Udp, Icmp, Esp, Ah or *` };

  const ports = union(fields.destinationPortRange, fields.destinationPortRanges, portRangeOf);
  if (typeof ports === 'string') return { error: `${what}: destination port ${ports} is not a port or range` };
  const sources = addresses(fields.sourceAddressPrefix, fields.sourceAddressPrefixes, fields.sourceApplicationSecurityGroups);
  if (typeof sources === 'string') return { error: `${what}: source ${sources} is not an address, CIDR or service tag` };
  const destinations = addresses(fields.destinationAddressPrefix, fields.destinationAddressPrefixes, fields.destinationApplicationSecurityGroups);
  if (typeof destinations === 'string') return { error: `${what}: destination ${destinations} is not an address, CIDR or service tag` };
  if (ports.length === 0 || sources.length === 0 || destinations.length === 0) return { error: `${what}: has no ${ports.length === 0 ? 'destination port' : sources.length === 0 ? 'source' : 'destination'}` };

  const inbound = direction === 'inbound';
  const local = inbound ? destinations : sources;
  const rule: NetworkRule = {
    id: kind === 'default rule' ? `default/${name}` : name,
    label: `${what} (priority ${priority})`,
    direction: inbound ? 'inbound' : 'outbound',
    action: access,
    protocol,
    ports: ports.some((range) => range.from === 0 && range.to === 65535) ? ALL_PORTS_LIST : ports,
    remote: inbound ? sources : destinations,
    priority,
    enabled: true,
    location,
  };
  if (!local.every(coversTheWholeNetwork)) rule.local = local;

  const sourcePorts = union(fields.sourcePortRange, fields.sourcePortRanges, portRangeOf);
  if (typeof sourcePorts === 'string') return { error: `${what}: source port ${sourcePorts} is not a port or range` };
  if (sourcePorts.length > 0 && !sourcePorts.some((range) => range.from === 0 && range.to === 65535)) rule.sourcePorts = sourcePorts;
  return { rule };
}

/** A field that must be a word, lower-cased; '' for anything else (String() of an export's object would call its "toString" member). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}

/** '*' or the VirtualNetwork tag on the NSG's own side: every machine the NSG protects, so no restriction. */
function coversTheWholeNetwork(address: AddressMatch): boolean {
  return address.kind === 'any' || (address.kind === 'symbol' && address.name.toLowerCase() === 'virtualnetwork');
}

function union<T>(single: unknown, plural: unknown, read: (value: unknown) => T | undefined): T[] | string {
  const values = [...(single === undefined || single === null || single === '' ? [] : [single]), ...arrayOf(plural)];
  const result: T[] = [];
  for (const value of values) {
    const parsed = read(value);
    if (parsed === undefined) return quotedJson(value);
    result.push(parsed);
  }
  return result;
}

function addresses(prefix: unknown, prefixes: unknown, groups: unknown): AddressMatch[] | string {
  const result = union(prefix, prefixes, azurePrefix);
  if (typeof result === 'string') return result;
  for (const group of arrayOf(groups)) {
    const id = isObject(group) ? stringOf(group.id) : undefined;
    if (!id) return quotedJson(isObject(group) ? group.id : group);
    result.push({ kind: 'group', ref: id, text: id.slice(id.lastIndexOf('/') + 1) });
  }
  return result;
}
