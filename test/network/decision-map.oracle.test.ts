import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/network/decision.js';
import type { AddressMatch, NetworkAsset, NetworkRule, NetworkScope, PortRange } from '../../src/network/model.js';
import { reachability } from '../../src/network/reachability.js';
import { forwardedAsset, loadUfwText } from '../ufw/load.js';
import { assetArb, v4, v6 } from './random-asset.js';

/**
 * The decision maps against a brute-force oracle: every port of a small universe, sampled remote addresses, and for
 * each the packets that can carry them (every interface, local address and source port a rule can single out), each
 * evaluated rule by rule in the asset's order with ipaddr.js's own CIDR matching. Rules are random, of every
 * semantics, with denies and allows limited to source ports, to overlapping local addresses and to interfaces; and
 * ufw route rules, read from user.rules, against what ufw forwards.
 */

const PORTS = Array.from({ length: 20 }, (_, index) => 13 + index);
const INTERFACES = ['eth0', 'eth1', 'eth2'];
const LOCALS = ['1.1.1.1', '10.0.0.1', '10.0.0.4', '10.0.0.5', '10.0.0.6', '192.168.1.1', '2001:db8::1'];
const SOURCE_PORTS = [7, 53, 100, 123, 1000, 40000];

interface Packet {
  scope: NetworkScope;
  direction: 'inbound' | 'outbound';
  protocol: string;
  port: number;
  remote: string;
  via: string;
  local: string;
  sourcePort: number;
}

const known = new Map<string, boolean>();
const inCidr = (address: string, cidr: string) => {
  const key = `${address} ${cidr}`;
  let found = known.get(key);
  if (found === undefined) {
    const parsed = ipaddr.parse(address);
    const [network, prefix] = ipaddr.parseCIDR(cidr);
    known.set(key, (found = parsed.kind() === network.kind() && parsed.match(network, prefix)));
  }
  return found;
};
const inMatch = (address: string, match: AddressMatch) => match.kind === 'any' || (match.kind === 'cidr' && inCidr(address, match.cidr));
const inRanges = (ranges: readonly PortRange[], port: number) => ranges.some((range) => range.from <= port && port <= range.to);
const allows = (rule: NetworkRule) => rule.action === 'allow' || rule.action === 'limit';

function matches(rule: NetworkRule, packet: Packet): boolean {
  if (!rule.enabled || rule.direction !== packet.direction) return false;
  if (rule.scopes && !rule.scopes.includes(packet.scope.name)) return false;
  if (rule.protocol !== 'any' && rule.protocol !== packet.protocol) return false;
  const allPorts = rule.ports.some((range) => range.from <= 1 && range.to === 65535);
  if (packet.protocol === 'icmp') {
    if (rule.protocol === 'any' && !allPorts) return false;
  } else if (!allPorts && !inRanges(rule.ports, packet.port)) return false;
  if (rule.appliesTo !== undefined && rule.appliesTo !== `on ${packet.via}`) return false;
  if (rule.local && !rule.local.some((match) => inMatch(packet.local, match))) return false;
  if (rule.sourcePorts && !inRanges(rule.sourcePorts, packet.sourcePort)) return false;
  return rule.remote.some((match) => inMatch(packet.remote, match));
}

/** Lower priority first, deny first at equal priority, then input order; block-wins and allow-only: every deny first. */
function evaluationOrder(asset: NetworkAsset): NetworkRule[] {
  const byPriority = (rules: NetworkRule[]) => [...rules].sort((a, b) => a.priority - b.priority || Number(allows(a)) - Number(allows(b)) || asset.rules.indexOf(a) - asset.rules.indexOf(b));
  return asset.semantics === 'first-match' ? byPriority(asset.rules) : [...byPriority(asset.rules.filter((rule) => !allows(rule))), ...byPriority(asset.rules.filter(allows))];
}

/** What decides one packet, read rule by rule. */
function oracle(asset: NetworkAsset, ordered: readonly NetworkRule[], packet: Packet): string {
  if (!packet.scope.enabled) return 'allow off';
  const decider = ordered.find((rule) => matches(rule, packet));
  if (decider) return `${allows(decider) ? 'allow' : 'deny'} ${decider.id}`;
  const policy = packet.direction === 'inbound' ? packet.scope.defaultInbound : packet.scope.defaultOutbound;
  return `${policy === 'allow' ? 'allow' : 'deny'} default`;
}

const named = (decision: Decision) =>
  `${decision.action} ${decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule.id : decision.decidedBy.kind === 'default' ? 'default' : 'off'}`;

const restriction = fc.record({
  appliesTo: fc.constantFrom(undefined, undefined, 'on eth0', 'on eth1'),
  local: fc.constantFrom(undefined, undefined, '10.0.0.5/32', '10.0.0.0/24', '10.0.0.0/30'),
  sourcePorts: fc.constantFrom<PortRange[] | undefined>(undefined, undefined, [{ from: 53, to: 53 }], [{ from: 123, to: 123 }], [{ from: 1, to: 1023 }], [{ from: 1024, to: 65535 }]),
});

const restrictedAsset = fc.record({ asset: assetArb, restrictions: fc.array(restriction, { minLength: 8, maxLength: 8 }) }).map(({ asset, restrictions }): NetworkAsset => ({
  ...asset,
  rules: asset.rules.map((rule, index) => {
    const { appliesTo, local, sourcePorts } = restrictions[index];
    return {
      ...rule,
      ...(appliesTo ? { appliesTo } : {}),
      ...(local ? { local: [{ kind: 'cidr', cidr: local, text: local } as AddressMatch] } : {}),
      ...(sourcePorts ? { sourcePorts } : {}),
    };
  }),
}));

function addressesOf(asset: NetworkAsset, random: string[]): string[] {
  const edges = asset.rules.flatMap((rule) =>
    rule.remote.flatMap((match) => {
      if (match.kind !== 'cidr') return [];
      const family = ipaddr.parse(match.cidr.split('/')[0]).kind() === 'ipv4' ? ipaddr.IPv4 : ipaddr.IPv6;
      return [family.networkAddressFromCIDR(match.cidr).toString(), family.broadcastAddressFromCIDR(match.cidr).toString()];
    }),
  );
  return [...new Set([...edges, ...random])];
}

describe('the decision map matches a brute-force oracle', () => {
  it('on every port of a small universe, for sampled addresses, over every interface, local address and source port', () => {
    fc.assert(
      fc.property(
        restrictedAsset,
        fc.array(fc.oneof(v4, v6), { minLength: 3, maxLength: 6 }),
        fc.constantFrom('inbound', 'inbound', 'outbound') as fc.Arbitrary<'inbound' | 'outbound'>,
        fc.constantFrom('tcp', 'tcp', 'udp', 'icmp'),
        (asset, random, direction, protocol) => {
          const ordered = evaluationOrder(asset);
          const addresses = addressesOf(asset, random);
          for (const port of protocol === 'icmp' ? [0] : PORTS) {
            for (const { scope, decisions } of reachability(asset, { direction, protocol, port: protocol === 'icmp' ? undefined : port })) {
              for (const remote of addresses) {
                const expected = new Set<string>();
                for (const via of INTERFACES) {
                  for (const local of LOCALS) {
                    for (const sourcePort of SOURCE_PORTS) expected.add(oracle(asset, ordered, { scope, direction, protocol, port, remote, via, local, sourcePort }));
                  }
                }
                const got = new Set(decisions.filter((decision) => decision.remotes.has(remote)).map(named));
                expect(got, `${scope.name} ${direction} ${protocol}/${port} from ${remote}`).toEqual(expected);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for a packet at a named interface and local address, over every source port', () => {
    fc.assert(
      fc.property(restrictedAsset, fc.array(fc.oneof(v4, v6), { minLength: 3, maxLength: 6 }), fc.constantFrom(...INTERFACES), fc.constantFrom(...LOCALS), (asset, random, via, local) => {
        const ordered = evaluationOrder(asset);
        const addresses = addressesOf(asset, random);
        for (const port of PORTS) {
          for (const { scope, decisions } of reachability(asset, { direction: 'inbound', protocol: 'tcp', port, appliesTo: `on ${via}`, local })) {
            for (const remote of addresses) {
              const expected = new Set(SOURCE_PORTS.map((sourcePort) => oracle(asset, ordered, { scope, direction: 'inbound', protocol: 'tcp', port, remote, via, local, sourcePort })));
              const got = new Set(decisions.filter((decision) => decision.remotes.has(remote)).map(named));
              expect(got, `${scope.name} tcp/${port} from ${remote} on ${via} to ${local}`).toEqual(expected);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** A ufw route rule as the tuple of user.rules stores it. */
interface RouteTuple {
  action: 'allow' | 'deny' | 'reject';
  protocol: 'tcp' | 'udp' | 'any';
  dport: string;
  dst: string;
  sport: string;
  src: string;
  interfaceIn?: string;
}

const routeTuple: fc.Arbitrary<RouteTuple> = fc
  .record({
    action: fc.constantFrom('allow', 'allow', 'deny', 'reject') as fc.Arbitrary<RouteTuple['action']>,
    protocol: fc.constantFrom('tcp', 'tcp', 'udp', 'any') as fc.Arbitrary<RouteTuple['protocol']>,
    dport: fc.constantFrom('any', '22', '20:25', '30'),
    dst: fc.constantFrom('0.0.0.0/0', '10.0.0.5', '10.0.0.0/24', '10.0.0.0/30'),
    sport: fc.constantFrom('any', 'any', '53', '1024:65535'),
    src: fc.constantFrom('0.0.0.0/0', '203.0.113.0/24', '203.0.113.7', '10.0.0.0/8'),
    interfaceIn: fc.constantFrom(undefined, undefined, 'eth0', 'eth1'),
  })
  // ufw takes ports only with a protocol.
  .map((tuple) => (tuple.protocol === 'any' ? { ...tuple, dport: 'any', sport: 'any' } : tuple));

function userRules(tuples: readonly RouteTuple[]): string {
  const lines = ['*filter', ':ufw-user-input - [0:0]', ':ufw-user-forward - [0:0]', '### RULES ###'];
  for (const { action, protocol, dport, dst, sport, src, interfaceIn } of tuples) {
    lines.push(`### tuple ### route:${action} ${protocol} ${dport} ${dst} ${sport} ${src} in${interfaceIn ? `_${interfaceIn}` : ''}`, '');
  }
  return [...lines, '### END RULES ###', 'COMMIT', ''].join('\n');
}

const inPortSpec = (spec: string, port: number) => spec === 'any' || spec.split(',').some((part) => {
  const [from, to = from] = part.split(':').map(Number);
  return from <= port && port <= to;
});

/** What ufw does with a forwarded packet: the first route rule that matches, else the routed policy (deny by default). */
function forwardedVerdict(tuples: readonly RouteTuple[], packet: { protocol: string; port: number; remote: string; destination: string; sourcePort: number; via: string }): string {
  const index = tuples.findIndex((tuple) =>
    (tuple.protocol === 'any' || tuple.protocol === packet.protocol) && inPortSpec(tuple.dport, packet.port) && inPortSpec(tuple.sport, packet.sourcePort) &&
    inCidr(packet.destination, tuple.dst.includes('/') ? tuple.dst : `${tuple.dst}/32`) && inCidr(packet.remote, tuple.src.includes('/') ? tuple.src : `${tuple.src}/32`) &&
    (tuple.interfaceIn === undefined || tuple.interfaceIn === packet.via));
  if (index < 0) return 'deny default';
  return `${tuples[index].action === 'allow' ? 'allow' : 'deny'} ${index}`;
}

describe('the decision map of ufw route rules matches what ufw forwards', () => {
  it('for every port of a small universe, source, destination, source port and interface', () => {
    fc.assert(
      fc.property(fc.array(routeTuple, { minLength: 1, maxLength: 6 }), fc.constantFrom('tcp', 'udp'), (tuples, protocol) => {
        const forwarded = forwardedAsset(loadUfwText(userRules(tuples), 'user.rules'))!;
        expect(forwarded.rules).toHaveLength(tuples.length);
        const indexOf = (decision: Decision) => (decision.decidedBy.kind === 'rule' ? `${decision.action} ${forwarded.rules.indexOf(decision.decidedBy.rule)}` : `${decision.action} default`);
        for (const port of [19, 20, 22, 25, 26, 30]) {
          const [{ decisions }] = reachability(forwarded, { direction: 'inbound', protocol, port });
          for (const remote of ['203.0.113.7', '203.0.113.8', '10.1.2.3', '198.51.100.1']) {
            const expected = new Set<string>();
            for (const via of INTERFACES) {
              for (const destination of ['10.0.0.1', '10.0.0.5', '10.0.0.200', '192.168.0.1']) {
                for (const sourcePort of [53, 100, 2000]) expected.add(forwardedVerdict(tuples, { protocol, port, remote, destination, sourcePort, via }));
              }
            }
            const got = new Set(decisions.filter((decision) => decision.remotes.has(remote)).map(indexOf));
            expect(got, `${protocol}/${port} from ${remote}\n${userRules(tuples)}`).toEqual(expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
