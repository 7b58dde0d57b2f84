import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadStream } from '../../src/inputs/input-format.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
import { loadAzureNsgs } from '../../src/parsers/azure/load.js';
import { loadGcpFirewalls } from '../../src/parsers/gcp/load.js';
import { CORPUS, loadText } from './support.js';

const CLOUDS: [string, LoadStream, string][] = [
  ['aws', loadAwsSecurityGroups, 'aws/cli-describe-security-groups.derived.json'],
  ['azure', loadAzureNsgs, 'azure/arm-rest-nsg-listAll-page1.json'],
  ['gcp', loadGcpFirewalls, 'gcp/sdk-compute-FirewallsClient-listAsync-output.json'],
];

function expectAnswered(load: LoadStream, text: string): void {
  const result = loadText(load, text);
  for (const problem of result.problems) expect(problem.message).not.toMatch(/\n|\s+at \S+ \(/);
  expect(result.models.length > 0 || result.problems.some((problem) => problem.level === 'error')).toBe(true);
}

describe.each(CLOUDS)('%s loader on damaged captures', (_, load, capture) => {
  const text = readFileSync(join(CORPUS, capture), 'utf8');

  it('never throws on a capture cut, spliced or with a value replaced — and never judges nothing silently', () => {
    const damage = fc.oneof(
      fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
      fc.tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 12 })).map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
      fc.tuple(fc.nat({ max: text.length }), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => {
        const quote = text.indexOf('"', at);
        const end = quote < 0 ? -1 : text.indexOf('"', quote + 1);
        return end < 0 ? text : text.slice(0, quote) + JSON.stringify(value) + text.slice(end + 1);
      }),
    );
    fc.assert(fc.property(damage, (damaged) => expectAnswered(load, damaged)), { numRuns: 400 });
  });

  it('answers nesting 100,000 deep with a problem', () => {
    expectAnswered(load, '['.repeat(100_000) + ']'.repeat(100_000));
    expectAnswered(load, '{"a":'.repeat(100_000));
  });
});

describe('hostile AWS exports', () => {
  it('reads a 20 MB export on a single line, every rule on line 1', () => {
    const group = (index: number) => ({
      GroupId: `sg-${index}`, OwnerId: '123456789012', Description: '\\"'.repeat(50),
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    });
    const text = JSON.stringify({ SecurityGroups: Array.from({ length: 40_000 }, (_, index) => group(index)) });
    expect(text.length).toBeGreaterThan(10_000_000);
    const result = loadText(loadAwsSecurityGroups, text);
    expect(result.problems).toEqual([]);
    expect(result.models).toHaveLength(40_000);
    expect(new Set((result.models as NetworkAsset[]).flatMap((asset) => asset.rules.map((rule) => rule.location.line)))).toEqual(new Set([1]));
  });

  it('reads a 10 MB string of backslashes and quotes without trouble', () => {
    const text = JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', Description: '\\"\\'.repeat(3_000_000), IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }] });
    const [asset] = loadText(loadAwsSecurityGroups, text).models as NetworkAsset[];
    expect(asset.rules).toHaveLength(1);
  });

  it('does not let keys such as __proto__ reach any prototype', () => {
    const text = '{"SecurityGroups": [{"__proto__": {"GroupId": "sg-evil", "polluted": true}, "constructor": {"prototype": {"polluted": true}}, "GroupId": "sg-1", "IpPermissions": [{"__proto__": [], "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"__proto__": {"CidrIp": "0.0.0.0/0"}}]}]}]}';
    const result = loadText(loadAwsSecurityGroups, text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).GroupId).toBeUndefined();
    expect((result.models[0] as NetworkAsset).asset.id).toBe('sg-1');
    // The entry's own CidrIp is missing: reported, not taken from the __proto__ member.
    expect(result.problems).toEqual([expect.objectContaining({ level: 'error', id: 'aws/invalid-rule' })]);
  });
});
