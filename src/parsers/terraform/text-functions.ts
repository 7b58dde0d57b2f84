import { scalar } from '../iac/value.js';
import { arity, known, stringFunction, text, type Implementation } from './function-call.js';
import { asNumber, asText, EvaluationError } from './values.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The text's user-perceived characters, as Terraform counts them in length() and substr(): `e` with its accent, `\r\n`, an emoji with its skin tone are one each. */
export function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (piece) => piece.segment);
}

/** Letters, digits and `_` continue a word; anything else starts the next (Go's strings.Title). */
const CONTINUES_WORD = /[\p{L}\p{N}_]/u;

/** Terraform's string functions beyond the common ones, each as `terraform console` gives it. */
export const TEXT_FUNCTIONS: Record<string, Implementation> = {
  trim: (call) => {
    arity(call, 2);
    return known(call, ([value, cutset]) => {
      const cut = new Set(asText(cutset));
      const characters = [...asText(value)];
      let start = 0;
      let end = characters.length;
      while (start < end && cut.has(characters[start])) start++;
      while (end > start && cut.has(characters[end - 1])) end--;
      return text(characters.slice(start, end).join(''), call.line, call);
    });
  },
  // Trailing newlines, \r and \n in any order: chomp("a\n\r") is "a".
  chomp: stringFunction(chomped),
  title: stringFunction((value) => {
    let previous = '';
    let titled = '';
    for (const character of value) {
      titled += CONTINUES_WORD.test(previous) ? character : character.toUpperCase();
      previous = character;
    }
    return titled;
  }),
  // By grapheme cluster: an accent stays on its letter.
  strrev: stringFunction((value) => graphemesOf(value).reverse().join('')),
  indent: (call) => {
    arity(call, 2);
    return known(call, ([spaces, value]) => {
      const count = asNumber(spaces);
      if (!Number.isInteger(count) || count < 0 || count > 1000) throw new EvaluationError('indent() of a count that is not a whole number from 0 to 1000');
      return text(asText(value).replaceAll('\n', `\n${' '.repeat(count)}`), call.line, call);
    });
  },
  strcontains: (call) => {
    arity(call, 2);
    return known(call, ([value, part]) => scalar(asText(value).includes(asText(part)), call.line));
  },
  base64encode: stringFunction((value) => Buffer.from(value, 'utf8').toString('base64')),
  base64decode: stringFunction((value) => {
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) throw new EvaluationError('base64decode() of text that is not base64');
    const bytes = Buffer.from(value, 'base64');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new EvaluationError('base64decode() of bytes that are not UTF-8');
    }
  }),
};

/** The text without its trailing line ends (a pattern anchored at the end would retry from each one: quadratic). */
function chomped(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === '\n' || value[end - 1] === '\r')) end--;
  return value.slice(0, end);
}
