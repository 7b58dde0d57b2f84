import { quoted } from '../../../model/quote.js';
import { scalar, unknown, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule, KnownPlace } from '../known-modules.js';
import { object } from '../values.js';
import { countedItems, fieldOf, given, instanceKey, rejected } from './call-values.js';
import type { RegistryModule } from './module-address.js';

const FIREWALL = 'google_compute_firewall';
/** The fields a rule passes on to its firewall as they are. */
const PASSED = ['name', 'description', 'priority', 'disabled', 'source_tags', 'source_service_accounts', 'target_tags', 'target_service_accounts', 'allow', 'deny'];

/**
 * Google's network module (terraform-google-modules/network) and its `//modules/firewall-rules`: one
 * `google_compute_firewall` per rule, keyed by its name as the module keys them — the rules of the deprecated `rules`
 * (`firewall_rules` at the root: `ranges` are the sources of an ingress rule, the destinations of an egress one), or
 * else those of `ingress_rules` and `egress_rules` — on the network `network_name`. The root module's network and
 * subnets are not modelled: no access rule is in them.
 */
export function googleNetworkModule({ address, submodule }: RegistryModule): { module: KnownModule } | { unsupported: string } | undefined {
  if (address !== 'terraform-google-modules/network/google') return undefined;
  if (submodule !== undefined && submodule !== 'firewall-rules') return { unsupported: `Parapet knows its firewall rules (the module itself and //modules/firewall-rules), not ${quoted(submodule, 60)}` };
  return {
    module: {
      // The root module takes many more (its network, subnets, routes), which Parapet does not check.
      variables: submodule === undefined ? undefined : new Set(['project_id', 'network_name', 'rules', 'ingress_rules', 'egress_rules']),
      instance(inputs, place) {
        const rules = inputs.get(submodule === undefined ? 'firewall_rules' : 'rules');
        const inner = submodule === undefined ? { ...place, prefix: `${place.prefix}module.firewall_rules.` } : place;
        return { resources: firewalls(inputs, rules, inner), outputs: unknown(place.line, [place.name]) };
      },
    },
  };
}

function firewalls(inputs: ReadonlyMap<string, IacValue>, rules: IacValue | undefined, place: KnownPlace): IacResource[] {
  const network = inputs.get('network_name') ?? unknown(place.line, ['network_name']);
  const resources = new Map<string, IacResource>();
  const add = (list: string, items: IacValue, resource: string, body: (rule: IacValue) => Map<string, IacValue>) => {
    const each = countedItems(items);
    if (each === 'not a list') {
      rejected(place, items, `${list} is not a list of rules`);
      return;
    }
    for (const { item } of each) {
      const name = fieldOf(item, 'name');
      const key = instanceKey(name?.kind === 'scalar' ? String(name.value) : undefined);
      const fields = body(item);
      fields.set('network', network);
      resources.set(key, { type: FIREWALL, address: `${place.prefix}${FIREWALL}.${resource}${key}`, file: place.file, line: item.line, body: object(fields, item.line) });
    }
  };
  // A rule of the deprecated list turns the other two off, whole.
  if (given(rules) && !(rules.kind === 'list' && rules.items.length === 0)) {
    add('rules', rules, 'rules', (rule) => {
      const fields = passed(rule);
      const direction = fieldOf(rule, 'direction') ?? scalar('INGRESS', rule.line);
      const ranges = fieldOf(rule, 'ranges');
      fields.set('direction', direction);
      const isEgress = direction.kind === 'scalar' && direction.value === 'EGRESS';
      const isIngress = direction.kind === 'scalar' && direction.value === 'INGRESS';
      if (ranges && !isEgress) fields.set('source_ranges', ranges);
      if (ranges && !isIngress) fields.set('destination_ranges', ranges);
      return fields;
    });
    return [...resources.values()];
  }
  for (const [list, direction] of [['ingress_rules', 'INGRESS'], ['egress_rules', 'EGRESS']] as const) {
    const items = inputs.get(list);
    if (!items) continue;
    add(list, items, 'rules_ingress_egress', (rule) => {
      const fields = passed(rule);
      fields.set('direction', scalar(direction, rule.line));
      for (const ranges of ['source_ranges', 'destination_ranges']) {
        const value = fieldOf(rule, ranges);
        if (given(value)) fields.set(ranges, value);
      }
      return fields;
    });
  }
  return [...resources.values()];
}

function passed(rule: IacValue): Map<string, IacValue> {
  const fields = new Map<string, IacValue>();
  for (const name of PASSED) {
    const value = fieldOf(rule, name);
    if (given(value)) fields.set(name, value);
  }
  return fields;
}
