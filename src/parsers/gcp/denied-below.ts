import ipaddr from 'ipaddr.js';
import { ALL_PORTS, type AddressMatch, type NetworkRule, type PortRange } from '../../network/model.js';
import { addressToBigInt, cidrInterval, fullSpace, intervalToCidrs, normalize, subtractIntervals, type Family, type IntervalList } from '../../network/ip-intervals.js';
import { mergePorts } from '../../network/ports.js';
import { hasPorts } from '../json/cloud-values.js';

/** The protocols a deny over every protocol is split into when an earlier rule takes one of them. */
const NAMED_PROTOCOLS = ['tcp', 'udp', 'sctp', 'icmp', 'icmpv6', 'esp', 'ah'];

/** Part of a deny: one protocol, its ports, and its remote addresses by family. */
interface Piece {
  protocol: string;
  ports: readonly PortRange[];
  v4: IntervalList;
  v6: IntervalList;
}

/**
 * What a firewall policy drops before the levels below it are asked (a lower policy, the network's firewall rules):
 * each enabled deny without the traffic the policy's earlier rules take (an allow decides it, a goto_next hands it
 * down), as deny rules that stand before the lower level's own, named `idPrefix/…`. `rules` are the policy's rules in
 * priority order, goto_next ones allow-shaped.
 *
 * Never more than the policy drops: an earlier rule's targets, destinations and named sources are not weighed, so it is
 * taken to take all the traffic of its protocols and ports from every address it may name (from all addresses, for a
 * named source); a deny's own named sources are left out; protocols a deny over every protocol is split into are the
 * named ones. Each can only leave a lower level's allow reported where the policy had dropped its traffic.
 */
export function deniedBelow(rules: readonly NetworkRule[], labelled: (rule: NetworkRule) => string, priority: (rule: NetworkRule) => number, idPrefix: string): NetworkRule[] {
  const taken: NetworkRule[] = [];
  const denied: NetworkRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.action !== 'deny') {
      taken.push(rule);
      continue;
    }
    let pieces = [pieceOf(rule)];
    for (const earlier of taken) if (earlier.direction === rule.direction) pieces = pieces.flatMap((piece) => without(piece, earlier));
    pieces.forEach((piece, index) => {
      const remote = [...cidrsOf(piece.v4, 'ipv4'), ...cidrsOf(piece.v6, 'ipv6')];
      if (remote.length === 0) return;
      const below: NetworkRule = { ...rule, id: `${idPrefix}/${rule.id}/${index}`, label: labelled(rule), protocol: piece.protocol, ports: [...piece.ports], remote, priority: priority(rule) };
      denied.push(below);
    });
  }
  return denied;
}

function pieceOf(rule: NetworkRule): Piece {
  const [v4, v6] = intervalsOf(rule.remote, false);
  return { protocol: rule.protocol, ports: hasPorts(rule.protocol) ? mergePorts(rule.ports) : [ALL_PORTS], v4, v6 };
}

/** The piece without what `earlier` takes: the other protocols, the other ports, then the other addresses. */
function without(piece: Piece, earlier: NetworkRule): Piece[] {
  const taken = earlier.protocol;
  if (taken !== 'any' && piece.protocol !== 'any' && taken !== piece.protocol) return [piece];
  const rest: Piece[] = [];
  let protocol = piece.protocol;
  if (piece.protocol === 'any' && taken !== 'any') {
    for (const other of NAMED_PROTOCOLS) if (other !== taken) rest.push({ ...piece, protocol: other, ports: [ALL_PORTS] });
    protocol = taken;
  }
  let ports = protocol === piece.protocol ? piece.ports : [ALL_PORTS];
  if (hasPorts(protocol) && taken !== 'any') {
    const takenPorts = mergePorts(earlier.ports);
    const otherPorts = subtractPorts(ports, takenPorts);
    if (otherPorts.length > 0) rest.push({ protocol, ports: otherPorts, v4: piece.v4, v6: piece.v6 });
    ports = intersectPorts(ports, takenPorts);
    if (ports.length === 0) return rest;
  }
  const [takenV4, takenV6] = intervalsOf(earlier.remote, true);
  const v4 = subtractIntervals(piece.v4, takenV4);
  const v6 = subtractIntervals(piece.v6, takenV6);
  if (v4.length > 0 || v6.length > 0) rest.push({ protocol, ports, v4, v6 });
  return rest;
}

/** Addresses by family. A name whose addresses are unknown is every address when `namedAsAll`, else none. */
function intervalsOf(remote: readonly AddressMatch[], namedAsAll: boolean): [IntervalList, IntervalList] {
  const v4: [bigint, bigint][] = [];
  const v6: [bigint, bigint][] = [];
  const add = (family: Family, interval: readonly [bigint, bigint]) => (family === 'ipv4' ? v4 : v6).push([interval[0], interval[1]]);
  for (const match of remote) {
    if (match.kind === 'any' || ((match.kind === 'symbol' || match.kind === 'group') && namedAsAll)) {
      add('ipv4', fullSpace('ipv4')[0]);
      add('ipv6', fullSpace('ipv6')[0]);
    } else if (match.kind === 'cidr') {
      const [address, bits] = match.cidr.split('/');
      const parsed = ipaddr.parse(address);
      const family: Family = parsed.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
      add(family, cidrInterval(addressToBigInt(parsed), Number(bits), family));
    } else if (match.kind === 'range') {
      const [first, last] = [ipaddr.parse(match.first), ipaddr.parse(match.last)];
      add(first.kind() === 'ipv4' ? 'ipv4' : 'ipv6', [addressToBigInt(first), addressToBigInt(last)]);
    }
  }
  return [normalize(v4), normalize(v6)];
}

function cidrsOf(list: IntervalList, family: Family): AddressMatch[] {
  return list.flatMap((interval) => intervalToCidrs(interval, family)).map((cidr) => ({ kind: 'cidr', cidr, text: cidr }));
}

function subtractPorts(ports: readonly PortRange[], taken: readonly PortRange[]): PortRange[] {
  let rest: PortRange[] = [...ports];
  for (const { from, to } of taken) {
    rest = rest.flatMap((range) => {
      if (to < range.from || from > range.to) return [range];
      return [...(range.from < from ? [{ from: range.from, to: from - 1 }] : []), ...(range.to > to ? [{ from: to + 1, to: range.to }] : [])];
    });
  }
  return rest;
}

function intersectPorts(ports: readonly PortRange[], taken: readonly PortRange[]): PortRange[] {
  return ports.flatMap((range) => taken.flatMap(({ from, to }) => (to < range.from || from > range.to ? [] : [{ from: Math.max(range.from, from), to: Math.min(range.to, to) }])));
}
