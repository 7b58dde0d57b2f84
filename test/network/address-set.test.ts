import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressSet } from '../../src/network/address-set.js';
import { bigIntToAddress, type Family } from '../../src/network/ip-intervals.js';
import { isPublicAddress, publicIntervals } from '../../src/network/public-addresses.js';
import { containsValue } from '../../src/network/ip-intervals.js';
import type { AddressMatch } from '../../src/network/model.js';
import { cidr } from './build.js';

const set = (...cidrs: string[]) => AddressSet.of(cidrs.map(cidr));

describe('AddressSet', () => {
  it('reads CIDRs, single addresses, netmasks and ranges, host bits and all', () => {
    expect(set('10.0.0.5/8').has('10.255.1.1')).toBe(true);
    expect(set('10.0.0.5/8').has('11.0.0.0')).toBe(false);
    expect(set('203.0.113.5').describe()).toBe('203.0.113.5/32');
    expect(set('192.168.1.0/255.255.255.0').describe()).toBe('192.168.1.0/24');
    const range = AddressSet.of([{ kind: 'range', first: '10.10.1.2', last: '10.10.2.22', text: '10.10.1.2-10.10.2.22' }]);
    expect(range.has('10.10.1.255')).toBe(true);
    expect(range.has('10.10.2.23')).toBe(false);
    expect(range.describe()).toBe('10.10.1.2-10.10.2.22');
    expect(set('2001:db8::/32').has('2001:db8:ffff::1')).toBe(true);
  });

  it('knows the whole IPv4 and IPv6 spaces, and any as both', () => {
    expect(set('0.0.0.0/0').containsAllIpv4()).toBe(true);
    expect(set('0.0.0.0/0').containsAllIpv6()).toBe(false);
    expect(set('::/0').containsWorld()).toBe(true);
    expect(set('0.0.0.0/1', '128.0.0.0/1').containsAllIpv4()).toBe(true);
    expect(AddressSet.of([{ kind: 'any', text: '*' }]).isWholeSpace()).toBe(true);
    expect(AddressSet.of([{ kind: 'symbol', name: 'Internet', public: 'yes', text: 'Internet' }]).containsWorld()).toBe(true);
    expect(set('0.0.0.0/0').subtract(set('10.0.0.0/8')).containsWorld()).toBe(false);
  });

  it('covers the internet when at most a few public addresses are missing', () => {
    expect(set('0.0.0.0/0').subtract(set('10.0.0.0/8', '198.51.100.7/32')).coversInternet()).toBe(true);
    expect(set('::/0').subtract(set('2001:db8::/32')).coversInternet()).toBe(true);
    expect(set('0.0.0.0/1').coversInternet()).toBe(false);
    expect(set('203.0.113.0/24', '10.0.0.0/8').coversInternet()).toBe(false);
    expect(set('0.0.0.0/0').subtract(set('10.0.0.0/8')).describe()).toBe('any IPv4 address except 10.0.0.0/8');
    expect(set('10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12', '100.64.0.0/10').describe()).toBe('10.0.0.0/8, 100.64.0.0/10, 172.16.0.0/12 and 1 more IPv4 range');
  });

  it('does set algebra on intervals', () => {
    const world = set('0.0.0.0/0');
    const rest = world.subtract(set('10.0.0.0/8', '192.168.0.0/16'));
    expect(rest.has('10.1.2.3')).toBe(false);
    expect(rest.has('11.0.0.0')).toBe(true);
    expect(rest.union(set('10.0.0.0/8', '192.168.0.0/16')).containsAllIpv4()).toBe(true);
    expect(rest.intersect(set('10.0.0.0/7')).describe()).toBe('11.0.0.0/8');
    expect(set('10.0.0.0/8').subtract(set('10.0.0.0/8')).isEmpty()).toBe(true);
  });

  it('says which addresses are public', () => {
    expect(set('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10').hasPublicAddress()).toBe(false);
    expect(set('fc00::/7', 'fe80::/10', '::1/128').hasPublicAddress()).toBe(false);
    expect(set('8.8.8.8/32').hasPublicAddress()).toBe(true);
    expect(set('2a00:1450::/32').hasPublicAddress()).toBe(true);
    // Documentation ranges stand for public addresses in examples.
    expect(set('203.0.113.5/32').hasPublicAddress()).toBe(true);
    expect(set('10.0.0.0/7').publicAddresses().describe()).toBe('11.0.0.0/8');
  });

  it('keeps named sources by name: LocalSubnet is not public, an unknown prefix list may be', () => {
    const localSubnet = AddressSet.of([{ kind: 'symbol', name: 'LocalSubnet', public: 'no', text: 'LocalSubnet' }]);
    const prefixList = AddressSet.of([{ kind: 'symbol', name: 'pl-0123', public: 'unknown', text: 'pl-0123' }]);
    expect(localSubnet.possiblyPublicNames()).toEqual([]);
    expect(prefixList.possiblyPublicNames().map((n) => n.name)).toEqual(['pl-0123']);
    expect(prefixList.subtract(set('10.0.0.0/8')).isEmpty()).toBe(false);
    expect(prefixList.subtract(AddressSet.WORLD).isEmpty()).toBe(true);
    expect(prefixList.subtract(AddressSet.of([{ kind: 'symbol', name: 'PL-0123', public: 'unknown', text: 'PL-0123' }])).isEmpty()).toBe(true);
  });

  it('keeps what it cannot read as a possibly public name instead of dropping it', () => {
    const bad = AddressSet.of([cidr('300.1.2.3/8'), cidr('10.0.0.0/99'), cidr('x'.repeat(100_000))]);
    expect(bad.possiblyPublicNames()).toHaveLength(3);
    expect(bad.has('10.0.0.1')).toBe(false);
  });

  it('agrees with a brute-force membership test on random CIDR algebra', () => {
    const v4cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([n, p]) => `${bigIntToAddress(BigInt(n), 'ipv4')}/${p}`);
    fc.assert(
      fc.property(fc.array(v4cidr, { maxLength: 5 }), fc.array(v4cidr, { maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 20 }), (as, bs, probes) => {
        const a = set(...as);
        const b = set(...bs);
        for (const probe of probes) {
          const address = bigIntToAddress(BigInt(probe), 'ipv4');
          const inA = a.has(address);
          const inB = b.has(address);
          expect(a.union(b).has(address)).toBe(inA || inB);
          expect(a.subtract(b).has(address)).toBe(inA && !inB);
          expect(a.intersect(b).has(address)).toBe(inA && inB);
          // Every probe inside a CIDR of a is in a.
        }
        for (const text of as) expect(a.has(text.split('/')[0])).toBe(true);
      }),
    );
  });

  it('unions many sets at once exactly as folding union() over them does, names and all', () => {
    const v4cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 32 })).map(([n, p]) => cidr(`${bigIntToAddress(BigInt(n), 'ipv4')}/${p}`));
    const v6cidr = fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 16, max: 128 })).map(([n, p]) => cidr(`${bigIntToAddress(n, 'ipv6')}/${p}`));
    const name = fc.constantFrom('pl-0abc', 'AzureCloud', 'LocalSubnet').map((text): AddressMatch => ({ kind: 'symbol', name: text, public: 'unknown', text }));
    const oneSet = fc.array(fc.oneof(v4cidr, v6cidr, name), { maxLength: 3 }).map((matches) => AddressSet.of(matches));
    fc.assert(
      fc.property(fc.array(oneSet, { maxLength: 8 }), (sets) => {
        const folded = sets.reduce((union, each) => union.union(each), AddressSet.EMPTY);
        const union = AddressSet.unionOf(sets);
        expect(union.describe()).toBe(folded.describe());
        expect([...union.named.keys()].sort()).toEqual([...folded.named.keys()].sort());
        expect(union.isEmpty()).toBe(folded.isEmpty());
      }),
    );
  });

  it('classifies public addresses exactly as ipaddr.js range() does', () => {
    const check = (family: Family, value: bigint) => {
      const address = bigIntToAddress(value, family);
      expect(containsValue(publicIntervals(family), value), address).toBe(isPublicAddress(address));
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => check('ipv4', BigInt(n))), { numRuns: 2000 });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (n) => check('ipv6', n)), { numRuns: 2000 });
    // The edges of every interval, where a wrong table would show first.
    for (const family of ['ipv4', 'ipv6'] as Family[]) {
      for (const [first, last] of publicIntervals(family)) {
        for (const value of [first - 1n, first, last, last + 1n]) if (value >= 0n && value < 1n << (family === 'ipv4' ? 32n : 128n)) check(family, value);
      }
    }
    // IPv6 prefixes with small leading groups (where the special ranges are), sampled densely.
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x3fff }), fc.bigInt({ min: 0n, max: (1n << 112n) - 1n }), (group, rest) => check('ipv6', (BigInt(group) << 112n) | rest)), { numRuns: 2000 });
  });
});
