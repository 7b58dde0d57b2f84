import { createHash } from 'node:crypto';

/**
 * One of `count` parts of a sweep's targets, so that a GitHub Actions matrix or a Kubernetes Indexed Job reads an
 * estate side by side. Which part a target belongs to is decided by its id alone: every shard lists the targets the
 * same way and keeps its own, so every target is read by exactly one shard whatever the order the cloud lists them
 * in, and a new account or region never moves the others.
 */
export interface Shard {
  /** 1-based, as people count jobs: 1 to count. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 1000;
export const SHARD_EXPECTED = `i/n, whole numbers with 1 <= i <= n <= ${MAX_SHARDS}`;

/** `i/n` as --shard takes it, or undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && index <= count && count <= MAX_SHARDS ? { index, count } : undefined;
}

/** The shard (1 to count) that reads the target with this id. */
export function shardOf(targetId: string, count: number): number {
  // A cryptographic hash, not for secrecy: its bits are uniform for ids that differ in one character (the regions of
  // an account), and it is the same on every machine and Node version. 48 bits make the modulo's bias negligible.
  const digest = createHash('sha256').update(targetId, 'utf8').digest();
  return (digest.readUIntBE(0, 6) % count) + 1;
}

/** The items whose id falls in the shard, in the order given. */
export function inShard<T extends { id: string }>(items: readonly T[], shard: Shard): T[] {
  return items.filter((item) => shardOf(item.id, shard.count) === shard.index);
}
