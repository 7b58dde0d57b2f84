import type { Asset } from '../../model/asset.js';
import type { SourceLocation } from '../../model/location.js';
import { quoted } from '../../model/quote.js';
import type { AddressMatch, NetworkAsset, NetworkRule, PortRange } from '../../network/model.js';
import { addressRange } from '../json/address-range.js';
import { ALL_PORTS_LIST, arrayOf, cidrAddress, hasPorts, isObject, portRangeOf, protocolOf, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';

/**
 * Azure Firewall's NAT rules. DNAT rules are applied before any network or application rule, whatever the priorities
 * of their collections: traffic a DNAT rule matches is translated and allowed, and no other rule of the firewall sees
 * it. So each DNAT rule opens the translated address and port to its sources, and nothing in the firewall closes it
 * again: the rules of a firewall (or of a policy's rule collection group) are allow-only.
 *
 * The port judged is the translated one, the service reached: a rule that maps the firewall's port 50001 to a
 * machine's 3389 exposes RDP.
 */
export type NatRuleOutcome = { rules: NetworkRule[] } | { error: string };

/** A NAT rule collection in the REST shape (classic `natRuleCollections` items, or a policy's NAT rule collection), flattened or under `properties`. */
export interface NatCollection {
  name: string;
  /** False for SNAT collections, which translate outbound traffic and open nothing. */
  inbound: boolean;
  rules: unknown[];
}

const NAT_COLLECTION_TYPE = 'firewallpolicynatrulecollection';

/**
 * A classic collection (`action.type` Dnat or Snat) or a policy's collection (`ruleCollectionType`
 * FirewallPolicyNatRuleCollection, `action.type` DNAT or SNAT). Network and application rule collections are not NAT
 * collections: they filter traffic that crosses the firewall, and open no public address of their own.
 */
export function natCollectionOf(raw: unknown, policy: boolean): NatCollection | { error: string } | undefined {
  if (!isObject(raw)) return { error: `a rule collection is not an object: ${quotedJson(raw)}` };
  const fields = isObject(raw.properties) ? raw.properties : raw;
  const name = stringOf(raw.name) ?? stringOf(fields.name) ?? '(unnamed)';
  if (policy && stringOf(fields.ruleCollectionType)?.toLowerCase() !== NAT_COLLECTION_TYPE) return undefined;
  const action = isObject(fields.action) ? fields.action.type : fields.action;
  const type = typeof action === 'string' ? action.toLowerCase() : '';
  if (type !== 'dnat' && type !== 'snat') return { error: `NAT rule collection ${quoted(name, 80)}: action ${quotedJson(action)} is not Dnat or Snat` };
  return { name, inbound: type === 'dnat', rules: arrayOf(fields.rules) };
}

/**
 * One DNAT rule: `protocols` (classic) or `ipProtocols` (policy), `sourceAddresses` and `sourceIpGroups`,
 * `destinationAddresses` and `destinationPorts` (the firewall's), `translatedAddress` or `translatedFqdn` and
 * `translatedPort` (the machine's). One network rule per protocol.
 */
export function dnatRuleToNetworkRules(raw: unknown, collection: string, location: SourceLocation): NatRuleOutcome {
  if (!isObject(raw)) return { error: `a NAT rule is not an object: ${quotedJson(raw)}` };
  const fields = isObject(raw.properties) ? raw.properties : raw;
  const name = stringOf(raw.name) ?? stringOf(fields.name) ?? '(unnamed)';
  const what = `DNAT rule ${quoted(name, 80)} of collection ${quoted(collection, 80)}`;

  const protocols: string[] = [];
  for (const written of arrayOf(fields.protocols ?? fields.ipProtocols)) {
    const protocol = protocolOf(written);
    if (!protocol) return { error: `${what}: protocol ${quotedJson(written)} is not TCP, UDP, ICMP or Any` };
    if (!protocols.includes(protocol)) protocols.push(protocol);
  }
  if (protocols.length === 0) return { error: `${what}: has no protocol` };

  const remote: AddressMatch[] = [];
  for (const written of arrayOf(fields.sourceAddresses)) {
    const address = firewallAddress(written);
    if (!address) return { error: `${what}: source ${quotedJson(written)} is not *, an address, a CIDR or a range first-last` };
    remote.push(address);
  }
  for (const group of arrayOf(fields.sourceIpGroups)) {
    if (typeof group !== 'string' || group === '') return { error: `${what}: source IP group ${quotedJson(group)} is not a resource id` };
    // An IP group's addresses are another resource's: any of them may be public.
    remote.push({ kind: 'symbol', name: group.slice(group.lastIndexOf('/') + 1), public: 'unknown', text: group });
  }
  if (remote.length === 0) return { error: `${what}: has no source address nor IP group` };

  const ports = translatedPorts(fields);
  if (typeof ports === 'string') return { error: `${what}: ${ports}` };
  const local = translatedPlace(fields);
  if (typeof local === 'string') return { error: `${what}: ${local}` };

  const label = `${what} (${landing(fields, ports, local)})`;
  const rules = protocols.map((protocol): NetworkRule => {
    const rule: NetworkRule = {
      id: protocols.length > 1 ? `${collection}/${name}/${protocol}` : `${collection}/${name}`,
      label,
      direction: 'inbound',
      action: 'allow',
      protocol,
      ports: hasPorts(protocol) ? ports : ALL_PORTS_LIST,
      remote,
      priority: 0,
      enabled: true,
      location,
    };
    if (local) rule.local = local;
    return rule;
  });
  return { rules };
}

/** '*', an address, a CIDR, or a range `first-last`, as Azure Firewall takes them. */
function firewallAddress(raw: unknown): AddressMatch | undefined {
  if (typeof raw !== 'string' || raw.length > 100) return undefined;
  const text = raw.trim();
  if (text === '*') return { kind: 'any', text: raw };
  const dash = text.indexOf('-');
  if (dash > 0) return addressRange(text.slice(0, dash).trim(), text.slice(dash + 1).trim(), raw);
  return cidrAddress(text);
}

/** The machine's port: the translated one, or where none is written, the firewall's own (DNAT keeps it). */
function translatedPorts(fields: Record<string, unknown>): PortRange[] | string {
  const translated = fields.translatedPort;
  const written = translated === undefined || translated === null || translated === '' ? arrayOf(fields.destinationPorts) : [translated];
  const ports: PortRange[] = [];
  for (const port of written) {
    const range = portRangeOf(port);
    if (!range) return `port ${quotedJson(port)} is not a port or range`;
    ports.push(range);
  }
  if (ports.length === 0) return 'has no destination nor translated port';
  return ports.some((range) => range.from === 0 && range.to === 65535) ? ALL_PORTS_LIST : ports;
}

/** The machine the traffic is translated to: an address, or a name whose addresses the input does not show. */
function translatedPlace(fields: Record<string, unknown>): AddressMatch[] | undefined | string {
  const address = stringOf(fields.translatedAddress);
  if (address !== undefined) {
    const place = address.trim() === '*' ? undefined : cidrAddress(address);
    return place ? [place] : `translated address ${quotedJson(address)} is not an address`;
  }
  const fqdn = stringOf(fields.translatedFqdn);
  return fqdn === undefined ? undefined : [{ kind: 'symbol', name: fqdn, public: 'unknown', text: fqdn }];
}

/** "firewall port 50001 to 10.0.1.4 port 3389": the firewall's ports as read, and where they lead. */
function landing(fields: Record<string, unknown>, ports: PortRange[], local: AddressMatch[] | undefined): string {
  const firewallPorts = arrayOf(fields.destinationPorts).map(portRangeOf);
  const shownPorts = (ranges: (PortRange | undefined)[]) => ranges.map((range) => (range ? (range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`) : '?')).join(', ');
  const machine = local?.[0].kind === 'cidr' ? local[0].cidr.replace(/\/(32|128)$/, '') : local ? quoted(local[0].text, 80) : 'its translated address';
  return `firewall port ${shownPorts(firewallPorts) || '?'} to ${machine} port ${shownPorts(ports)}`;
}

/** The asset of a firewall's (or a rule collection group's) DNAT rules: what no rule opens stays closed. */
export function dnatAsset(asset: Asset, name: string, location: SourceLocation): NetworkAsset {
  return { kind: 'network', asset, semantics: 'allow-only', scopes: [{ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' }], rules: [], location };
}
