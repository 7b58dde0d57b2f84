import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import type { AddressMatch, NetworkAsset, NetworkRule, NetworkScope } from '../../src/network/model.js';
import { reachability } from '../../src/network/reachability.js';
import { assetArb, v4, v6 } from './random-asset.js';

/**
 * The reachability query against a brute-force evaluation written straight from each firewall's documented semantics,
 * one address at a time, with ipaddr.js's own CIDR matching instead of interval arithmetic.
 */

function inRemote(address: string, match: AddressMatch): boolean {
  if (match.kind === 'any') return true;
  if (match.kind !== 'cidr') return false;
  const parsed = ipaddr.parse(address);
  const [network, prefix] = ipaddr.parseCIDR(match.cidr);
  return parsed.kind() === network.kind() && parsed.match(network, prefix);
}

function matches(rule: NetworkRule, scope: NetworkScope, address: string, direction: string, protocol: string, port: number): boolean {
  if (!rule.enabled || rule.direction !== direction) return false;
  if (rule.scopes && !rule.scopes.includes(scope.name)) return false;
  if (rule.protocol !== 'any' && rule.protocol !== protocol) return false;
  const allPorts = rule.ports.some((r) => r.from === 0 && r.to === 65535);
  if (protocol === 'icmp' && rule.protocol === 'any' && !allPorts) return false;
  if (protocol !== 'icmp' && !rule.ports.some((r) => r.from <= port && port <= r.to)) return false;
  return rule.remote.some((match) => inRemote(address, match));
}

const allows = (rule: NetworkRule) => rule.action === 'allow' || rule.action === 'limit';
const byPriority = (rules: NetworkRule[]) => [...rules].sort((a, b) => a.priority - b.priority || Number(allows(a)) - Number(allows(b)) || rules.indexOf(a) - rules.indexOf(b));

/** Which rule (or 'default' / 'off') decides one packet, and whether it passes. */
function bruteForce(asset: NetworkAsset, scope: NetworkScope, address: string, direction: 'inbound' | 'outbound', protocol: string, port: number): string {
  if (!scope.enabled) return 'allow off';
  const matching = asset.rules.filter((rule) => matches(rule, scope, address, direction, protocol, port));
  let decider: NetworkRule | undefined;
  if (asset.semantics === 'first-match') decider = byPriority(matching)[0];
  else decider = byPriority(matching.filter((r) => !allows(r)))[0] ?? byPriority(matching.filter(allows))[0];
  if (decider) return `${allows(decider) ? 'allow' : 'deny'} ${decider.id}`;
  const policy = direction === 'inbound' ? scope.defaultInbound : scope.defaultOutbound;
  return `${policy === 'allow' ? 'allow' : 'deny'} default`;
}

function probes(asset: NetworkAsset, random: string[]): string[] {
  const edges = asset.rules.flatMap((rule) =>
    rule.remote.flatMap((match) => {
      if (match.kind !== 'cidr') return [];
      const [network, prefix] = ipaddr.parseCIDR(match.cidr);
      const first = network.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(match.cidr) : ipaddr.IPv6.networkAddressFromCIDR(match.cidr);
      const last = network.kind() === 'ipv4' ? ipaddr.IPv4.broadcastAddressFromCIDR(match.cidr) : ipaddr.IPv6.broadcastAddressFromCIDR(match.cidr);
      return prefix >= 0 ? [first.toString(), last.toString()] : [];
    }),
  );
  return [...edges, ...random];
}

describe('reachability matches a brute-force evaluation', () => {
  it('for random rule lists, every scope, protocol and port, on sampled addresses', () => {
    fc.assert(
      fc.property(assetArb, fc.array(fc.oneof(v4, v6), { minLength: 4, maxLength: 12 }), fc.constantFrom('inbound', 'inbound', 'outbound') as fc.Arbitrary<'inbound' | 'outbound'>, fc.constantFrom('tcp', 'tcp', 'udp', 'icmp'), fc.integer({ min: 14, max: 31 }), (asset, random, direction, protocol, port) => {
        const results = reachability(asset, { direction, protocol, port });
        for (const { scope, decisions } of results) {
          for (const address of probes(asset, random)) {
            const holders = decisions.filter((decision) => decision.remotes.has(address));
            expect(holders, `${address} must be in exactly one decision`).toHaveLength(1);
            const [decision] = holders;
            const got = `${decision.action} ${decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule.id : decision.decidedBy.kind === 'default' ? 'default' : 'off'}`;
            expect(got, `${scope.name} ${direction} ${protocol}/${port} from ${address}`).toBe(bruteForce(asset, scope, address, direction, protocol, port));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rules limited to an interface or a local address', () => {
  const INTERFACES = ['eth0', 'eth1', 'eth2'];
  const LOCALS = ['10.0.0.5', '10.0.0.6'];
  const sliced = fc.record({
    asset: assetArb,
    restrictions: fc.array(fc.record({ appliesTo: fc.constantFrom(undefined, 'on eth0', 'on eth1'), local: fc.constantFrom(undefined, '10.0.0.5/32') }), { minLength: 8, maxLength: 8 }),
  }).map(({ asset, restrictions }): NetworkAsset => ({
    ...asset,
    rules: asset.rules.map((rule, index) => {
      const { appliesTo, local } = restrictions[index];
      return { ...rule, ...(appliesTo ? { appliesTo } : {}), ...(local ? { local: [{ kind: 'cidr', cidr: local, text: local } as AddressMatch] } : {}) };
    }),
  }));

  function applies(rule: NetworkRule, via: string, local: string): boolean {
    return (rule.appliesTo === undefined || rule.appliesTo === `on ${via}`) && (rule.local === undefined || rule.local.some((match) => inRemote(local, match)));
  }

  it('every packet, whatever interface and local address it arrives on, is decided by one of the decisions holding its source, and every decision is some packet\'s', () => {
    fc.assert(
      fc.property(sliced, fc.array(fc.oneof(v4, v6), { minLength: 4, maxLength: 8 }), fc.constantFrom('tcp', 'udp'), fc.integer({ min: 14, max: 31 }), (asset, random, protocol, port) => {
        for (const { scope, decisions } of reachability(asset, { direction: 'inbound', protocol, port })) {
          for (const address of probes(asset, random)) {
            const holders = decisions.filter((decision) => decision.remotes.has(address)).map((decision) => `${decision.action} ${decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule.id : decision.decidedBy.kind === 'default' ? 'default' : 'off'}`);
            const truths = new Set<string>();
            for (const via of INTERFACES) {
              for (const local of LOCALS) {
                const restricted = { ...asset, rules: asset.rules.filter((rule) => applies(rule, via, local)) };
                truths.add(bruteForce(restricted, scope, address, 'inbound', protocol, port));
              }
            }
            expect(new Set(holders), `${scope.name} ${protocol}/${port} from ${address}`).toEqual(truths);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('a query that names the interface and local address', () => {
  it('partitions the remote addresses exactly as the brute force decides packets arriving there', () => {
    const restrictedAsset = fc.record({
      asset: assetArb,
      restrictions: fc.array(fc.record({ appliesTo: fc.constantFrom(undefined, 'on eth0', 'on eth1'), local: fc.constantFrom(undefined, '10.0.0.5/32', '10.0.0.0/24') }), { minLength: 8, maxLength: 8 }),
    }).map(({ asset, restrictions }): NetworkAsset => ({
      ...asset,
      rules: asset.rules.map((rule, index) => {
        const { appliesTo, local } = restrictions[index];
        return { ...rule, ...(appliesTo ? { appliesTo } : {}), ...(local ? { local: [{ kind: 'cidr', cidr: local, text: local } as AddressMatch] } : {}) };
      }),
    }));
    fc.assert(
      fc.property(restrictedAsset, fc.array(fc.oneof(v4, v6), { minLength: 4, maxLength: 8 }), fc.constantFrom('eth0', 'eth1', 'eth2'), fc.constantFrom('10.0.0.5', '10.0.0.6', '192.168.1.1'), fc.integer({ min: 14, max: 31 }), (asset, random, via, local, port) => {
        const here = { ...asset, rules: asset.rules.filter((rule) => (rule.appliesTo === undefined || rule.appliesTo === `on ${via}`) && (rule.local === undefined || rule.local.some((match) => inRemote(local, match)))) };
        for (const { scope, decisions } of reachability(asset, { direction: 'inbound', protocol: 'tcp', port, appliesTo: `on ${via}`, local })) {
          for (const address of probes(asset, random)) {
            const holders = decisions.filter((decision) => decision.remotes.has(address));
            expect(holders, `${address} must be in exactly one decision`).toHaveLength(1);
            const got = `${holders[0].action} ${holders[0].decidedBy.kind === 'rule' ? holders[0].decidedBy.rule.id : holders[0].decidedBy.kind === 'default' ? 'default' : 'off'}`;
            expect(got).toBe(bruteForce(here, scope, address, 'inbound', 'tcp', port));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
