import type { Random } from '../test/support/seeded-random.js';
import { below, chance, pick, weighted } from './choose.js';
import { BYTE_MUTATIONS, decodeSeed, encode, ENCODINGS } from './encodings.js';
import { formatMutations } from './format-mutations.js';
import type { Seed } from './seeds.js';
import { MAX_TEXT, TEXT_MUTATIONS, type TextMutation } from './text-mutations.js';

/** An input made from a seed, and how: the recipe printed when it makes Parapet fail. */
export interface Mutant {
  bytes: Buffer;
  recipe: string[];
}

/**
 * One to three changes to the seed's text (generic or aware of its format), then, sometimes, a change of encoding
 * and damage to the bytes themselves.
 */
export function mutate(seed: Seed, random: Random): Mutant {
  const decoded = decodeSeed(seed.bytes);
  let { text } = decoded;
  const recipe = [`seed ${seed.name} (${seed.type}, ${decoded.encoding}, ${seed.bytes.length} bytes)`];
  const structural = formatMutations(seed.type);
  const steps = pick(random, [1, 1, 1, 2, 2, 3]);
  for (let step = 0; step < steps; step++) {
    const mutation: TextMutation = structural.length > 0 && chance(random, 0.35) ? pick(random, structural) : pick(random, TEXT_MUTATIONS);
    const result = mutation.apply(text, random);
    if (result.text.length > MAX_TEXT) {
      recipe.push(`${mutation.name}: ${result.detail} — undone, the text would pass ${MAX_TEXT} characters`);
      continue;
    }
    text = result.text;
    recipe.push(`${mutation.name}: ${result.detail}`);
  }

  const encoding = chance(random, 0.15) ? pick(random, ENCODINGS) : decoded.encoding;
  if (encoding !== decoded.encoding) recipe.push(`encoded as ${encoding}`);
  let bytes = encode(text, encoding);

  const damage = weighted(random, [[80, 0], [15, 1], [5, 2]] as const);
  for (let step = 0; step < damage; step++) {
    const mutation = pick(random, BYTE_MUTATIONS);
    const result = mutation.apply(bytes, random);
    bytes = result.bytes;
    recipe.push(`${mutation.name}: ${result.detail}`);
  }
  return { bytes, recipe };
}

/** Some inputs are scanned the way a directory scan meets them (detected), the rest forced to their seed's type. */
export function detectsType(random: Random): boolean {
  return below(random, 5) === 0;
}
