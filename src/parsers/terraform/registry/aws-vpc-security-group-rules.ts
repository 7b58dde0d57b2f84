import { scalar, type IacObject, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownPlace } from '../known-modules.js';
import { object } from '../values.js';
import { fieldOf, given, keyedItems, rejected } from './call-values.js';

/**
 * A module's map of rules, one `aws_vpc_security_group_ingress_rule` (or egress) each, keyed as the map
 * (`aws_vpc_security_group_ingress_rule.this["ssh"]`), on `group`, at the line of its entry: how
 * terraform-aws-modules write them from their version 6 of security-group, 9 of alb, 6 of ec2-instance and 10 of
 * rds-aurora.
 */
export function vpcSecurityGroupRules(rules: IacValue | undefined, list: string, direction: 'ingress' | 'egress', group: IacValue, place: KnownPlace, port?: IacValue): IacResource[] {
  if (!rules) return [];
  const entries = keyedItems(rules);
  if (entries === 'not a map') {
    rejected(place, rules, `${list} is not a map of rules`);
    return [];
  }
  const type = `aws_vpc_security_group_${direction}_rule`;
  return entries.map(({ item, key }) => ({ type, address: `${place.prefix}${type}.this${key}`, file: place.file, line: item.line, body: ruleBody(item, group, port) }));
}

/**
 * One rule entry as the modules pass it on: the protocol TCP unless given, either port standing for both, or else the
 * module's own `port` (rds-aurora: its database's), `self` the group.
 */
function ruleBody(rule: IacValue, group: IacValue, port: IacValue | undefined): IacObject {
  const field = (name: string) => {
    const value = fieldOf(rule, name);
    return given(value) ? value : undefined;
  };
  const from = field('from_port') ?? (field('to_port') ? undefined : port && { ...port, line: rule.line });
  const to = field('to_port');
  const referenced = field('referenced_security_group_id');
  const fields = new Map<string, IacValue>([['security_group_id', group], ['ip_protocol', field('ip_protocol') ?? scalar('tcp', rule.line)]]);
  if (from ?? to) {
    fields.set('from_port', (from ?? to)!);
    fields.set('to_port', (to ?? from)!);
  }
  for (const name of ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id']) {
    const value = field(name);
    if (value) fields.set(name, value);
  }
  if (referenced) fields.set('referenced_security_group_id', referenced.kind === 'scalar' && referenced.value === 'self' ? group : referenced);
  return object(fields, rule.line);
}
