import { EvaluationError, OverBudget } from './values.js';

/** More alternatives than this from `{a,b}` in one pattern is hostile input. */
const MAX_ALTERNATIVES = 64;

/**
 * The patterns `{a,b}` stands for, in order (`rules/*.{yaml,yml}` is `rules/*.yaml` and `rules/*.yml`); `\` escapes a
 * brace or a comma. As Terraform's fileset, an alternative may not hold a `/`; braces inside braces, which Terraform
 * matches in its own way, are not evaluated.
 */
export function braceExpansions(pattern: string): string[] {
  const open = findUnescaped(pattern, '{', 0);
  if (open < 0) return [pattern];
  const close = findUnescaped(pattern, '}', open + 1);
  if (close < 0) throw new EvaluationError('fileset() of a pattern with an unclosed {');
  const inside = pattern.slice(open + 1, close);
  if (findUnescaped(inside, '{', 0) >= 0) throw new EvaluationError('fileset() of a pattern with braces inside braces is not evaluated');
  if (inside.includes('/')) throw new EvaluationError('fileset() of a pattern with a / inside braces, which Terraform rejects');
  const alternatives: string[] = [];
  for (let start = 0, comma = findUnescaped(inside, ',', 0); ; comma = findUnescaped(inside, ',', start)) {
    alternatives.push(inside.slice(start, comma < 0 ? undefined : comma));
    if (comma < 0) break;
    start = comma + 1;
  }
  const expansions: string[] = [];
  for (const end of braceExpansions(pattern.slice(close + 1))) {
    for (const alternative of alternatives) {
      expansions.push(pattern.slice(0, open) + alternative + end);
      if (expansions.length > MAX_ALTERNATIVES) throw new OverBudget(`fileset() of a pattern with more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return expansions;
}

function findUnescaped(text: string, wanted: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === wanted) return index;
  }
  return -1;
}

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'literal'; character: string } | { kind: 'class'; negated: boolean; ranges: [string, string][] };

/**
 * A `[...]` class from `start`, and where it ends, as Terraform's fileset reads one: `^` first negates (`!` is a
 * character like any other), `a-z` is a range (a reversed one matches nothing), `\\` escapes; an empty class, a range
 * without its end or a range of a range is rejected.
 */
function characterClass(characters: string[], start: number): { token: Token; end: number } {
  const negated = characters[start + 1] === '^';
  const ranges: [string, string][] = [];
  const malformed = () => new EvaluationError('fileset() of a pattern with a malformed [class]');
  let at = negated ? start + 2 : start + 1;
  const next = (): string => {
    const character = characters[at] === '\\' ? characters[++at] : characters[at];
    if (character === undefined) throw new EvaluationError('fileset() of a pattern with an unclosed [');
    at++;
    return character;
  };
  if (characters[at] === ']') throw malformed();
  while (characters[at] !== ']') {
    const low = next();
    let high = low;
    if (characters[at] === '-') {
      at++;
      if (characters[at] === ']' || characters[at] === undefined) throw malformed();
      high = next();
      if (characters[at] === '-') throw malformed();
    }
    ranges.push([low, high]);
    if (at >= characters.length) throw new EvaluationError('fileset() of a pattern with an unclosed [');
  }
  return { token: { kind: 'class', negated, ranges }, end: at };
}

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
      const { token, end } = characterClass(characters, index);
      tokens.push(token);
      index = end;
    } else tokens.push({ kind: 'literal', character });
  }
  return tokens;
}
