import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catchAllOpenings } from '../../src/network/catch-all.js';
import { workedOut } from '../../src/network/remembered-openings.js';
import type { AddressMatch, NetworkAsset, NetworkRule, NetworkScope, TrafficDirection } from '../../src/network/model.js';
import type { SourceLocation } from '../../src/model/location.js';
import type { Opening } from '../../src/network/openings.js';
import { assetArb } from './random-asset.js';

/** An opening as findings show it: who decides, where, for what, and the key. */
function shown(openings: readonly Opening[]) {
  return openings.map(({ decidedBy, location, scopes, services, remotes, key }) => ({
    decider: decidedBy.kind === 'rule' ? `rule ${decidedBy.rule.id}` : `${decidedBy.kind} ${decidedBy.scope.name}`,
    at: `${location.file}:${location.line}`,
    scopes: scopes.map((scope) => scope.name),
    services,
    remotes: remotes.describe(),
    key,
  }));
}

/** The same asset under other names and on other lines: the structure is the same, every name and line differs. */
function renamed(asset: NetworkAsset): NetworkAsset {
  const moved = (location: SourceLocation | undefined) => location && { ...location, file: 'copy.json', line: location.line + 100 };
  const scopesNamed = asset.rules.some((rule) => rule.scopes !== undefined);
  return {
    ...asset,
    asset: { ...asset.asset, id: 'copy' },
    location: moved(asset.location)!,
    scopes: asset.scopes.map((scope) => ({ ...scope, name: scopesNamed ? scope.name : `${scope.name} copy`, stateLocation: moved(scope.stateLocation), defaultLocation: moved(scope.defaultLocation) })),
    rules: asset.rules.map((rule) => ({ ...rule, id: `copy-${rule.id}`, label: `copy of ${rule.label}`, location: moved(rule.location)! })),
  };
}

const WORLD: AddressMatch[] = [{ kind: 'cidr', cidr: '0.0.0.0/0', text: '0.0.0.0/0' }];

/**
 * Assets whose rules are often catch-alls (all ports, TCP or any protocol, from anywhere) competing with others, and
 * whose rules and policies sometimes share lines, as one ufw line or a single-line export does.
 */
const assets = fc
  .tuple(assetArb, fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.constantFrom('any', 'tcp')), { minLength: 8, maxLength: 8 }))
  .map(([asset, changes]): NetworkAsset => ({
    ...asset,
    rules: asset.rules.map((rule, index) => {
      const [catchAll, line, protocol] = changes[index];
      const located = { ...rule, location: { ...rule.location, line } };
      return catchAll ? { ...located, protocol, ports: [{ from: 0, to: 65535 }], remote: WORLD } : located;
    }),
  }));

/** A question a net rule asks that is remembered: which catch-alls open a direction (and whether policies count). */
type Query = (asset: NetworkAsset) => readonly Opening[];
const queries: fc.Arbitrary<Query> = fc
  .tuple(fc.constantFrom<TrafficDirection>('inbound', 'outbound'), fc.boolean())
  .map(([direction, policies]): Query => (asset) => catchAllOpenings(asset, direction, policies));
const answered = (query: Query, asset: NetworkAsset) => shown(query(asset));
const workedOutAnswer = (query: Query, asset: NetworkAsset) => shown(workedOut(() => query(asset)));

type Change = (asset: NetworkAsset) => NetworkAsset;
const onRule = (change: (rule: NetworkRule) => Partial<NetworkRule>) => fc.nat().map((pick): Change => (asset) => ({
  ...asset,
  rules: asset.rules.map((rule, index) => (index === pick % Math.max(1, asset.rules.length) ? { ...rule, ...change(rule) } : rule)),
}));
const onScope = (change: (scope: NetworkScope) => Partial<NetworkScope>) => fc.nat().map((pick): Change => (asset) => ({
  ...asset,
  scopes: asset.scopes.map((scope, index) => (index === pick % asset.scopes.length ? { ...scope, ...change(scope) } : scope)),
}));
/** One thing changed, everything else (the very same remote objects) kept: structures that differ only there. */
const mutation: fc.Arbitrary<Change> = fc.oneof(
  onRule((rule) => ({ enabled: !rule.enabled })),
  onRule((rule) => ({ action: rule.action === 'allow' ? 'deny' : 'allow' })),
  onRule((rule) => ({ direction: rule.direction === 'inbound' ? 'outbound' : 'inbound' })),
  onRule((rule) => ({ protocol: rule.protocol === 'any' ? 'tcp' : 'any' })),
  onRule((rule) => ({ ports: rule.ports.length === 1 && rule.ports[0].from === 0 ? [{ from: 22, to: 22 }] : [{ from: 0, to: 65535 }] })),
  onRule((rule) => ({ priority: rule.priority === 0 ? 5 : 0 })),
  onRule((rule) => ({ location: { ...rule.location, line: rule.location.line + 1 } })),
  onRule((rule) => ({ remote: [...rule.remote].reverse().slice(0, 1) })),
  onRule((rule) => ({ sourcePorts: rule.sourcePorts ? undefined : [{ from: 53, to: 53 }] })),
  onRule((rule) => ({ appliesTo: rule.appliesTo ? undefined : 'on eth0' })),
  onRule((rule) => ({ scopes: rule.scopes ? undefined : ['Public'] })),
  onScope((scope) => ({ enabled: !scope.enabled })),
  onScope((scope) => ({ name: `${scope.name}x` })),
  onScope((scope) => ({ defaultInbound: scope.defaultInbound === 'allow' ? 'deny' : 'allow', defaultOutbound: scope.defaultOutbound === 'allow' ? 'deny' : 'allow' })),
  onScope((scope) => ({ defaultLocation: scope.defaultLocation ? undefined : { file: 'random', line: 1 } })),
  fc.constant<Change>((asset) => ({ ...asset, semantics: asset.semantics === 'first-match' ? 'allow-only' : 'first-match' })),
);

describe('answers remembered by structure', () => {
  it('are the answers worked out for the asset itself, for an asset seen before under other names and lines', () => {
    fc.assert(
      fc.property(assets, queries, (asset, query) => {
        const copy = renamed(asset);
        expect(answered(query, asset)).toEqual(workedOutAnswer(query, asset));
        expect(answered(query, copy)).toEqual(workedOutAnswer(query, copy));
      }),
      { numRuns: 3000 },
    );
  });

  it('are never the answers of an asset that differs in one thing', () => {
    fc.assert(
      fc.property(assets, fc.array(mutation, { minLength: 1, maxLength: 3 }), queries, (asset, changes, query) => {
        answered(query, asset);
        const changed = changes.reduce((current, change) => change(current), asset);
        expect(answered(query, changed)).toEqual(workedOutAnswer(query, changed));
      }),
      { numRuns: 10_000 },
    );
  });

  it('are never the answers to another question', () => {
    fc.assert(
      fc.property(assets, queries, queries, (asset, first, second) => {
        answered(first, asset);
        expect(answered(second, renamed(asset))).toEqual(workedOutAnswer(second, renamed(asset)));
      }),
      { numRuns: 3000 },
    );
  });

  it('are never another structure’s answers', () => {
    fc.assert(
      fc.property(fc.array(assets, { minLength: 2, maxLength: 6 }), queries, (many, query) => {
        for (const asset of many) answered(query, asset);
        for (const asset of many) expect(answered(query, asset)).toEqual(workedOutAnswer(query, asset));
      }),
      { numRuns: 1000 },
    );
  });
});
