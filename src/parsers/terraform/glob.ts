import { EvaluationError, OverBudget } from './values.js';

/** More alternatives than this from `{a,b}` in one pattern is hostile input. */
const MAX_ALTERNATIVES = 64;

/**
 * The patterns `{a,b}` stands for, in order (`rules/*.{yaml,yml}` is `rules/*.yaml` and `rules/*.yml`); braces may
 * nest, and `\` escapes a brace or a comma.
 */
export function braceExpansions(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let index = open; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') index++;
    else if (character === '{') depth++;
    else if (character === ',' && depth === 1) commas.push(index);
    else if (character === '}' && --depth === 0) {
      const bounds = [open, ...commas, index];
      const before = pattern.slice(0, open);
      const after = braceExpansions(pattern.slice(index + 1));
      const expansions: string[] = [];
      for (let part = 0; part + 1 < bounds.length; part++) {
        for (const middle of braceExpansions(pattern.slice(bounds[part] + 1, bounds[part + 1]))) {
          for (const end of after) {
            expansions.push(before + middle + end);
            if (expansions.length > MAX_ALTERNATIVES) throw new OverBudget(`fileset() of a pattern with more than ${MAX_ALTERNATIVES} alternatives`);
          }
        }
      }
      return expansions;
    }
  }
  throw new EvaluationError('fileset() of a pattern with an unclosed {');
}

function findUnescaped(text: string, wanted: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === wanted) return index;
  }
  return -1;
}

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'literal'; character: string } | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/** Whether a pattern segment has anything but literal characters. */
export function isWildcard(segment: string): boolean {
  return /[*?[\\]/.test(segment);
}

/**
 * Whether `name` (one path segment) matches `segment`: `*` any run of characters, `?` one character, `[a-z]` and
 * `[!a]`/`[^a]` a class, `\x` the character x. In time proportional to their lengths' product: a pattern of many
 * stars never backtracks without bound, as a regular expression built from it could.
 */
export function segmentMatches(segment: string, name: string): boolean {
  const tokens = tokenize(segment);
  const characters = [...name];
  let token = 0;
  let position = 0;
  let star = -1;
  let resume = 0;
  while (position < characters.length) {
    const current = tokens[token];
    if (current?.kind === 'star') {
      star = token++;
      resume = position;
    } else if (current !== undefined && matchesOne(current, characters[position])) {
      token++;
      position++;
    } else if (star >= 0) {
      token = star + 1;
      position = ++resume;
    } else return false;
  }
  while (tokens[token]?.kind === 'star') token++;
  return token === tokens.length;
}

function matchesOne(token: Token, character: string): boolean {
  switch (token.kind) {
    case 'one': return true;
    case 'literal': return token.character === character;
    case 'class': return token.ranges.some(([low, high]) => low <= character && character <= high) !== token.negated;
    default: return false;
  }
}

function tokenize(segment: string): Token[] {
  const characters = [...segment];
  const tokens: Token[] = [];
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index];
    if (character === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (character === '?') tokens.push({ kind: 'one' });
    else if (character === '\\') {
      if (index + 1 >= characters.length) throw new EvaluationError('fileset() of a pattern that ends in \\');
      tokens.push({ kind: 'literal', character: characters[++index] });
    } else if (character === '[') {
      const negated = characters[index + 1] === '!' || characters[index + 1] === '^';
      let at = negated ? index + 2 : index + 1;
      const ranges: [string, string][] = [];
      while (at < characters.length && (characters[at] !== ']' || ranges.length === 0)) {
        let low = characters[at];
        if (low === '\\') low = characters[++at];
        let high = low;
        if (characters[at + 1] === '-' && at + 2 < characters.length && characters[at + 2] !== ']') {
          high = characters[at + 2] === '\\' ? characters[at + 3] : characters[at + 2];
          at += characters[at + 2] === '\\' ? 3 : 2;
        }
        if (low === undefined || high === undefined || high < low) throw new EvaluationError('fileset() of a pattern with a malformed [class]');
        ranges.push([low, high]);
        at++;
      }
      if (at >= characters.length) throw new EvaluationError('fileset() of a pattern with an unclosed [');
      tokens.push({ kind: 'class', negated, ranges });
      index = at;
    } else tokens.push({ kind: 'literal', character });
  }
  return tokens;
}
