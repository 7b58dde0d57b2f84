import fc from 'fast-check';
import type { AddressMatch, EvaluationSemantics, NetworkAsset, NetworkRule, NetworkScope } from '../../src/network/model.js';

/** Random network assets of every semantics, with rules that often compete for the same traffic. */

export const SCOPES = ['Domain', 'Private', 'Public'];
const PROTOCOLS = ['tcp', 'udp', 'any', 'icmp'];

export const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
export const v6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((parts) => parts.map((p) => p.toString(16)).join(':'));
const remote: fc.Arbitrary<AddressMatch> = fc.oneof(
  { arbitrary: fc.constant<AddressMatch>({ kind: 'any', text: 'Any' }), weight: 2 },
  fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([a, p]): AddressMatch => ({ kind: 'cidr', cidr: `${a}/${p}`, text: `${a}/${p}` })),
  fc.tuple(v6, fc.integer({ min: 0, max: 128 })).map(([a, p]): AddressMatch => ({ kind: 'cidr', cidr: `${a}/${p}`, text: `${a}/${p}` })),
  // Overlapping prefixes, so rules often decide parts of each other's sources.
  fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/9', '::/0', '2001:db8::/32').map((c): AddressMatch => ({ kind: 'cidr', cidr: c, text: c })),
);
const portRange = fc.oneof(fc.constant({ from: 0, to: 65535 }), fc.integer({ min: 15, max: 30 }).chain((from) => fc.integer({ min: from, max: 30 }).map((to) => ({ from, to }))));

const ruleArb = fc.record({
  action: fc.constantFrom('allow', 'deny', 'reject', 'limit') as fc.Arbitrary<NetworkRule['action']>,
  // Skewed towards rules that match the queried traffic, so that rules often compete for the same packets.
  direction: fc.constantFrom('inbound', 'inbound', 'inbound', 'outbound') as fc.Arbitrary<NetworkRule['direction']>,
  protocol: fc.constantFrom(...PROTOCOLS, 'tcp', 'any'),
  ports: fc.array(portRange, { minLength: 1, maxLength: 2 }),
  remote: fc.array(remote, { minLength: 1, maxLength: 3 }),
  priority: fc.integer({ min: 0, max: 2 }),
  enabled: fc.constantFrom(true, true, true, false),
  scopes: fc.option(fc.subarray(SCOPES, { minLength: 1 }), { nil: undefined }),
});

const scopeArb = (name: string) =>
  fc.record({
    enabled: fc.constantFrom(true, true, true, false),
    defaultInbound: fc.constantFrom('allow', 'deny', 'reject') as fc.Arbitrary<NetworkScope['defaultInbound']>,
    defaultOutbound: fc.constantFrom('allow', 'deny', 'reject') as fc.Arbitrary<NetworkScope['defaultOutbound']>,
  }).map((s): NetworkScope => ({ name, ...s }));

export const assetArb = fc.record({
  semantics: fc.constantFrom('first-match', 'block-wins', 'allow-only') as fc.Arbitrary<EvaluationSemantics>,
  rules: fc.array(ruleArb, { maxLength: 8 }),
  scopes: fc.tuple(...SCOPES.map(scopeArb)),
}).map(({ semantics, rules, scopes }): NetworkAsset => ({
  kind: 'network',
  asset: { kind: 'windows-firewall', id: 'random' },
  semantics,
  scopes,
  rules: rules.map((r, index) => ({
    ...r,
    // allow-only inputs (AWS) have no denies.
    action: semantics === 'allow-only' && (r.action === 'deny' || r.action === 'reject') ? 'allow' : r.action,
    id: `r${index}`,
    label: `r${index}`,
    location: { file: 'random', line: index + 2 },
  })),
  location: { file: 'random', line: 1 },
}));
