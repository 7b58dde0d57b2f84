import type { IacResource, IacValue } from '../../iac/value.js';
import type { KnownPlace } from '../known-modules.js';
import { object } from '../values.js';
import { fieldOf, given, keyedItems, rejected } from './call-values.js';

const FIELDS = ['type', 'protocol', 'from_port', 'to_port', 'cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'source_security_group_id', 'self'];

/**
 * A module's `security_group_rules`: a map of `aws_security_group_rule`s on `group`, keyed as the map
 * (`aws_security_group_rule.this["ssh"]`), at the line of each entry, each field as the entry gives it or else the
 * module's default for it (`defaults`, at the entry's line). How alb 8 and rds-aurora 8–9 write them.
 */
export function securityGroupRuleMap(rules: IacValue | undefined, group: IacValue, place: KnownPlace, defaults: (line: number) => ReadonlyMap<string, IacValue> = () => new Map(), fields: readonly string[] = FIELDS): IacResource[] {
  const entries = rules ? keyedItems(rules) : [];
  if (entries === 'not a map') {
    rejected(place, rules!, 'security_group_rules is not a map of rules');
    return [];
  }
  return entries.map(({ item: rule, key }) => {
    const body = new Map<string, IacValue>([['security_group_id', group]]);
    const fallback = defaults(rule.line);
    for (const name of fields) {
      const value = fieldOf(rule, name);
      const chosen = given(value) ? value : fallback.get(name);
      if (chosen) body.set(name, chosen);
    }
    return { type: 'aws_security_group_rule', address: `${place.prefix}aws_security_group_rule.this${key}`, file: place.file, line: rule.line, body: object(body, rule.line) };
  });
}
