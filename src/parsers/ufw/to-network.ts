import { quoted } from '../../model/quote.js';
import { ALL_PORTS, type AddressMatch, type NetworkRule } from '../../network/model.js';
import { parseAddress } from './address.js';
import type { LocatedUfwRule } from './parsed-ufw.js';
import { parsePortSpec } from './ports.js';
import { ANY_V4, ANY_V6, tupleText } from './ufw-rule.js';

/**
 * The network rule one ufw rule stands for. A port rule without a protocol ('allow 53') keeps protocol 'any' with its
 * ports: the reachability query reads that as every protocol with ports, as ufw writes a tcp and a udp iptables rule.
 * IPv4 'Anywhere' is 0.0.0.0/0 and IPv6 'Anywhere (v6)' is ::/0, never 'any': ufw keeps separate IPv4 and IPv6 rules
 * ('ufw allow from 0.0.0.0/0 to any port 3389' opens no IPv6 port).
 * Route (FWD) rules judge forwarded traffic, not traffic to this host: `forwarded` says which of the two is wanted, and
 * a route rule is read as traffic from its source (the remote side) to its destination (the local side: the inner
 * host it reaches), arriving on its 'in on' interface.
 */
export function toNetworkRule(located: LocatedUfwRule, file: string, priority: number, forwarded = false): NetworkRule | undefined {
  const { rule } = located;
  if (rule.route !== forwarded) return undefined;
  const inbound = forwarded || rule.direction === 'in';
  const remote = inbound ? rule.src : rule.dst;
  const local = inbound ? rule.dst : rule.src;
  const interfaceName = inbound ? rule.interfaceIn : rule.interfaceOut;
  const label = `ufw rule${located.number !== undefined ? ` [${located.number}]` : ''} ${quoted(located.shown, 100)}`;

  return {
    id: tupleText(rule),
    label,
    direction: inbound ? 'inbound' : 'outbound',
    action: rule.action,
    protocol: rule.protocol,
    ports: parsePortSpec(rule.dport) ?? [ALL_PORTS],
    ...(rule.sport !== 'any' ? { sourcePorts: parsePortSpec(rule.sport) ?? [ALL_PORTS] } : {}),
    remote: [addressMatch(remote)],
    ...(local === ANY_V4 || local === ANY_V6 ? {} : { local: [addressMatch(local)] }),
    priority,
    enabled: true,
    ...(interfaceName ? { appliesTo: `on ${interfaceName}` } : {}),
    location: { file, line: located.line },
  };
}

function addressMatch(address: string): AddressMatch {
  if (address === ANY_V4) return { kind: 'cidr', cidr: ANY_V4, text: 'Anywhere' };
  if (address === ANY_V6) return { kind: 'cidr', cidr: ANY_V6, text: 'Anywhere (v6)' };
  return { kind: 'cidr', cidr: parseAddress(address)?.cidr ?? address, text: address };
}
