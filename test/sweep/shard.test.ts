import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf, type Shard } from '../../src/sweep/shard.js';

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1', 'ca-central-1', 'me-south-1', 'af-south-1'];
const ACCOUNTS = Array.from({ length: 30 }, (_, index) => String(100000000000 + index * 7919));
const TARGETS = ACCOUNTS.flatMap((account) => REGIONS.map((region) => ({ id: `aws-${account}-${region}`, label: `AWS account ${account} in ${region}` })));

const shards = (count: number): Shard[] => Array.from({ length: count }, (_, index) => ({ index: index + 1, count }));
const ids = (targets: readonly { id: string }[]) => targets.map((target) => target.id);

/** A fixed permutation (a linear congruential shuffle), so that a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

describe('--shard i/n', () => {
  it('reads whole numbers with 1 <= i <= n <= 1000, and nothing else', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/3')).toEqual({ index: 3, count: 3 });
    expect(parseShard(' 2 / 1000 ')).toEqual({ index: 2, count: 1000 });
    for (const wrong of ['0/3', '4/3', '1/0', '1/1001', '1', '1/', '/3', '-1/3', '1.5/3', '1/3/5', 'a/b', '', '1e1/20', '0x1/2', '10000/10000']) expect([wrong, parseShard(wrong)]).toEqual([wrong, undefined]);
  });

  it.each([1, 2, 3, 7, 64, 1000])('puts every target in exactly one of %i shards', (count) => {
    const seen = new Map<string, number>();
    for (const shard of shards(count)) for (const id of ids(inShard(TARGETS, shard))) seen.set(id, (seen.get(id) ?? 0) + 1);
    expect(seen.size).toBe(TARGETS.length);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
  });

  it('gives each shard its share, near enough', () => {
    for (const count of [2, 3, 8]) {
      const sizes = shards(count).map((shard) => inShard(TARGETS, shard).length);
      const fair = TARGETS.length / count;
      // A hash spreads as chance does: within four standard deviations of the fair share.
      for (const size of sizes) expect(Math.abs(size - fair), `${count} shards: ${sizes}`).toBeLessThan(4 * Math.sqrt(fair));
    }
  });

  it('splits the same whatever the order the cloud lists the targets in', () => {
    for (const count of [2, 3, 10]) {
      for (const shard of shards(count)) {
        const inOrder = new Set(ids(inShard(TARGETS, shard)));
        for (const seed of [1, 2, 3]) expect(new Set(ids(inShard(shuffled(TARGETS, seed), shard)))).toEqual(inOrder);
      }
    }
  });

  it('keeps the targets it had where they were when targets are added or removed', () => {
    const added = [...TARGETS, ...REGIONS.map((region) => ({ id: `aws-999999999999-${region}`, label: region })), { id: 'aws-100000000000-il-central-1', label: 'new region' }];
    const removed = TARGETS.filter((_, index) => index % 5 !== 0);
    for (const count of [2, 3, 10]) {
      for (const target of TARGETS) expect(shardOf(target.id, count)).toBe(shardOf(target.id, count));
      for (const shard of shards(count)) {
        const before = new Set(ids(inShard(TARGETS, shard)));
        expect(ids(inShard(added, shard)).filter((id) => TARGETS.some((target) => target.id === id))).toEqual([...before]);
        expect(new Set(ids(inShard(removed, shard)))).toEqual(new Set([...before].filter((id) => removed.some((target) => target.id === id))));
      }
    }
  });

  it('is the same on every machine: pinned values', () => {
    // A change of hash would move every target between shards while a matrix is half way: these must never change.
    expect([shardOf('aws-123456789012-eu-west-1', 3), shardOf('azure-11111111-1111-1111-1111-111111111111', 3), shardOf('gcp-prod', 3)]).toEqual(PINNED);
  });
});

const PINNED = [3, 1, 2];
