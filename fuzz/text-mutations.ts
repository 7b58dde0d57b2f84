import type { Random } from '../test/support/seeded-random.js';
import { below, chance, pick } from './choose.js';

/** One change to an input's text, and a line saying what it did (part of the recipe printed for a failing input). */
export interface TextMutation {
  name: string;
  apply(text: string, random: Random): { text: string; detail: string };
}

/** Mutations never grow an input past this: larger files are the size limits' business, tested on their own. */
export const MAX_TEXT = 4 * 1024 * 1024;

/** How many copies of a piece of text to add: as many as wanted while the copies stay within MAX_TEXT. */
export function repeatsWithin(length: number, wanted: number): number {
  return Math.max(1, Math.min(wanted, Math.floor(MAX_TEXT / Math.max(1, length))));
}

/** Tokens that mean something to some parser, or to JavaScript: inserted anywhere. */
const JUNK = [
  '{', '}', '[', ']', '"', "'", '\\', ':', ',', '#', '=', '/', '*', '?', '-', '..', '\t', '\r', '\n', '\n\n', ' ',
  '\u0000', '\uFEFF', '\u00A0', '\u3000', '\u200B', '\u200D', '\u0301', '😀', '\uFFFD', '\uD800', '\uDC00', '\u2028',
  'null', 'true', 'false', 'undefined', 'NaN', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '%s%n%x', '${HOME}', '$(id)', '`id`', '../../../../etc/passwd', '<script>', '&amp;', '\\u0000', '\\ud800', '\\"',
  'Match', 'Match All', 'Match User root', 'Include', 'Include *', 'Port', 'PasswordAuthentication yes', 'AllowUsers',
  'Status: active', 'ALLOW', 'DENY IN', 'LIMIT', 'Anywhere', 'Anywhere (v6)', '(v6)', ' on eth0', '[ 1] ', '### tuple ###',
  'Rule Name:', 'Regelname:', 'LocalPort:', 'RemoteIP:', 'Action:', 'Enabled:', '-'.repeat(70), 'Ok.',
  '"SecurityGroups":', '"IpPermissions": [', '"value": [', '"securityRules":', '"items": [', '"sourceRanges":',
  '0.0.0.0/0', '::/0', '10.0.0.0/8', '1.2.3.4/33', '256.1.1.1', 'fe80::1%eth0', '*', 'Any', 'any', 'all', '-1',
];

/** Numbers where parsers keep ports, priorities, counts and prefixes. */
const HUGE_NUMBERS = [
  '65535', '65536', '0', '-1', '-0', '2147483647', '2147483648', '4294967295', '4294967296', '9007199254740993',
  '99999999999999999999', '1e308', '1e309', '-1e308', '1e-400', '1.5', '+22', '022', '0x16', '0b1', '1_000', 'NaN',
  'Infinity', '-Infinity', '１２', '٢٢', '9'.repeat(400),
];

/** Characters long runs are made of. */
const RUN_CHARACTERS = [' ', '\t', '\\', '"', '[', '{', '#', '*', ':', ',', '\n', '\r\n', '0', '9', 'a', '/', '.', '-', '%', '\u00e9', '\u202E'];

/** Unicode bidirectional controls: text that displays in another order than it is read. */
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

export const TEXT_MUTATIONS: readonly TextMutation[] = [
  {
    name: 'truncate',
    apply(text, random) {
      const at = below(random, text.length + 1);
      return { text: text.slice(0, at), detail: `cut at character ${at} of ${text.length}` };
    },
  },
  {
    name: 'junk',
    apply(text, random) {
      const at = insertionPoint(text, random);
      const junk = chance(random, 0.8) ? pick(random, JUNK) : randomString(random, 1 + below(random, 24));
      return { text: text.slice(0, at) + junk + text.slice(at), detail: `inserted ${JSON.stringify(junk)} at ${at}` };
    },
  },
  {
    name: 'huge-number',
    apply(text, random) {
      const numbers = [...text.matchAll(/\d+/g)];
      const huge = pick(random, HUGE_NUMBERS);
      if (numbers.length === 0) {
        const at = insertionPoint(text, random);
        return { text: text.slice(0, at) + huge + text.slice(at), detail: `inserted ${huge.slice(0, 40)} at ${at} (no number to replace)` };
      }
      const number = pick(random, numbers);
      const at = number.index!;
      return { text: text.slice(0, at) + huge + text.slice(at + number[0].length), detail: `replaced ${number[0]} at ${at} by ${huge.slice(0, 40)}` };
    },
  },
  {
    name: 'long-run',
    apply(text, random) {
      const at = insertionPoint(text, random);
      const long = chance(random, 0.5);
      const run = long ? randomString(random, 100 * 1024, 'abcdefghijklmnopqrstuvwxyz0123456789./:-_') : pick(random, RUN_CHARACTERS).repeat(10_000);
      const what = long ? 'a 100 KB token' : `10,000 × ${JSON.stringify(run.slice(0, run.length / 10_000))}`;
      return { text: text.slice(0, at) + run + text.slice(at), detail: `inserted ${what} at ${at}` };
    },
  },
  {
    name: 'lines',
    apply(text, random) {
      const lines = text.split('\n');
      const a = below(random, lines.length);
      const b = below(random, lines.length);
      switch (below(random, 5)) {
        case 0:
          [lines[a], lines[b]] = [lines[b], lines[a]];
          return { text: lines.join('\n'), detail: `swapped lines ${a + 1} and ${b + 1}` };
        case 1: {
          const times = repeatsWithin(lines[a].length + 1, pick(random, [1, 2, 10, 1000, 20_000]));
          lines.splice(a, 0, ...Array<string>(times).fill(lines[a]));
          return { text: lines.join('\n'), detail: `repeated line ${a + 1} ${times} more times` };
        }
        case 2:
          lines.splice(a, 1);
          return { text: lines.join('\n'), detail: `deleted line ${a + 1}` };
        case 3: {
          const [from, to] = a < b ? [a, b] : [b, a];
          lines.splice(from, to - from + 1);
          return { text: lines.join('\n'), detail: `deleted lines ${from + 1}–${to + 1}` };
        }
        default: {
          const [from, to] = a < b ? [a, b] : [b, a];
          const block = lines.slice(from, to + 1);
          lines.splice(to + 1, 0, ...block);
          return { text: lines.join('\n'), detail: `repeated lines ${from + 1}–${to + 1} once` };
        }
      }
    },
  },
  {
    name: 'line-ends',
    apply(text, random) {
      switch (below(random, 4)) {
        case 0: return { text: text.replace(/\r?\n/g, '\r\n'), detail: 'every line end CRLF' };
        case 1: return { text: text.replace(/\r\n/g, '\n'), detail: 'every line end LF' };
        case 2: return { text: text.replace(/\r?\n/g, '\r'), detail: 'every line end a lone CR' };
        default: {
          const at = insertionPoint(text, random);
          return { text: `${text.slice(0, at)}\r${text.slice(at)}`, detail: `a lone CR at ${at}` };
        }
      }
    },
  },
  {
    name: 'bidi',
    apply(text, random) {
      const at = insertionPoint(text, random);
      const control = pick(random, BIDI);
      return { text: text.slice(0, at) + control + text.slice(at), detail: `inserted U+${control.codePointAt(0)!.toString(16).toUpperCase()} at ${at}` };
    },
  },
  {
    name: 'lone-surrogate',
    apply(text, random) {
      const at = below(random, text.length + 1);
      const surrogate = pick(random, ['\uD800', '\uDBFF', '\uDC00', '\uDFFF']);
      return { text: text.slice(0, at) + surrogate + text.slice(at), detail: `inserted lone surrogate U+${surrogate.charCodeAt(0).toString(16).toUpperCase()} at ${at}` };
    },
  },
  {
    name: 'case',
    apply(text, random) {
      const words = [...text.matchAll(/[A-Za-z]{2,}/g)];
      if (words.length === 0) return { text, detail: 'no word to change case' };
      const word = pick(random, words);
      const changed = chance(random, 0.5) ? word[0].toUpperCase() : word[0].toLowerCase();
      return { text: text.slice(0, word.index) + changed + text.slice(word.index! + word[0].length), detail: `changed the case of ${word[0].slice(0, 40)} at ${word.index}` };
    },
  },
  {
    name: 'whitespace',
    apply(text, random) {
      const spaces = [...text.matchAll(/[ \t]+/g)];
      if (spaces.length === 0) return { text, detail: 'no whitespace to change' };
      const space = pick(random, spaces);
      const replacement = pick(random, ['', '\t', ' ', '   ', '\u00A0', '\u3000', '\u2003', '\v', '\f', ' '.repeat(200)]);
      return { text: text.slice(0, space.index) + replacement + text.slice(space.index! + space[0].length), detail: `replaced whitespace at ${space.index} by ${JSON.stringify(replacement.slice(0, 5))}${replacement.length > 5 ? '…' : ''}` };
    },
  },
];

/** Mostly where a line or a token starts, where inserted text reaches the parser intact; sometimes anywhere. */
function insertionPoint(text: string, random: Random): number {
  if (chance(random, 0.5)) return below(random, text.length + 1);
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0 && starts.length < 5000; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  const line = pick(random, starts);
  const end = text.indexOf('\n', line);
  const length = (end < 0 ? text.length : end) - line;
  return chance(random, 0.5) ? line : line + below(random, length + 1);
}

function randomString(random: Random, length: number, alphabet?: string): string {
  const codes: number[] = [];
  for (let index = 0; index < length; index++) {
    codes.push(alphabet ? alphabet.charCodeAt(below(random, alphabet.length)) : randomCharCode(random));
  }
  let text = '';
  for (let start = 0; start < codes.length; start += 8192) text += String.fromCharCode(...codes.slice(start, start + 8192));
  return text;
}

function randomCharCode(random: Random): number {
  const roll = random();
  if (roll < 0.6) return 0x20 + below(random, 0x5f);
  if (roll < 0.7) return below(random, 0x20);
  if (roll < 0.85) return 0x80 + below(random, 0x780);
  return below(random, 0x10000);
}
