import type { Random } from '../test/support/seeded-random.js';

/** A whole number in [0, count). */
export function below(random: Random, count: number): number {
  return Math.floor(random() * count);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[below(random, items.length)];
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Picks by weight: `[[3, 'a'], [1, 'b']]` gives 'a' three times as often as 'b'. */
export function weighted<T>(random: Random, choices: readonly (readonly [number, T])[]): T {
  let total = 0;
  for (const [weight] of choices) total += weight;
  let roll = random() * total;
  for (const [weight, item] of choices) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return choices[choices.length - 1][1];
}

/**
 * The random generator of one input of a run: each input has its own, derived from the run's seed and the input's
 * number, so that any input can be made again alone (`npm run fuzz -- --seed S --replay N`).
 */
export function inputSeed(runSeed: number, index: number): number {
  let state = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b) >>> 0;
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0;
  return (state ^ (state >>> 16)) >>> 0;
}
