import { problemAt } from '../../../model/problem.js';
import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacObject, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { list, object } from '../values.js';
import { PREDEFINED_RULES } from './azure-nsg-rules.js';
import { countedItems, fieldOf, given, instanceKey, isFalse, rejected } from './call-values.js';

const RULE = 'azurerm_network_security_rule';
const ROOT_VARIABLES = [
  'resource_group_name', 'location', 'security_group_name', 'tags', 'predefined_rules', 'custom_rules', 'rules', 'use_for_each',
  'source_address_prefix', 'source_address_prefixes', 'destination_address_prefix', 'destination_address_prefixes', 'tracing_tags_enabled', 'tracing_tags_prefix',
];

/**
 * Azure/network-security-group/azurerm, versions 3 and 4, or one of its one-rule submodules (`//modules/SSH`, which
 * gives the root module `predefined_rules = [{ name = "SSH" }]`): the NSG `security_group_name` (`nsg` unless given),
 * one rule per item of `predefined_rules` (the ports and protocol of the module's table, open to the module's
 * `source_address_prefix`, `*` unless given) and one per item of `custom_rules` (open to `*` unless it says otherwise),
 * addressed as the module's own (`predefined_rules[0]`, or `predefined_rules_for["SSH"]` with `use_for_each`).
 */
export function azureNetworkSecurityGroupModule(major: number, submodule: string | undefined): KnownModule {
  return {
    variables: new Set(ROOT_VARIABLES),
    instance(inputs, place) {
      if (submodule === undefined) return rootInstance(inputs, place, major);
      const predefined = list([object(new Map([['name', scalar(submodule, place.line)]]), place.line)], place.line);
      return rootInstance(new Map([...inputs, ['predefined_rules', predefined]]), { ...place, prefix: `${place.prefix}module.nsg.` }, major);
    },
  };
}

/** The submodules of one predefined rule, named as the rule (`SSH`, `RDP`); ActiveDirectory's group is not one rule. */
export const SUBMODULES: ReadonlySet<string> = new Set([...PREDEFINED_RULES.keys()].filter((name) => !name.startsWith('ActiveDirectory-')));

function rootInstance(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace, major: number): { resources: IacResource[]; outputs: IacObject } {
  const { line, prefix, file } = place;
  const address = `${prefix}azurerm_network_security_group.nsg`;
  const name = inputs.get('security_group_name') ?? scalar('nsg', line);
  const resources: IacResource[] = [{ type: 'azurerm_network_security_group', address, file, line, body: object(new Map([['name', name]]), line) }];
  const group = unknown(line, [`${prefix}network_security_group_name`], address);
  const forEach = given(inputs.get('use_for_each')) && !isFalse(inputs.get('use_for_each'));
  const rules = new RuleMaker(inputs, place, group, forEach, resources);
  rules.make('predefined_rules', (item, index, count) => rules.predefined(item, index, count));
  rules.make('custom_rules', (item) => rules.custom(item, major));
  const reference = (output: string) => unknown(line, [`${place.name}.${output}`], address);
  return { resources, outputs: object(new Map([['network_security_group_id', reference('network_security_group_id')], ['network_security_group_name', reference('network_security_group_name')]]), line) };
}

class RuleMaker {
  constructor(
    private readonly inputs: ReadonlyMap<string, IacValue>,
    private readonly place: KnownPlace,
    private readonly group: IacValue,
    private readonly forEach: boolean,
    private readonly resources: IacResource[],
  ) {}

  /** One rule per item of a list, by its index, or by its name with `use_for_each`. */
  make(list: 'predefined_rules' | 'custom_rules', body: (item: IacValue, index: number, count: number) => Map<string, IacValue>): void {
    const given = this.inputs.get(list) ?? scalar(null, this.place.line);
    const items = countedItems(given);
    if (items === 'not a list') {
      rejected(this.place, given, `${list} is not a list`);
      return;
    }
    items.forEach(({ item, key }, index) => {
      const fields = body(item, index, items.length);
      fields.set('network_security_group_name', this.group);
      const name = fieldOf(item, 'name');
      const instance = !this.forEach ? key : instanceKey(name?.kind === 'scalar' ? String(name.value) : undefined);
      // A submodule's own rule is written nowhere in the call: it is where the call says whom it opens to, if it does.
      const line = item.line === this.place.line ? (this.inputs.get('source_address_prefix') ?? this.inputs.get('source_address_prefixes'))?.line ?? item.line : item.line;
      this.resources.push({ type: RULE, address: `${this.place.prefix}${RULE}.${list}${this.forEach ? '_for' : ''}${instance}`, file: this.place.file, line, body: object(fields, line) });
    });
  }

  /** `{ name = "SSH" }`: the table's protocol and port, from the module's source and to its destination. */
  predefined(item: IacValue, index: number, count: number): Map<string, IacValue> {
    const { line } = item;
    const name = fieldOf(item, 'name');
    let row: IacValue[];
    if (name?.kind === 'scalar' && PREDEFINED_RULES.has(String(name.value))) row = PREDEFINED_RULES.get(String(name.value))!.map((value) => scalar(value, line));
    else {
      if (name?.kind !== 'unknown') {
        this.place.problems.push(problemAt('iac/invalid-resource', { file: this.place.file, line }, `${this.place.name}: ${name ? quoted(String(name.kind === 'scalar' ? name.value : 'a value'), 60) : 'a predefined rule without a name'} is not one of the module's predefined rules — Terraform rejects it ("Invalid index"); the rule is judged as all traffic`));
      }
      const stand = name?.kind === 'unknown' ? name : unknown(line, ['rules']);
      row = [scalar('Inbound', line), scalar('Allow', line), stand, stand];
    }
    const fields = new Map<string, IacValue>([
      ['name', name ?? unknown(line, ['name'])],
      ['direction', row[0]],
      ['access', row[1]],
      ['protocol', row[2]],
      ['destination_port_range', row[3]],
      ['priority', fieldOf(item, 'priority') ?? scalar(4096 - count + index, line)],
    ]);
    this.sourcePorts(item, fields);
    for (const side of ['source', 'destination'] as const) {
      const groups = fieldOf(item, `${side}_application_security_group_ids`);
      if (given(groups)) fields.set(`${side}_application_security_group_ids`, groups);
      else if (given(this.inputs.get(`${side}_address_prefixes`))) fields.set(`${side}_address_prefixes`, this.inputs.get(`${side}_address_prefixes`)!);
      else fields.set(`${side}_address_prefix`, joined(this.inputs.get(`${side}_address_prefix`) ?? list([scalar('*', this.place.line)], this.place.line)));
    }
    return fields;
  }

  /** A custom rule as written, with the module's defaults: inbound (any direction before version 4), allowed, `*`. */
  custom(item: IacValue, major: number): Map<string, IacValue> {
    const { line } = item;
    const field = (name: string, otherwise: string) => fieldOf(item, name) ?? scalar(otherwise, line);
    const ports = field('destination_port_range', '*');
    const fields = new Map<string, IacValue>([
      ['name', field('name', 'default_rule_name')],
      ['direction', field('direction', major >= 4 ? 'Inbound' : 'Any')],
      ['access', field('access', 'Allow')],
      ['protocol', field('protocol', '*')],
      ['priority', fieldOf(item, 'priority') ?? unknown(line, ['priority'])],
      ['destination_port_ranges', ports.kind === 'scalar' && typeof ports.value === 'string' ? list(ports.value.replaceAll('*', '0-65535').split(',').map((part) => scalar(part, ports.line)), ports.line) : ports],
    ]);
    this.sourcePorts(item, fields);
    for (const side of ['source', 'destination'] as const) {
      const groups = fieldOf(item, `${side}_application_security_group_ids`);
      const prefixes = fieldOf(item, `${side}_address_prefixes`);
      if (given(groups)) fields.set(`${side}_application_security_group_ids`, groups);
      else if (given(prefixes)) fields.set(`${side}_address_prefixes`, prefixes);
      else fields.set(`${side}_address_prefix`, field(`${side}_address_prefix`, '*'));
    }
    return fields;
  }

  /** `source_port_range = "*"`, or the comma-separated ranges given. */
  private sourcePorts(item: IacValue, fields: Map<string, IacValue>): void {
    const ports = fieldOf(item, 'source_port_range');
    if (!given(ports) || (ports.kind === 'scalar' && ports.value === '*')) fields.set('source_port_range', scalar('*', item.line));
    else fields.set('source_port_ranges', ports.kind === 'scalar' ? list(String(ports.value).split(',').map((part) => scalar(part.trim(), ports.line)), ports.line) : ports);
  }
}

/** `join(",", prefixes)`: unknown if the list is. */
function joined(prefixes: IacValue): IacValue {
  if (prefixes.kind !== 'list') return prefixes;
  if (prefixes.items.some((item) => item.kind !== 'scalar')) return prefixes.items.find((item) => item.kind === 'unknown') ?? prefixes;
  return scalar(prefixes.items.map((item) => String((item as { value: unknown }).value)).join(','), prefixes.line);
}
