import { problemAt } from '../../../model/problem.js';
import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacObject, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { list, object, unknownOf, unknownsIn } from '../values.js';
import { NAMED_RULES, PRESETS } from './aws-security-group-v5-rules.js';
import { commaSeparated, countedItems, fieldOf, isFalse, rejected } from './call-values.js';

type Direction = 'ingress' | 'egress';

/** The lists of rules of one direction, as the module names them after `ingress_` and `egress_`. */
const RULE_LISTS = ['rules', 'with_source_security_group_id', 'with_cidr_blocks', 'with_ipv6_cidr_blocks', 'with_self', 'with_prefix_list_ids'] as const;
type RuleList = (typeof RULE_LISTS)[number];

const ROOT_VARIABLES = [
  'create', 'create_sg', 'security_group_id', 'use_name_prefix', 'name', 'description', 'vpc_id', 'revoke_rules_on_delete', 'tags', 'create_timeout', 'delete_timeout', 'putin_khuylo', 'rules',
  ...(['ingress', 'egress'] as const).flatMap((direction) => [
    `${direction}_cidr_blocks`, `${direction}_ipv6_cidr_blocks`, `${direction}_prefix_list_ids`,
    ...RULE_LISTS.flatMap((kind) => [`${direction}_${kind}`, `computed_${direction}_${kind}`, `number_of_computed_${direction}_${kind}`]),
  ]),
];
/** A preset passes most of these on to the root module as they are, and adds its own rules to those it is given. */
const PRESET_VARIABLES = [
  ...ROOT_VARIABLES.filter((name) => !['create_sg', 'security_group_id', 'putin_khuylo', 'rules'].includes(name)),
  ...(['ingress', 'egress'] as const).flatMap((direction) => [
    `auto_${direction}_rules`, `auto_${direction}_with_self`, `auto_computed_${direction}_rules`, `auto_computed_${direction}_with_self`,
    `auto_number_of_computed_${direction}_rules`, `auto_number_of_computed_${direction}_with_self`,
    ...['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids'].flatMap((peers) => [`computed_${direction}_${peers}`, `number_of_computed_${direction}_${peers}`]),
  ]),
];

/**
 * terraform-aws-modules/security-group before version 6 (4.x and 5.x read the same way here), or one of its preset
 * submodules (`//modules/ssh`): one security group, and one `aws_security_group_rule` per named rule and per item of
 * each `*_with_*` list, named and numbered as the module's own are (`module.sg.aws_security_group_rule.ingress_rules[0]`).
 * Each rule is located at the line of the item that makes it; an item Terraform would reject is an error there, and
 * what it leaves unknown is judged as the worst.
 */
export function awsSecurityGroupV5(preset: string | undefined): KnownModule {
  return {
    variables: new Set(preset === undefined ? ROOT_VARIABLES : PRESET_VARIABLES),
    instance(inputs, place) {
      const root = preset === undefined ? inputs : presetInputs(inputs, PRESETS.get(preset) ?? [], place.line);
      return rootInstance(root, preset === undefined ? place : { ...place, prefix: `${place.prefix}module.sg.` });
    },
  };
}

/** What a preset gives the root module: its own rules added to those of the call, sorted as its `sort(distinct(…))` does. */
function presetInputs(inputs: ReadonlyMap<string, IacValue>, presetRules: readonly string[], line: number): Map<string, IacValue> {
  const given = new Map(inputs);
  const texts = (names: readonly string[]) => list(names.map((name) => scalar(name, line)), line);
  const selfAllAll = list([object(new Map([['rule', scalar('all-all', line)]]), line)], line);
  const combine = (name: string, auto: IacValue, sorted: boolean) => {
    const joined = concatenated([inputs.get(`auto_${name}`) ?? auto, inputs.get(name) ?? list([], line)], line);
    given.set(name, sorted ? sortedNames(joined) : joined);
  };
  combine('ingress_rules', texts(presetRules), true);
  combine('ingress_with_self', selfAllAll, false);
  combine('egress_rules', texts(['all-all']), true);
  combine('egress_with_self', list([], line), false);
  combine('computed_ingress_rules', list([], line), true);
  combine('computed_ingress_with_self', list([], line), false);
  combine('computed_egress_rules', list([], line), true);
  combine('computed_egress_with_self', list([], line), false);
  for (const name of ['ingress_rules', 'ingress_with_self', 'egress_rules', 'egress_with_self']) {
    const [auto, own] = [inputs.get(`auto_number_of_computed_${name}`), inputs.get(`number_of_computed_${name}`)];
    if (auto || own) given.set(`number_of_computed_${name}`, sum(auto ?? scalar(0, line), own ?? scalar(0, line), line));
  }
  return given;
}

function rootInstance(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace): { resources: IacResource[]; outputs: IacObject } {
  const { line, prefix } = place;
  const input = (name: string, otherwise: IacValue) => inputs.get(name) ?? otherwise;
  const resources: IacResource[] = [];
  const outputs = new Map<string, IacValue>();
  if (isFalse(inputs.get('create')) || isFalse(inputs.get('putin_khuylo'))) return { resources, outputs: object(outputs, line) };

  let group: IacValue;
  if (isFalse(inputs.get('create_sg'))) {
    group = input('security_group_id', scalar(null, line));
    outputs.set('security_group_id', scalar('', line));
  } else {
    const named = isFalse(inputs.get('use_name_prefix'));
    const address = `${prefix}aws_security_group.${named ? 'this' : 'this_name_prefix'}[0]`;
    const name = input('name', scalar(null, line));
    const fields = new Map<string, IacValue>([['vpc_id', input('vpc_id', scalar(null, line))]]);
    if (named) fields.set('name', name);
    resources.push({ type: 'aws_security_group', address, file: place.file, line, body: object(fields, line) });
    group = unknown(line, [`${place.name}.security_group_id`], address);
    for (const output of ['security_group_id', 'security_group_arn', 'security_group_name', 'security_group_vpc_id', 'security_group_owner_id', 'security_group_description']) {
      outputs.set(output, unknown(line, [`${place.name}.${output}`], address));
    }
  }

  const rules = new RuleMaker(inputs, place, group, resources);
  for (const direction of ['ingress', 'egress'] as const) {
    for (const kind of RULE_LISTS) {
      rules.make(direction, kind, input(`${direction}_${kind}`, list([], line)));
      const computed = input(`computed_${direction}_${kind}`, list([], line));
      rules.make(direction, kind, firstItems(computed, input(`number_of_computed_${direction}_${kind}`, scalar(0, line))), 'computed_');
    }
  }
  return { resources, outputs: object(outputs, line) };
}

/** Makes the module's `aws_security_group_rule` resources, one per item of a list of rules. */
class RuleMaker {
  constructor(
    private readonly inputs: ReadonlyMap<string, IacValue>,
    private readonly place: KnownPlace,
    private readonly group: IacValue,
    private readonly resources: IacResource[],
  ) {}

  make(direction: Direction, kind: RuleList, items: IacValue, computed = ''): void {
    const name = `${computed}${direction}_${kind}`;
    const each = countedItems(items);
    if (each === 'not a list') {
      rejected(this.place, items, `${name} is not a list`);
      return;
    }
    for (const { item, key: index } of each) {
      const fields = kind === 'rules' ? this.namedRule(item, direction) : this.listedRule(item, direction, kind);
      fields.set('type', scalar(direction, item.line));
      fields.set('security_group_id', this.group);
      // A preset's own rule is written nowhere in the call: it is where the call says whom it opens to, if it does.
      const line = kind === 'rules' && item.line === this.place.line ? (this.inputs.get(`${direction}_cidr_blocks`)?.line ?? item.line) : item.line;
      this.resources.push({ type: 'aws_security_group_rule', address: `${this.place.prefix}aws_security_group_rule.${name}${index}`, file: this.place.file, line, body: object(fields, line) });
    }
  }

  /** `ingress_rules = ["ssh-tcp"]`: the named rule's ports, open to the direction's CIDRs and prefix lists. */
  private namedRule(name: IacValue, direction: Direction): Map<string, IacValue> {
    const [from, to, protocol] = this.ruleNamed(name);
    return new Map([
      ['from_port', from],
      ['to_port', to],
      ['protocol', protocol],
      ['cidr_blocks', this.input(`${direction}_cidr_blocks`)],
      ['ipv6_cidr_blocks', this.input(`${direction}_ipv6_cidr_blocks`)],
      ['prefix_list_ids', this.input(`${direction}_prefix_list_ids`)],
    ]);
  }

  /** An item of `ingress_with_cidr_blocks` and the like: its own ports or its named rule's, and its peers. */
  private listedRule(item: IacValue, direction: Direction, kind: Exclude<RuleList, 'rules'>): Map<string, IacValue> {
    const key = (name: string) => fieldOf(item, name);
    const named = key('rule');
    const [from, to, protocol] = named ? this.ruleNamed(named) : [scalar('', item.line), scalar('', item.line), scalar('', item.line)];
    const fields = new Map<string, IacValue>([
      ['from_port', key('from_port') ?? from],
      ['to_port', key('to_port') ?? to],
      ['protocol', key('protocol') ?? protocol],
      ['prefix_list_ids', this.input(`${direction}_prefix_list_ids`)],
    ]);
    // The item's own peers, comma-separated, or else the direction's for every rule.
    const peers = (name: string) => {
      const own = key(name);
      fields.set(name, own ? commaSeparated(own) : this.input(`${direction}_${name}`));
    };
    if (kind === 'with_source_security_group_id') fields.set('source_security_group_id', key('source_security_group_id') ?? scalar(null, item.line));
    else if (kind === 'with_cidr_blocks') peers('cidr_blocks');
    else if (kind === 'with_ipv6_cidr_blocks') peers('ipv6_cidr_blocks');
    else if (kind === 'with_prefix_list_ids') peers('prefix_list_ids');
    else fields.set('self', key('self') ?? scalar(true, item.line));
    return fields;
  }

  /** The ports and protocol of a named rule, at the line of its name; a name the table lacks is an error, and unknown. */
  private ruleNamed(name: IacValue): [IacValue, IacValue, IacValue] {
    const { line } = name;
    if (name.kind !== 'scalar' || typeof name.value !== 'string') {
      const stand = name.kind === 'unknown' ? name : unknown(line, ['rule']);
      return [stand, stand, stand];
    }
    const table = this.inputs.get('rules');
    if (table) {
      const row = table.kind === 'object' ? table.fields.get(name.value) : table;
      if (row?.kind === 'list' && row.items.length >= 3) return [row.items[0], row.items[1], row.items[2]];
      if (row?.kind === 'unknown') return [row, row, row];
    } else {
      const row = NAMED_RULES.get(name.value);
      if (row) return [scalar(row[0], line), scalar(row[1], line), scalar(row[2], line)];
    }
    this.place.problems.push(problemAt('iac/invalid-resource', { file: this.place.file, line }, `${this.place.name}: ${quoted(name.value, 60)} is not one of the module's named rules — Terraform rejects it ("Invalid index"); the rule is judged as all traffic`));
    const stand = unknown(line, [`rules[${quoted(name.value, 60)}]`]);
    return [stand, stand, stand];
  }

  private input(name: string): IacValue {
    const given = this.inputs.get(name);
    if (given) return given;
    const { line } = this.place;
    if (name === 'egress_cidr_blocks') return list([scalar('0.0.0.0/0', line)], line);
    if (name === 'egress_ipv6_cidr_blocks') return list([scalar('::/0', line)], line);
    return list([], line);
  }
}

/** `concat(a, b)`: unknown if either is. */
function concatenated(parts: IacValue[], line: number): IacValue {
  const unknowns = parts.flatMap((part) => unknownsIn(part));
  if (unknowns.length > 0) return unknownOf(line, unknowns);
  return list(parts.flatMap((part) => (part.kind === 'list' ? part.items : [])), line);
}

/** `sort(compact(distinct(names)))`: each name once, the empty ones left out, in order; each keeps its line. */
function sortedNames(names: IacValue): IacValue {
  if (names.kind !== 'list') return names;
  const byName = new Map<string, IacValue>();
  for (const item of names.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value !== '' && !byName.has(item.value)) byName.set(item.value, item);
  }
  return list([...byName.keys()].sort().map((name) => byName.get(name)!), names.line);
}

function sum(a: IacValue, b: IacValue, line: number): IacValue {
  if (a.kind === 'scalar' && b.kind === 'scalar') return scalar(Number(a.value) + Number(b.value), line);
  return unknownOf(line, [...unknownsIn(a), ...unknownsIn(b)]);
}

/** The first `count` items of a computed list: all of them when the count is unknown. */
function firstItems(items: IacValue, count: IacValue): IacValue {
  if (items.kind !== 'list' || count.kind !== 'scalar') return items;
  return list(items.items.slice(0, Math.max(0, Number(count.value) || 0)), items.line);
}
