import type { Asset } from '../../model/asset.js';
import type { SourceLocation } from '../../model/location.js';
import { quoted, redacted } from '../../model/quote.js';
import type { AddressMatch, NetworkAsset, NetworkRule, NetworkScope } from '../../network/model.js';
import { inPriorityOrder } from '../../network/priority-order.js';
import { arrayOf, cidrAddress, isObject, protocolOf, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';
import { portsOf } from './firewall.js';
import { EVERY_INSTANCE } from './network.js';

/**
 * What became of one firewall policy rule: its NetworkRules and the targets they name, or why it could not be read. A
 * goto_next rule is `handedOn`: its rules (allow-shaped) say what it takes from the policy's later rules, and open
 * nothing.
 */
export type PolicyRuleOutcome = { rules: NetworkRule[]; targets: string[]; handedOn?: true } | { error: string };

/** Sources a rule can name besides address ranges: their addresses are not in the input, and all but tags are public. */
const NAMED_SOURCES: [key: string, what: string, isPublic: 'yes' | 'unknown'][] = [
  ['srcFqdns', 'domain', 'yes'],
  ['srcRegionCodes', 'region', 'yes'],
  ['srcThreatIntelligences', 'threat intelligence list', 'yes'],
  ['srcAddressGroups', 'address group', 'unknown'],
];
const NAMED_DESTINATIONS: [key: string, what: string, isPublic: 'yes' | 'unknown'][] = [
  ['destFqdns', 'domain', 'yes'],
  ['destRegionCodes', 'region', 'yes'],
  ['destThreatIntelligences', 'threat intelligence list', 'yes'],
  ['destAddressGroups', 'address group', 'unknown'],
];

/**
 * One rule of a GCP firewall policy (hierarchical, network or regional) in the Compute API's shape, one NetworkRule per
 * layer 4 config. A policy decides by priority, the first rule that matches: `allow` (and
 * `apply_security_profile_group`, which allows after inspection) lets traffic in whatever comes after, `deny` drops it,
 * and `goto_next` hands it to the next level (a lower policy, the network's firewall rules), so it opens nothing
 * here: `handedOn`. An ingress allow (or goto_next) without any source is taken as from anywhere; a deny without one
 * protects nothing.
 */
export function policyRuleToRules(raw: Record<string, unknown>, location: SourceLocation): PolicyRuleOutcome {
  const priority = typeof raw.priority === 'number' || typeof raw.priority === 'string' ? Number(raw.priority) : NaN;
  const ruleName = stringOf(raw.ruleName);
  const what = ruleName ? `policy rule ${quoted(ruleName, 80)}` : 'policy rule';
  if (!Number.isInteger(priority) || priority < 0 || priority > 2147483647) return { error: `${what}: priority ${quotedJson(raw.priority)} is not 0–2147483647` };
  const where = ruleName ? what : `${what} at priority ${priority}`;
  const action = typeof raw.action === 'string' ? raw.action.toLowerCase() : '';
  if (action !== 'allow' && action !== 'deny' && action !== 'apply_security_profile_group' && action !== 'goto_next') return { error: `${where}: action ${quotedJson(raw.action)} is not allow, deny, goto_next or apply_security_profile_group` };
  const direction = raw.direction === undefined || raw.direction === null ? 'INGRESS' : typeof raw.direction === 'string' ? raw.direction.toUpperCase() : '';
  if (direction !== 'INGRESS' && direction !== 'EGRESS') return { error: `${where}: direction ${quotedJson(raw.direction)} is not INGRESS or EGRESS` };
  const match = isObject(raw.match) ? raw.match : {};
  const inbound = direction === 'INGRESS';
  const allow = action !== 'deny';

  const sources = addresses(match, 'srcIpRanges', inbound ? NAMED_SOURCES : [], 'srcSecureTags');
  const destinations = addresses(match, 'destIpRanges', inbound ? [] : NAMED_DESTINATIONS);
  if (typeof sources === 'string') return { error: `${where}: ${sources}` };
  if (typeof destinations === 'string') return { error: `${where}: ${destinations}` };
  const remote = inbound ? sources : destinations;
  if (remote.length === 0) {
    if (!allow) return { rules: [], targets: [] };
    remote.push({ kind: 'any', text: `any address (no ${inbound ? 'source' : 'destination'} given)` });
  }
  const local = inbound ? destinations : sources;

  const targets = [
    ...arrayOf(raw.targetServiceAccounts).filter((value): value is string => typeof value === 'string').map((value) => `serviceAccount:${value}`),
    ...arrayOf(raw.targetSecureTags).flatMap((tag) => (isObject(tag) && stringOf(tag.name) ? [`secureTag:${tag.name as string}`] : [])),
  ];
  const networks = arrayOf(raw.targetResources).filter((value): value is string => typeof value === 'string');
  const shownTargets = [...targets, ...networks.map((network) => `network:${network.slice(network.lastIndexOf('/') + 1)}`)].map((target) => redacted(target, 60)).join(', ');
  const rules: NetworkRule[] = [];
  const configs = arrayOf(match.layer4Configs);
  if (configs.length === 0) return { error: `${where} has no layer 4 config` };
  for (const [index, config] of configs.entries()) {
    const protocol = isObject(config) ? protocolOf(config.ipProtocol) : undefined;
    if (!isObject(config) || !protocol) return { error: `${where}: layer4Configs[${index}] ${isObject(config) ? `ipProtocol ${quotedJson(config.ipProtocol)} is not valid` : `${quotedJson(config)} has no ipProtocol`}` };
    const ports = portsOf(config.ports, protocol);
    if (typeof ports === 'string') return { error: `${where}: layer4Configs[${index}] port ${ports} is not a port or range` };
    const rule: NetworkRule = {
      id: `${priority}/${index}`,
      label: `${what} (priority ${priority}${shownTargets ? `, targets ${shownTargets}` : ''}) ${action} ${protocol}${arrayOf(config.ports).length > 0 ? `:${redacted(arrayOf(config.ports).map(String).join(','), 60)}` : ''}`,
      direction: inbound ? 'inbound' : 'outbound',
      action: allow ? 'allow' : 'deny',
      protocol,
      ports,
      remote,
      priority,
      enabled: raw.disabled !== true,
      location,
    };
    if (local.length > 0) rule.local = local;
    if (targets.length > 0) rule.scopes = targets;
    if (networks.length > 0) rule.appliesTo = shownTargets;
    rules.push(rule);
  }
  return action === 'goto_next' ? { rules, targets, handedOn: true } : { rules, targets };
}

/** Address ranges, named sources or destinations, and secure tags of a rule's match, as AddressMatches. */
function addresses(match: Record<string, unknown>, rangesKey: string, named: typeof NAMED_SOURCES, tagsKey?: string): AddressMatch[] | string {
  const result: AddressMatch[] = [];
  for (const value of arrayOf(match[rangesKey])) {
    const address = cidrAddress(value);
    if (!address) return `${rangesKey} entry ${quotedJson(value)} is not a CIDR`;
    result.push(address);
  }
  for (const [key, what, isPublic] of named) {
    for (const value of arrayOf(match[key])) {
      if (typeof value !== 'string') return `${key} entry ${quotedJson(value)} is not a name`;
      result.push({ kind: 'symbol', name: `${what} ${value}`, public: isPublic, text: `${what} ${redacted(value, 80)}` });
    }
  }
  for (const tag of tagsKey ? arrayOf(match[tagsKey]) : []) {
    const name = isObject(tag) ? stringOf(tag.name) : undefined;
    if (!name) return `${tagsKey} entry ${quotedJson(tag)} has no name`;
    result.push({ kind: 'group', ref: `secureTag:${name}`, text: name });
  }
  return result;
}

/**
 * A firewall policy as an asset of its rules, in priority order. What no rule decides goes on to the next level
 * (goto_next): nothing is forced open by default. Instances are evaluated per target (service account, secure tag)
 * plus the instances no target names, as a network's firewall rules are.
 */
export function firewallPolicyAsset(asset: Asset, rules: { rules: NetworkRule[]; targets: string[] }[], location: SourceLocation): NetworkAsset {
  const scopes = policyScopes(rules.flatMap((rule) => rule.targets));
  const all = rules.flatMap((rule) => rule.rules);
  inPriorityOrder(all);
  return { kind: 'network', asset, semantics: 'first-match', scopes, rules: all, location };
}

/** A policy's scopes: every instance, and each target its rules name; nothing is forced open by default in any. */
export function policyScopes(targets: Iterable<string>): NetworkScope[] {
  return [...new Set([EVERY_INSTANCE, ...targets])].map((name) => ({ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }));
}
