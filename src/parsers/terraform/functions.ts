import { scalar, type IacValue } from '../iac/value.js';
import { cidrHost, cidrNetmask, cidrSubnet, cidrSubnets } from './cidr-functions.js';
import { FILE_FUNCTIONS } from './file-functions.js';
import { formatText } from './format-function.js';
import { NUMBER_FUNCTIONS } from './number-functions.js';
import { REGEX_FUNCTIONS, replaceMatches } from './regex-functions.js';
import { graphemesOf, TEXT_FUNCTIONS } from './text-functions.js';
import { distinctItems, setOf, unified } from './sets.js';
import { jsonDecode, jsonEncode } from './json-functions.js';
import { arity, asList, asMap, known, MAX_ITEMS, shallow, sized, stringFunction, text, type FunctionCall, type Implementation } from './function-call.js';
import { asBoolean, asNumber, asText, compareKeys, entries, equal, EvaluationError, list, object, OverBudget, unknownOf, unknownsIn } from './values.js';

/** The names of the functions evaluated here. */
export function knownFunctions(): string[] {
  return Object.keys(FUNCTIONS);
}

/** The function's value, an IacUnknown when an argument it needs is unknown, or undefined for a function not known here. */
export function callFunction(call: FunctionCall): IacValue | undefined {
  const implementation = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  return implementation?.(call);
}

function flattened(items: IacValue[], into: IacValue[], depth: number): IacValue[] {
  if (depth > 64) throw new EvaluationError('flatten() of lists nested too deeply');
  for (const item of items) {
    if (item.kind === 'list') flattened(item.items, into, depth + 1);
    else into.push(item);
  }
  return into;
}

const holds = (collection: IacValue, item: IacValue): boolean => asList(collection).some((each) => equal(each, item));

function atLeastOne(args: IacValue[], name: string): IacValue[] {
  if (args.length === 0) throw new EvaluationError(`${name}() of no numbers`);
  return args;
}

const FUNCTIONS: Record<string, Implementation> = {
  ...TEXT_FUNCTIONS,
  ...NUMBER_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...FILE_FUNCTIONS,
  concat: (call) => {
    arity(call, 1, Infinity);
    return shallow(call, (args) => sized(args.flatMap(asList), call.line, call));
  },
  flatten: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => sized(flattened(asList(value), [], 0), call.line, call));
  },
  distinct: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list(distinctItems(unified(asList(value), call.line)), call.line));
  },
  compact: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list(asList(value).filter((item) => !(item.kind === 'scalar' && (item.value === null || item.value === ''))), call.line));
  },
  tolist: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list(unified(asList(value), call.line), call.line));
  },
  toset: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => setOf(asList(value), call.line, () => true));
  },
  tomap: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => asMap(value));
  },
  tostring: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => (value.kind === 'scalar' && value.value === null ? value : scalar(asText(value), call.line)));
  },
  tonumber: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => (value.kind === 'scalar' && value.value === null ? value : scalar(asNumber(value), call.line)));
  },
  tobool: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => (value.kind === 'scalar' && value.value === null ? value : scalar(asBoolean(value), call.line)));
  },
  lookup: (call) => {
    arity(call, 2, 3);
    const map = call.argument(0);
    const key = call.argument(1);
    if (map.kind === 'unknown' || key.kind === 'unknown') return unknownOf(call.line, [map, key].filter((value) => value.kind === 'unknown') as never);
    const found = asMap(map).fields.get(asText(key));
    if (found) return found;
    if (call.count === 3) return call.argument(2);
    throw new EvaluationError('lookup() found no such key and has no default');
  },
  element: (call) => {
    arity(call, 2);
    return shallow(call, ([value, index]) => {
      const items = asList(value);
      if (index.kind === 'unknown' || unknownsIn(index).length > 0) return unknownOf(call.line, unknownsIn(index));
      if (items.length === 0) throw new EvaluationError('element() of an empty list');
      const at = asNumber(index);
      if (at < 0 || !Number.isInteger(at)) throw new EvaluationError('element() with an index that is negative or not a whole number');
      return items[at % items.length];
    });
  },
  merge: (call) =>
    shallow(call, (args) => {
      const fields = new Map<string, IacValue>();
      for (const arg of args) {
        if (arg.kind === 'scalar' && arg.value === null) continue;
        for (const [key, value] of asMap(arg).fields) fields.set(key, value);
      }
      call.charge(fields.size);
      return object(fields, call.line);
    }),
  keys: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list([...asMap(value).fields.keys()].sort(compareKeys).map((key) => scalar(key, call.line)), call.line));
  },
  values: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list(entries(asMap(value)).map(([, field]) => field), call.line));
  },
  length: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => {
      if (value.kind === 'list') return scalar(value.items.length, call.line);
      if (value.kind === 'object') return scalar(value.fields.size, call.line);
      return scalar(graphemesOf(asText(value)).length, call.line);
    });
  },
  join: (call) => {
    arity(call, 2, Infinity);
    return known(call, ([separator, ...lists]) => text(lists.flatMap(asList).map(asText).join(asText(separator)), call.line, call));
  },
  split: (call) => {
    arity(call, 2);
    return known(call, ([separator, value]) => sized(asText(value).split(asText(separator)).map((part) => scalar(part, call.line)), call.line, call));
  },
  format: (call) => {
    arity(call, 1, Infinity);
    return known(call, ([spec, ...args]) => text(formatText(asText(spec), args), call.line, call));
  },
  lower: stringFunction((value) => value.toLowerCase()),
  upper: stringFunction((value) => value.toUpperCase()),
  trimspace: stringFunction((value) => value.trim()),
  replace: (call) => {
    arity(call, 3);
    return known(call, ([value, search, replacement]) => {
      const pattern = asText(search);
      if (pattern.length >= 2 && pattern.startsWith('/') && pattern.endsWith('/')) return replaceMatches(call, asText(value), pattern.slice(1, -1), asText(replacement));
      return text(asText(value).replaceAll(pattern, asText(replacement)), call.line, call);
    });
  },
  trimprefix: (call) => {
    arity(call, 2);
    return known(call, ([value, prefix]) => scalar(asText(value).startsWith(asText(prefix)) ? asText(value).slice(asText(prefix).length) : asText(value), call.line));
  },
  trimsuffix: (call) => {
    arity(call, 2);
    return known(call, ([value, suffix]) => scalar(asText(suffix) !== '' && asText(value).endsWith(asText(suffix)) ? asText(value).slice(0, -asText(suffix).length) : asText(value), call.line));
  },
  startswith: (call) => {
    arity(call, 2);
    return known(call, ([value, prefix]) => scalar(asText(value).startsWith(asText(prefix)), call.line));
  },
  endswith: (call) => {
    arity(call, 2);
    return known(call, ([value, suffix]) => scalar(asText(value).endsWith(asText(suffix)), call.line));
  },
  coalesce: (call) => {
    const values: IacValue[] = [];
    for (let index = 0; index < call.count; index++) values.push(call.argument(index));
    // Terraform gives every argument one type first: coalesce(1, "a") is "1".
    for (const value of unified(values, call.line)) {
      if (value.kind === 'unknown') return unknownOf(call.line, [value]);
      if (value.kind === 'scalar' && (value.value === null || value.value === '')) continue;
      return value;
    }
    throw new EvaluationError('coalesce() found no non-null, non-empty argument');
  },
  coalescelist: (call) => {
    for (let index = 0; index < call.count; index++) {
      const value = call.argument(index);
      if (value.kind === 'unknown') return unknownOf(call.line, [value]);
      if (asList(value).length > 0) return value;
    }
    throw new EvaluationError('coalescelist() found no non-empty list');
  },
  contains: (call) => {
    arity(call, 2);
    return known(call, ([collection, value]) => scalar(holds(collection, value), call.line));
  },
  range: (call) => {
    arity(call, 1, 3);
    return known(call, (args) => {
      const numbers = args.map(asNumber);
      const [start, end] = numbers.length === 1 ? [0, numbers[0]] : numbers;
      const step = numbers[2] ?? (end >= start ? 1 : -1);
      if ((step > 0 && start > end) || (step < 0 && start < end)) throw new EvaluationError('range() with a step that goes away from its limit');
      if (step === 0 || (end - start) / step > MAX_ITEMS) throw new OverBudget(`range() makes more than ${MAX_ITEMS} numbers`);
      const items: IacValue[] = [];
      for (let value = start; step > 0 ? value < end : value > end; value += step) items.push(scalar(value, call.line));
      return sized(items, call.line, call);
    });
  },
  cidrsubnet: (call) => {
    arity(call, 3);
    return known(call, ([prefix, bits, number]) => scalar(cidrSubnet(asText(prefix), asNumber(bits), asNumber(number)), call.line));
  },
  cidrsubnets: (call) => {
    arity(call, 2, Infinity);
    return known(call, ([prefix, ...bits]) => list(cidrSubnets(asText(prefix), bits.map(asNumber)).map((subnet) => scalar(subnet, call.line)), call.line));
  },
  cidrnetmask: (call) => {
    arity(call, 1);
    return known(call, ([prefix]) => scalar(cidrNetmask(asText(prefix)), call.line));
  },
  cidrhost: (call) => {
    arity(call, 2);
    return known(call, ([prefix, number]) => scalar(cidrHost(asText(prefix), asNumber(number)), call.line));
  },
  try: (call) => {
    for (let index = 0; index < call.count; index++) {
      try {
        return call.argument(index);
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
      }
    }
    throw new EvaluationError('no argument of try() has a value');
  },
  can: (call) => {
    arity(call, 1);
    try {
      const value = call.argument(0);
      return value.kind === 'unknown' ? unknownOf(call.line, [value]) : scalar(true, call.line);
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      return scalar(false, call.line);
    }
  },
  jsonencode: (call) => {
    arity(call, 1);
    return known(call, ([value]) => text(jsonEncode(value), call.line, call));
  },
  jsondecode: (call) => {
    arity(call, 1);
    return known(call, ([value]) => jsonDecode(asText(value), call.line));
  },
  // Folded, not spread: `max(list...)` expands a list of any length into the arguments.
  min: (call) => known(call, (args) => scalar(atLeastOne(args, 'min').map(asNumber).reduce((least, value) => Math.min(least, value), Infinity), call.line)),
  max: (call) => known(call, (args) => scalar(atLeastOne(args, 'max').map(asNumber).reduce((greatest, value) => Math.max(greatest, value), -Infinity), call.line)),
  abs: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(Math.abs(asNumber(value)), call.line));
  },
  floor: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(Math.floor(asNumber(value)), call.line));
  },
  ceil: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(Math.ceil(asNumber(value)), call.line));
  },
  reverse: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => list([...asList(value)].reverse(), call.line));
  },
  // sort() takes a list of strings: numbers come back as text.
  sort: (call) => {
    arity(call, 1);
    return known(call, ([value]) => list(asList(value).map((item) => scalar(asText(item), call.line)).sort((left, right) => compareKeys(asText(left), asText(right))), call.line));
  },
  slice: (call) => {
    arity(call, 3);
    return shallow(call, ([value, start, end]) => {
      const items = asList(value);
      const [from, to] = [asNumber(start), asNumber(end)];
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || from > to || to > items.length) throw new EvaluationError('slice() with indexes outside the list');
      return list(items.slice(from, to), call.line);
    });
  },
  zipmap: (call) => {
    arity(call, 2);
    return shallow(call, ([names, values]) => {
      const keys = asList(names);
      const items = asList(values);
      if (keys.some((key) => key.kind === 'unknown')) return unknownOf(call.line, unknownsIn(names));
      if (keys.length !== items.length) throw new EvaluationError('zipmap() of lists of different lengths');
      return object(new Map(keys.map((key, index) => [asText(key), items[index] ?? scalar(null, call.line)])), call.line);
    });
  },
  one: (call) => {
    arity(call, 1);
    return shallow(call, ([value]) => {
      const items = asList(value);
      if (items.length > 1) throw new EvaluationError('one() of a list of more than one item');
      return items[0] ?? scalar(null, call.line);
    });
  },
  alltrue: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(asList(value).every(asBoolean), call.line));
  },
  anytrue: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(asList(value).some(asBoolean), call.line));
  },
  // Lists keep their order (sets were put in theirs when made): setproduct(["b", "a"], [2, 1]) starts with ["b", 2].
  setproduct: (call) => {
    arity(call, 2, Infinity);
    return shallow(call, (args) => {
      let products: IacValue[][] = [[]];
      for (const arg of args) {
        const items = asList(arg);
        if (products.length * items.length > MAX_ITEMS) throw new OverBudget(`setproduct() makes more than ${MAX_ITEMS} combinations`);
        products = products.flatMap((product) => items.map((item) => [...product, item]));
      }
      return sized(products.map((product) => list(product, call.line)), call.line, call);
    });
  },
  setintersection: (call) => {
    arity(call, 1, Infinity);
    return shallow(call, ([first, ...others]) => setOf(asList(first), call.line, (item) => others.every((other) => holds(other, item))));
  },
  setsubtract: (call) => {
    arity(call, 2);
    return shallow(call, ([from, taken]) => setOf(asList(from), call.line, (item) => !holds(taken, item)));
  },
  formatlist: (call) => {
    arity(call, 1, Infinity);
    return known(call, ([spec, ...args]) => {
      const lengths = new Set(args.filter((arg) => arg.kind === 'list').map((arg) => asList(arg).length));
      if (lengths.size > 1) throw new EvaluationError('formatlist() of lists of different lengths');
      const count = lengths.size === 1 ? [...lengths][0] : 1;
      const texts: IacValue[] = [];
      for (let index = 0; index < count; index++) texts.push(text(formatText(asText(spec), args.map((arg) => (arg.kind === 'list' ? asList(arg)[index] : arg))), call.line, call));
      return sized(texts, call.line, call);
    });
  },
  sum: (call) => {
    arity(call, 1);
    return known(call, ([value]) => scalar(atLeastOne(asList(value), 'sum').map(asNumber).reduce((total, number) => total + number, 0), call.line));
  },
  chunklist: (call) => {
    arity(call, 2);
    return shallow(call, ([value, size]) => {
      const items = asList(value);
      const step = asNumber(size);
      if (!Number.isInteger(step) || step < 0) throw new EvaluationError('chunklist() of a size that is negative or not a whole number');
      if (step === 0) return list(items.length === 0 ? [] : [list(items, call.line)], call.line);
      const chunks: IacValue[] = [];
      for (let start = 0; start < items.length; start += step) chunks.push(list(items.slice(start, start + step), call.line));
      return list(chunks, call.line);
    });
  },
  transpose: (call) => {
    arity(call, 1);
    return known(call, ([value]) => {
      const transposed = new Map<string, IacValue[]>();
      for (const [key, items] of entries(asMap(value))) {
        for (const item of asList(items)) {
          const name = asText(item);
          const keys = transposed.get(name) ?? [];
          keys.push(key);
          transposed.set(name, keys);
        }
      }
      call.charge(transposed.size);
      return object(new Map([...transposed].map(([name, keys]) => [name, list(keys, call.line)])), call.line);
    });
  },
  matchkeys: (call) => {
    arity(call, 3);
    return shallow(call, ([values, keys, searched]) => {
      const [items, names] = [asList(values), asList(keys)];
      if (items.length !== names.length) throw new EvaluationError('matchkeys() of values and keys of different lengths');
      if ([...names, ...asList(searched)].some((each) => each.kind === 'unknown')) return unknownOf(call.line, unknownsIn(keys).concat(unknownsIn(searched)));
      return list(items.filter((_, index) => holds(searched, names[index])), call.line);
    });
  },
  setunion: (call) => {
    arity(call, 1, Infinity);
    return shallow(call, (args) => setOf(args.flatMap(asList), call.line, () => true));
  },
  index: (call) => {
    arity(call, 2);
    return known(call, ([collection, value]) => {
      const at = asList(collection).findIndex((item) => equal(item, value));
      if (at < 0) throw new EvaluationError('index() found no such item');
      return scalar(at, call.line);
    });
  },
  substr: (call) => {
    arity(call, 3);
    return known(call, ([value, offset, length]) => {
      const characters = graphemesOf(asText(value));
      const start = asNumber(offset) < 0 ? characters.length + asNumber(offset) : asNumber(offset);
      const count = asNumber(length) < 0 ? undefined : start + asNumber(length);
      return scalar(characters.slice(start, count).join(''), call.line);
    });
  },
};
