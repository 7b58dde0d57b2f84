import { scalar, type IacValue } from '../iac/value.js';
import type { ArmFunction, CallSite } from './call-site.js';
import { arity, builtList, strict, text } from './function-helpers.js';
import { armText, jsonText, mergedUnknown, numberOf, readableText, textOf, withReadableText } from './values.js';

/** String functions of ARM templates. */
export const TEXT_FUNCTIONS: Record<string, ArmFunction> = {
  concat: (args, call) => {
    if (args.length === 0) return call.invalid('takes at least one argument');
    const values = args.map((argument) => argument.value());
    if (values[0].kind === 'list') {
      if (values.some((value) => value.kind === 'unknown')) return mergedUnknown(call.line, values.filter((value) => value.kind === 'unknown'));
      if (values.some((value) => value.kind !== 'list')) return call.invalid('joins lists only with lists');
      return builtList(values.flatMap((value) => (value.kind === 'list' ? value.items : [])), call);
    }
    return joinedText(values, args.map((argument) => argument.text), call);
  },
  format: (args, call) => {
    if (args.length === 0) return call.invalid('takes a format text');
    const values = args.map((argument) => argument.value());
    const template = textOf(values[0]);
    if (values[0].kind === 'unknown') return mergedUnknown(call.line, values);
    if (template === undefined) return call.invalid('the format is not a text');
    const parts: IacValue[] = [];
    const partTexts: string[] = [];
    let literal = '';
    for (let index = 0; index < template.length; index++) {
      const character = template[index];
      if ((character === '{' || character === '}') && template[index + 1] === character) {
        literal += character;
        index++;
      } else if (character === '{') {
        const close = template.indexOf('}', index);
        const match = close < 0 ? null : /^(\d{1,3})(?::(.*))?$/.exec(template.slice(index + 1, close));
        if (!match) return call.invalid('the format has a malformed {…} placeholder');
        const argument = values[Number(match[1]) + 1];
        if (!argument) return call.invalid(`the format names argument ${match[1]}, which is not given`);
        if (match[2] !== undefined && argument.kind !== 'unknown') {
          call.report('iac/unsupported', `format(): the format specifier in a {…} placeholder is not evaluated — judged as unknown`, 'warning');
          return call.unknownCall();
        }
        parts.push(scalar(literal, call.line), argument);
        partTexts.push(`'${literal}'`, args[Number(match[1]) + 1].text);
        literal = '';
        index = close;
      } else literal += character;
    }
    parts.push(scalar(literal, call.line));
    partTexts.push(`'${literal}'`);
    return joinedText(parts, partTexts, call);
  },
  string: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    if (value.kind === 'scalar') return scalar(typeof value.value === 'string' ? value.value : armText(value), call.line);
    const json = jsonText(value);
    return json === undefined ? mergedUnknown(call.line, [value]) : text(json, call);
  }),
  tolower: (args, call) => oneText(args, call, (value) => value.toLowerCase()),
  toupper: (args, call) => oneText(args, call, (value) => value.toUpperCase()),
  trim: (args, call) => oneText(args, call, (value) => value.trim()),
  replace: (args, call) => arity(args, call, 3) ?? strict(args, call, ([original, old, replacement]) => {
    const [a, b, c] = [textOf(original), textOf(old), textOf(replacement)];
    if (a === undefined || b === undefined || c === undefined) return call.invalid('takes three texts');
    return text(b === '' ? a : a.split(b).join(c), call);
  }),
  split: (args, call) => arity(args, call, 2) ?? strict(args, call, ([input, delimiters]) => {
    const value = textOf(input);
    const separators = delimiters.kind === 'list' ? delimiters.items.map(textOf) : [textOf(delimiters)];
    if (value === undefined || separators.some((separator) => separator === undefined || separator === '')) return call.invalid('takes a text and one or more delimiters');
    let pieces = [value];
    for (const separator of separators as string[]) pieces = pieces.flatMap((piece) => piece.split(separator));
    return builtList(pieces.map((piece) => scalar(piece, call.line)), call);
  }),
  join: (args, call) => arity(args, call, 2) ?? strict(args, call, ([items, delimiter]) => {
    const separator = textOf(delimiter);
    if (items.kind !== 'list' || separator === undefined) return call.invalid('takes a list and a delimiter');
    if (items.items.some((item) => item.kind === 'unknown')) return mergedUnknown(call.line, items.items);
    if (items.items.some((item) => item.kind !== 'scalar')) return call.invalid('joins texts, numbers and booleans only');
    return text(items.items.map((item) => armText(item as Extract<IacValue, { kind: 'scalar' }>)).join(separator), call);
  }),
  substring: (args, call) => arity(args, call, 2, 3) ?? strict(args, call, ([input, start, length]) => {
    const value = textOf(input), from = numberOf(start), count = length ? numberOf(length) : undefined;
    if (value === undefined || from === undefined || from < 0 || from > value.length || (length && (count === undefined || count < 0 || from + count > value.length))) return call.invalid('takes a text and a start and length inside it');
    return scalar(value.substr(from, count ?? value.length - from), call.line);
  }),
  startswith: (args, call) => twoTexts(args, call, (a, b) => a.toLowerCase().startsWith(b.toLowerCase())),
  endswith: (args, call) => twoTexts(args, call, (a, b) => a.toLowerCase().endsWith(b.toLowerCase())),
  indexof: (args, call) => twoTexts(args, call, (a, b) => a.toLowerCase().indexOf(b.toLowerCase())),
  lastindexof: (args, call) => twoTexts(args, call, (a, b) => a.toLowerCase().lastIndexOf(b.toLowerCase())),
  padleft: (args, call) => arity(args, call, 2, 3) ?? strict(args, call, ([input, width, padding]) => {
    const value = input.kind === 'scalar' ? armText(input) : undefined, total = numberOf(width), pad = padding ? textOf(padding) : ' ';
    if (value === undefined || total === undefined || pad === undefined || pad.length !== 1) return call.invalid('takes a value, a length and one padding character');
    return text(value.padStart(Math.min(total, 1_000_000 + value.length), pad), call);
  }),
};

function oneText(args: Parameters<ArmFunction>[0], call: CallSite, body: (value: string) => string): IacValue {
  return arity(args, call, 1) ?? strict(args, call, ([input]) => {
    const value = textOf(input);
    return value === undefined ? call.invalid('takes a text') : scalar(body(value), call.line);
  });
}

function twoTexts(args: Parameters<ArmFunction>[0], call: CallSite, body: (a: string, b: string) => string | number | boolean): IacValue {
  return arity(args, call, 2) ?? strict(args, call, ([first, second]) => {
    const a = textOf(first), b = textOf(second);
    return a === undefined || b === undefined ? call.invalid('takes two texts') : scalar(body(a, b), call.line);
  });
}

/** Text joined from parts; with an unknown part, an unknown whose readable text shows that part's expression. */
function joinedText(values: IacValue[], texts: string[], call: CallSite): IacValue {
  const unknownParts = values.filter((value) => value.kind === 'unknown');
  if (unknownParts.length > 0) {
    const readable = values.map((value, index) => readableText(value, texts[index])).join('');
    return withReadableText(mergedUnknown(call.line, unknownParts), readable.length > 200 ? `${readable.slice(0, 199)}…` : readable);
  }
  let joined = '';
  for (const value of values) {
    if (value.kind !== 'scalar') return call.invalid('joins texts with lists or objects');
    joined += armText(value);
    if (joined.length > 2 * 1024 * 1024) break;
  }
  return text(joined, call);
}
