import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { AddressMatch, NetworkRule } from '../../src/network/model.js';
import { deniedBelow } from '../../src/parsers/gcp/denied-below.js';

/**
 * deniedBelow against a brute-force oracle: every sampled packet is walked through the policy's rules in order. What
 * the denies below drop, the policy must drop whatever its named sources hold (never more); with no named source, they
 * drop exactly what the policy drops.
 */

const CIDRS = ['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/9', '10.128.0.0/9', '192.168.1.0/24', '8.8.8.8/32', '::/0', '2001:db8::/32'];
const ADDRESSES = ['10.0.0.1', '10.200.0.1', '192.168.1.5', '8.8.8.8', '1.1.1.1', '2001:db8::1', '2001:db9::1'];
const PORTS = [15, 20, 22, 25, 30, 40000];
const QUERIED_PROTOCOLS = ['tcp', 'udp', 'icmp'];

const cidr = fc.constantFrom(...CIDRS).map((text): AddressMatch => ({ kind: 'cidr', cidr: text, text }));
const named = fc.constantFrom<AddressMatch>({ kind: 'symbol', name: 'domain example.com', public: 'yes', text: 'domain example.com' }, { kind: 'group', ref: 'secureTag:tagValues/1', text: 'tagValues/1' });
const portRange = fc.integer({ min: 15, max: 30 }).chain((from) => fc.integer({ min: from, max: 30 }).map((to) => ({ from, to })));

function ruleArb(withNamed: boolean): fc.Arbitrary<NetworkRule> {
  return fc
    .record({
      action: fc.constantFrom('allow', 'deny', 'deny') as fc.Arbitrary<NetworkRule['action']>,
      protocol: fc.constantFrom('tcp', 'udp', 'icmp', 'any'),
      ports: fc.array(portRange, { minLength: 1, maxLength: 2 }),
      remote: fc.array(withNamed ? fc.oneof({ arbitrary: cidr, weight: 3 }, named, fc.constant<AddressMatch>({ kind: 'any', text: 'any' })) : fc.oneof({ arbitrary: cidr, weight: 3 }, fc.constant<AddressMatch>({ kind: 'any', text: 'any' })), { minLength: 1, maxLength: 3 }),
      enabled: fc.constantFrom(true, true, true, false),
    })
    .map(({ protocol, ports, ...rest }): NetworkRule => ({
      id: '',
      label: 'rule',
      direction: 'inbound',
      protocol,
      ports: protocol === 'tcp' || protocol === 'udp' ? ports : [{ from: 0, to: 65535 }],
      priority: 0,
      location: { file: 'policy.json', line: 1 },
      ...rest,
    }));
}

const policyArb = (withNamed: boolean) => fc.array(ruleArb(withNamed), { minLength: 1, maxLength: 7 }).map((rules) => rules.map((rule, index) => ({ ...rule, id: String(index), priority: index })));

function inRemote(remote: readonly AddressMatch[], address: string): 'yes' | 'maybe' | 'no' {
  const parsed = ipaddr.parse(address);
  let answer: 'yes' | 'maybe' | 'no' = 'no';
  for (const match of remote) {
    if (match.kind === 'any') return 'yes';
    if (match.kind === 'cidr') {
      const [base, bits] = ipaddr.parseCIDR(match.cidr);
      if (base.kind() === parsed.kind() && parsed.match([base, bits])) return 'yes';
    } else answer = 'maybe';
  }
  return answer;
}

const matchesTraffic = (rule: NetworkRule, protocol: string, port: number) =>
  (rule.protocol === 'any' || rule.protocol === protocol) && (protocol === 'icmp' || rule.ports.some(({ from, to }) => from <= port && port <= to));

/** Whether the policy surely drops the packet: the first rule that matches it is a deny, whichever addresses its names hold. */
function surelyDenied(rules: readonly NetworkRule[], protocol: string, port: number, address: string): boolean {
  for (const rule of rules) {
    if (!rule.enabled || !matchesTraffic(rule, protocol, port)) continue;
    const inside = inRemote(rule.remote, address);
    if (inside === 'yes') return rule.action === 'deny';
    // An allow that may match may take the packet; a deny that may match leaves the verdict to the rules after it.
    if (inside === 'maybe' && rule.action !== 'deny') return false;
  }
  return false;
}

const droppedBelow = (below: readonly NetworkRule[], protocol: string, port: number, address: string) =>
  below.some((rule) => matchesTraffic(rule, protocol, port) && inRemote(rule.remote, address) === 'yes');

function verdicts(rules: readonly NetworkRule[]) {
  const below = deniedBelow(rules, (rule) => rule.label, (rule) => rule.priority, 'above');
  return QUERIED_PROTOCOLS.flatMap((protocol) => PORTS.flatMap((port) => ADDRESSES.map((address) => ({ packet: `${protocol}/${port} from ${address}`, below: droppedBelow(below, protocol, port, address), policy: surelyDenied(rules, protocol, port, address) }))));
}

describe('deniedBelow: what a firewall policy drops before the levels below it', () => {
  it('never drops what the policy may let through or hand down, whatever its named sources hold', () => {
    fc.assert(
      fc.property(policyArb(true), (rules) => {
        expect(verdicts(rules).filter(({ below, policy }) => below && !policy)).toEqual([]);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('drops exactly what the policy drops when its rules name addresses only', () => {
    fc.assert(
      fc.property(policyArb(false), (rules) => {
        expect(verdicts(rules).filter(({ below, policy }) => below !== policy)).toEqual([]);
      }),
      { numRuns: 400, seed: 20261208 },
    );
  });
});
