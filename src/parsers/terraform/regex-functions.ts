import type { Matcher, RE2JS } from 're2js';
import { scalar, type IacValue } from '../iac/value.js';
import { arity, known, MAX_ITEMS, MAX_TEXT, sized, text, type FunctionCall, type Implementation } from './function-call.js';
import { regexEngine } from './lazy-libraries.js';
import { asText, EvaluationError, list, object, OverBudget } from './values.js';

const MAX_PATTERN = 10_000;

/** What one match gives in `regex` and `regexall`: the whole match, the groups in order, or the named groups. */
type Shape = 'whole' | 'groups' | 'named';

/**
 * Terraform's regular expressions, as Go's regexp runs them (RE2 syntax, matches of the leftmost first alternative,
 * Go's rules for empty matches and `$name` in a replacement), checked against `terraform console`.
 */
export const REGEX_FUNCTIONS: Record<string, Implementation> = {
  regex: (call) => {
    arity(call, 2);
    return known(call, ([source, subject]) => {
      const text = asText(subject);
      const pattern = compiled(call, asText(source), text);
      const [first] = matchesOf(pattern, text, 1);
      if (first === undefined) throw new EvaluationError('regex() found no match');
      return matchValue(pattern, text, first, call.line);
    });
  },
  regexall: (call) => {
    arity(call, 2);
    return known(call, ([source, subject]) => {
      const text = asText(subject);
      const pattern = compiled(call, asText(source), text);
      // One match past the limit is enough for sized() to refuse the list: a hostile text is not matched to its end.
      return sized(matchesOf(pattern, text, MAX_ITEMS + 1).map((match) => matchValue(pattern, text, match, call.line)), call.line, call);
    });
  },
};

/** `replace(value, "/re/", replacement)`: every match replaced, as Go's ReplaceAllString does. */
export function replaceMatches(call: FunctionCall, subject: string, source: string, replacement: string): IacValue {
  const pattern = compiled(call, source, subject);
  let replaced = '';
  let lastEnd = 0;
  let position = 0;
  while (position <= subject.length && pattern.matcher.find(position)) {
    const match = spans(pattern.matcher, pattern.groups);
    const [start, end] = match[0];
    replaced += subject.slice(lastEnd, start);
    // An empty match right after another match is not replaced, or `b*` would replace "b" and then "" after it.
    if (end > lastEnd || start === 0) replaced += expanded(replacement, subject, match, pattern.names);
    lastEnd = end;
    position = Math.max(position + characterWidth(subject, position), end);
    if (replaced.length > MAX_TEXT) throw new OverBudget(`replace() makes a string longer than ${MAX_TEXT} characters`);
  }
  return text(replaced + subject.slice(lastEnd), call.line, call);
}

interface Pattern {
  matcher: Matcher;
  groups: number;
  names: Record<string, number>;
  shape: Shape;
}

type Span = [start: number, end: number];

function compiled(call: FunctionCall, source: string, subject: string): Pattern {
  const engine = regexEngine();
  if (engine === undefined) throw new EvaluationError(`${call.name}() with a regular expression is not evaluated`);
  if (source.length > MAX_PATTERN) throw new OverBudget(`${call.name}() of a regular expression longer than ${MAX_PATTERN} characters`);
  // RE2 is linear in pattern times subject: the cost is charged as such.
  call.charge(Math.ceil((Math.max(source.length, 1) * (subject.length + 1)) / 64));
  let regex: RE2JS;
  try {
    regex = engine.compile(source);
  } catch (error) {
    // RE2's message ends with the offending piece of the pattern; the message says what is wrong without echoing it.
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '').replace(/: `[\s\S]*$/, '') : 'invalid';
    throw new EvaluationError(`${call.name}() of an invalid regular expression (${reason})`);
  }
  const groups = regex.groupCount();
  const names = regex.namedGroups();
  const named = Object.keys(names).length;
  if (named > 0 && named < groups) throw new EvaluationError(`${call.name}() of a regular expression that mixes named and unnamed groups`);
  const shape: Shape = groups === 0 ? 'whole' : named > 0 ? 'named' : 'groups';
  return { matcher: regex.matcher(subject), groups, names, shape };
}

/** Up to `limit` matches, each the spans of the whole match and its groups, as Go's FindAllStringSubmatchIndex finds them. */
function matchesOf(pattern: Pattern, subject: string, limit: number): Span[][] {
  const found: Span[][] = [];
  let position = 0;
  let previousEnd = -1;
  while (found.length < limit && position <= subject.length && pattern.matcher.find(position)) {
    const match = spans(pattern.matcher, pattern.groups);
    const [start, end] = match[0];
    // An empty match where the previous match ended is skipped: regexall("a*", "baaac") is ["", "aaa", ""].
    const accepted = !(end === position && start === previousEnd);
    position = end === position ? position + characterWidth(subject, position) : end;
    previousEnd = end;
    if (accepted) found.push(match);
  }
  return found;
}

function spans(matcher: Matcher, groups: number): Span[] {
  return Array.from({ length: groups + 1 }, (_, group): Span => [matcher.start(group), matcher.end(group)]);
}

/** One code point: a match never ends inside a surrogate pair. At the end, one past it, to stop the search. */
function characterWidth(subject: string, position: number): number {
  const code = subject.codePointAt(position);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

function matchValue(pattern: Pattern, subject: string, match: Span[], line: number): IacValue {
  const group = (index: number): IacValue => {
    const [start, end] = match[index];
    return scalar(start < 0 ? null : subject.slice(start, end), line);
  };
  if (pattern.shape === 'whole') return group(0);
  if (pattern.shape === 'groups') return list(Array.from({ length: pattern.groups }, (_, index) => group(index + 1)), line);
  return object(new Map(Object.entries(pattern.names).map(([name, index]) => [name, group(index)])), line);
}

/** A replacement with `$1`, `${1}`, `$name`, `${name}` and `$$` expanded, as Go's Regexp.Expand does. */
function expanded(template: string, subject: string, match: Span[], names: Record<string, number>): string {
  let result = '';
  let rest = template;
  for (let dollar = rest.indexOf('$'); dollar >= 0; dollar = rest.indexOf('$')) {
    result += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      result += '$';
      rest = rest.slice(1);
      continue;
    }
    const reference = GROUP_REFERENCE.exec(rest);
    if (reference === null) {
      result += '$';
      continue;
    }
    rest = rest.slice(reference[0].length);
    const name = reference[1] ?? reference[2];
    // A name of digits is a group's number, unless it has a leading zero; any other name not a group's is nothing.
    const index = /^(?:0|[1-9][0-9]{0,7})$/.test(name) ? Number(name) : Object.hasOwn(names, name) ? names[name] : -1;
    const span = match[index];
    if (span !== undefined && span[0] >= 0) result += subject.slice(span[0], span[1]);
  }
  return result + rest;
}

/** `${name}` or the longest run of letters, digits and `_` (Go's unicode.IsLetter / IsDigit). */
const GROUP_REFERENCE = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u;
