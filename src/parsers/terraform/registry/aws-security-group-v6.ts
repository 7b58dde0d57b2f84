import { append } from '../../../model/append.js';
import { problemAt } from '../../../model/problem.js';
import { scalar, unknown, type IacObject, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { object } from '../values.js';
import { V6_CATALOG } from './aws-security-group-v6-catalog.js';
import { isFalse, keyedItems } from './call-values.js';
import { vpcSecurityGroupRules } from './aws-vpc-security-group-rules.js';

export const V6_PRESETS: ReadonlySet<string> = new Set(V6_CATALOG.keys());

const ROOT_VARIABLES = ['create', 'region', 'tags', 'name', 'use_name_prefix', 'description', 'revoke_rules_on_delete', 'vpc_id', 'timeouts', 'vpc_associations', 'enable_exclusive_rules', 'putin_khuylo', 'ingress_rules', 'egress_rules'];
/** The sources a preset's rules are opened to, each a map: one rule per preset rule and per entry. */
const PRESET_SOURCES = ['ingress_cidr_ipv4', 'ingress_cidr_ipv6', 'ingress_prefix_list_id', 'ingress_referenced_security_group_id'] as const;
/** More rules than one security group may hold many times over: hostile input multiplying presets by sources. */
const MAX_PRESET_RULES = 10_000;
const PRESET_VARIABLES = [...ROOT_VARIABLES.filter((name) => name !== 'putin_khuylo'), 'preset_ingress_rules', ...PRESET_SOURCES];

/**
 * terraform-aws-modules/security-group from version 6, or one of its preset submodules: one security group, and one
 * `aws_vpc_security_group_ingress_rule` (or egress) per entry of `ingress_rules` (`egress_rules`), keyed as the
 * module keys them; a preset adds one per preset rule and source entry (`ssh/office`). Each rule is located at the
 * line of the entry that makes it.
 */
export function awsSecurityGroupV6(preset: string | undefined): KnownModule {
  return {
    variables: new Set(preset === undefined ? ROOT_VARIABLES : PRESET_VARIABLES),
    instance(inputs, place) {
      if (preset === undefined) return rootInstance(inputs, place);
      const rules = presetRules(inputs, V6_CATALOG.get(preset)!, place);
      return rootInstance(new Map([...inputs, ['ingress_rules', rules]]), { ...place, prefix: `${place.prefix}module.security_group.` });
    },
  };
}

/** A preset's rules: each preset rule opened to each source entry (`merge` of the four products), then the call's own. */
function presetRules(inputs: ReadonlyMap<string, IacValue>, catalog: ReadonlyMap<string, readonly [number, number, string]>, place: KnownPlace): IacValue {
  const { line } = place;
  const ownPresets = inputs.get('preset_ingress_rules');
  const catalogued = () => [...catalog].map(([name, [from, to, protocol]]) => ({ name, item: object(new Map([['from_port', scalar(from, line)], ['to_port', scalar(to, line)], ['ip_protocol', scalar(protocol, line)]]), line) as IacValue }));
  const presets = ownPresets ? entriesOf(ownPresets) : catalogued();
  const rules = new Map<string, IacValue>();
  for (const source of PRESET_SOURCES) {
    const entries = inputs.get(source);
    if (!entries) continue;
    const field = source.slice('ingress_'.length);
    const pairs = entriesOf(entries);
    if (rules.size + presets.length * pairs.length > MAX_PRESET_RULES) {
      place.problems.push(problemAt('iac/unsupported', { file: place.file, line: entries.line }, `${place.name}: ${source} makes more than ${MAX_PRESET_RULES} rules — they are not judged; scan the plan (terraform show -json)`));
      continue;
    }
    for (const { name: presetKey, item: rule } of presets) {
      for (const { name: sourceKey, item: value } of pairs) {
        const fields = rule.kind === 'object' ? new Map(rule.fields) : new Map([['from_port', rule], ['to_port', rule], ['ip_protocol', rule]]);
        fields.set(field, value);
        rules.set(`${presetKey ?? '*'}/${sourceKey ?? '*'}`, object(fields, value.line));
      }
    }
  }
  const own = inputs.get('ingress_rules');
  if (own?.kind === 'object') for (const [key, rule] of own.fields) rules.set(key, rule);
  else if (own?.kind === 'unknown') rules.set('*', own);
  return object(rules, line);
}

/** A map's entries (one unknown for a map the code does not fix); none for anything else, which Terraform rejects. */
function entriesOf(value: IacValue): { name: string | undefined; item: IacValue }[] {
  const entries = keyedItems(value);
  return entries === 'not a map' ? [] : entries;
}

function rootInstance(inputs: ReadonlyMap<string, IacValue>, place: KnownPlace): { resources: IacResource[]; outputs: IacObject } {
  const { line, prefix } = place;
  const resources: IacResource[] = [];
  const outputs = new Map<string, IacValue>();
  if (isFalse(inputs.get('create')) || isFalse(inputs.get('putin_khuylo'))) return { resources, outputs: object(outputs, line) };

  const address = `${prefix}aws_security_group.this[0]`;
  const named = isFalse(inputs.get('use_name_prefix'));
  const fields = new Map<string, IacValue>([['vpc_id', inputs.get('vpc_id') ?? scalar(null, line)]]);
  if (named) fields.set('name', inputs.get('name') ?? scalar('', line));
  resources.push({ type: 'aws_security_group', address, file: place.file, line, body: object(fields, line) });
  const group = unknown(line, [`${place.name}.id`], address);
  for (const output of ['id', 'arn', 'name', 'vpc_id', 'owner_id']) outputs.set(output, unknown(line, [`${place.name}.${output}`], address));

  for (const direction of ['ingress', 'egress'] as const) append(resources, vpcSecurityGroupRules(inputs.get(`${direction}_rules`), `${direction}_rules`, direction, group, place));
  return { resources, outputs: object(outputs, line) };
}
