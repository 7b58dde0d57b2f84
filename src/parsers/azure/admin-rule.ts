import type { Asset } from '../../model/asset.js';
import type { SourceLocation } from '../../model/location.js';
import { quoted } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { arrayOf, isObject, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';
import { securityRuleToNetworkRule, type RuleOutcome } from './security-rule.js';

/**
 * What became of one Azure Virtual Network Manager security admin rule. Admin rules are evaluated before any NSG, by
 * priority: `AlwaysAllow` lets traffic in whatever the NSGs say, `Deny` drops it, and `Allow` hands it to the NSGs.
 * Only what an AlwaysAllow opens is an opening of its own, so an `Allow` is `handedToNsgs`: not a rule of the asset.
 */
export type AdminRuleOutcome = RuleOutcome | { handedToNsgs: true } | { notModelled: string };

/**
 * One admin rule in the REST shape (ARM `properties`, or flattened as az prints it): sources and destinations are
 * lists of `{ addressPrefix, addressPrefixType }`, ports are lists. An empty or absent list matches everything, as `*`
 * does. A rule of kind `Default` (one of Microsoft's, named by a flag) is not modelled: what it matches is not written.
 */
export function adminRuleToNetworkRule(raw: unknown, location: SourceLocation): AdminRuleOutcome {
  if (!isObject(raw)) return { error: `an admin rule is not an object: ${quotedJson(raw)}` };
  const fields = isObject(raw.properties) ? raw.properties : raw;
  const name = stringOf(raw.name) ?? stringOf(fields.name) ?? '(unnamed)';
  const what = `admin rule ${quoted(name, 80)}`;
  if (stringOf(raw.kind)?.toLowerCase() === 'default') return { notModelled: `${what} is one of Azure's default admin rules (flag ${quotedJson(fields.flag)}): what it matches is not in the input, and it is not judged` };
  const access = typeof fields.access === 'string' ? fields.access.toLowerCase() : '';
  if (access === 'allow') return { handedToNsgs: true };
  if (access !== 'alwaysallow' && access !== 'deny') return { error: `${what}: access ${quotedJson(fields.access)} is not Allow, AlwaysAllow or Deny` };

  const sources = prefixItems(fields.sources);
  if (typeof sources === 'string') return { error: `${what}: source ${sources} is not an address prefix item` };
  const destinations = prefixItems(fields.destinations);
  if (typeof destinations === 'string') return { error: `${what}: destination ${destinations} is not an address prefix item` };
  const outcome = securityRuleToNetworkRule(
    {
      name,
      direction: fields.direction,
      access: access === 'deny' ? 'Deny' : 'Allow',
      priority: fields.priority,
      protocol: fields.protocol,
      sourcePortRanges: orEverything(fields.sourcePortRanges),
      destinationPortRanges: orEverything(fields.destinationPortRanges),
      sourceAddressPrefixes: sources.prefixes,
      sourceApplicationSecurityGroups: sources.groups,
      destinationAddressPrefixes: destinations.prefixes,
      destinationApplicationSecurityGroups: destinations.groups,
    },
    'admin rule',
    location,
  );
  if ('rule' in outcome) outcome.rule.label = `${what} (${access === 'deny' ? 'Deny' : 'AlwaysAllow'}, priority ${outcome.rule.priority})`;
  return outcome;
}

function orEverything(list: unknown): unknown {
  return list === undefined || list === null || (Array.isArray(list) && list.length === 0) ? ['*'] : list;
}

/** Address prefix items as an NSG rule's prefixes, and its network groups as groups (never the internet). */
function prefixItems(items: unknown): { prefixes: unknown[]; groups: { id: unknown }[] } | string {
  if (items === undefined || items === null || (Array.isArray(items) && items.length === 0)) return { prefixes: ['*'], groups: [] };
  if (!Array.isArray(items)) return quotedJson(items);
  const prefixes: unknown[] = [];
  const groups: { id: unknown }[] = [];
  for (const item of arrayOf(items)) {
    if (!isObject(item)) return quotedJson(item);
    if (stringOf(item.addressPrefixType)?.toLowerCase() === 'networkgroup') groups.push({ id: item.addressPrefix });
    else prefixes.push(item.addressPrefix);
  }
  return { prefixes, groups };
}

/**
 * A security admin rule collection as an asset, before its rules: what no admin rule decides is left to the NSGs, so
 * nothing is forced open by default.
 */
export function adminRuleCollection(asset: Asset, name: string, location: SourceLocation): NetworkAsset {
  return { kind: 'network', asset, semantics: 'first-match', scopes: [{ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }], rules: [], location };
}
