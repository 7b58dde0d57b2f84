import { scalar, type IacValue } from '../iac/value.js';
import type { ArmFunction } from './call-site.js';
import { arity, builtList, strict, text } from './function-helpers.js';
import { MAX_LIST_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { containsUnknown, fieldOf, fromPlainJson, jsonText, mergedUnknown, numberOf, object, textOf, valuesEqual } from './values.js';

/** Array, object and JSON functions of ARM templates. */
export const COLLECTION_FUNCTIONS: Record<string, ArmFunction> = {
  array: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => (value.kind === 'list' ? value : builtList([value], call))),
  createarray: (args, call) => builtList(args.map((argument) => argument.value()), call),
  createobject: (args, call) => {
    if (args.length % 2 !== 0) return call.invalid('takes pairs of a key and a value');
    const fields = new Map<string, IacValue>();
    for (let index = 0; index < args.length; index += 2) {
      const key = args[index].value();
      if (key.kind === 'unknown') return mergedUnknown(call.line, [key]);
      const name = textOf(key);
      if (name === undefined) return call.invalid('keys are texts');
      fields.set(name, args[index + 1].value());
    }
    call.scope.state.count(fields.size);
    return object(fields, call.line);
  },
  union: (args, call) => strict(args, call, (values) => {
    if (values.length === 0) return call.invalid('takes at least one argument');
    if (values.every((value) => value.kind === 'object')) {
      const fields = new Map<string, IacValue>();
      for (const value of values) if (value.kind === 'object') for (const [key, field] of value.fields) fields.set(key, field);
      return object(fields, call.line);
    }
    if (!values.every((value) => value.kind === 'list')) return call.invalid('joins lists with lists or objects with objects');
    const seen = new Set<string>();
    const items: IacValue[] = [];
    for (const value of values) {
      for (const item of value.kind === 'list' ? value.items : []) {
        const key = jsonText(item);
        if (key === undefined) return mergedUnknown(call.line, [item]);
        if (!seen.has(key)) {
          seen.add(key);
          items.push(item);
        }
      }
    }
    return builtList(items, call);
  }),
  first: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => edge(value, 0, call)),
  last: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => edge(value, -1, call)),
  length: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    const size = sizeOf(value);
    return size === undefined ? call.invalid('takes a list, a text or an object') : scalar(size, call.line);
  }),
  empty: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    if (value.kind === 'scalar' && value.value === null) return scalar(true, call.line);
    const size = sizeOf(value);
    return size === undefined ? call.invalid('takes a list, a text or an object') : scalar(size === 0, call.line);
  }),
  contains: (args, call) => arity(args, call, 2) ?? strict(args, call, ([container, item]) => {
    if (container.kind === 'list') {
      let result: boolean | undefined = false;
      for (const candidate of container.items) {
        const same = valuesEqual(candidate, item);
        if (same) return scalar(true, call.line);
        if (same === undefined) result = undefined;
      }
      return result === undefined ? mergedUnknown(call.line, [container, item]) : scalar(false, call.line);
    }
    const key = item.kind === 'scalar' && item.value !== null ? String(item.value) : undefined;
    if (container.kind === 'object' && key !== undefined) return scalar(fieldOf(container, key) !== undefined, call.line);
    const value = textOf(container);
    if (value !== undefined && key !== undefined) return scalar(value.includes(key), call.line);
    return call.invalid('takes a list, an object or a text, and what to look for');
  }),
  take: (args, call) => arity(args, call, 2) ?? strict(args, call, ([value, count]) => slice(value, count, true, call)),
  skip: (args, call) => arity(args, call, 2) ?? strict(args, call, ([value, count]) => slice(value, count, false, call)),
  range: (args, call) => arity(args, call, 2) ?? strict(args, call, ([start, count]) => {
    const from = numberOf(start), size = numberOf(count);
    if (from === undefined || size === undefined || size < 0) return call.invalid('takes a start and a count of zero or more');
    if (size > MAX_LIST_LENGTH) {
      call.report('iac/unsupported', `range() of more than ${MAX_LIST_LENGTH} numbers — judged as unknown; simplify the template`, 'warning');
      return call.unknownCall();
    }
    return builtList(Array.from({ length: size }, (_, index) => scalar(from + index, call.line)), call);
  }),
  items: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    if (value.kind !== 'object') return call.invalid('takes an object');
    const entries = [...value.fields].sort(([a], [b]) => a.localeCompare(b));
    return builtList(entries.map(([key, field]) => object(new Map<string, IacValue>([['key', scalar(key, call.line)], ['value', field]]), call.line)), call);
  }),
  json: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    const source = textOf(value);
    if (source === undefined || source.length > MAX_TEXT_LENGTH) return call.invalid('takes a text of JSON');
    try {
      return fromPlainJson(JSON.parse(source), call.line);
    } catch {
      return call.invalid('the text is not valid JSON');
    }
  }),
  coalesce: (args, call) => {
    const unknowns: IacValue[] = [];
    for (const argument of args) {
      const value = argument.value();
      if (value.kind === 'unknown') unknowns.push(value);
      else if (!(value.kind === 'scalar' && value.value === null)) return unknowns.length > 0 ? mergedUnknown(call.line, unknowns) : value;
    }
    return unknowns.length > 0 ? mergedUnknown(call.line, unknowns) : scalar(null, call.line);
  },
  min: (args, call) => extreme(args, call, Math.min),
  max: (args, call) => extreme(args, call, Math.max),
};

function sizeOf(value: IacValue): number | undefined {
  if (value.kind === 'list') return value.items.length;
  if (value.kind === 'object') return value.fields.size;
  const content = textOf(value);
  return content?.length;
}

function edge(value: IacValue, index: 0 | -1, call: Parameters<ArmFunction>[1]): IacValue {
  if (value.kind === 'list') return value.items.at(index) ?? scalar(null, call.line);
  const content = textOf(value);
  if (content === undefined) return call.invalid('takes a list or a text');
  return scalar(content.at(index) ?? '', call.line);
}

function slice(value: IacValue, count: IacValue, take: boolean, call: Parameters<ArmFunction>[1]): IacValue {
  const size = numberOf(count);
  if (size === undefined) return call.invalid('takes a count');
  const bounded = Math.max(0, size);
  if (value.kind === 'list') return builtList(take ? value.items.slice(0, bounded) : value.items.slice(bounded), call);
  const content = textOf(value);
  if (content === undefined) return call.invalid('takes a list or a text');
  return text(take ? content.slice(0, bounded) : content.slice(bounded), call);
}

function extreme(args: Parameters<ArmFunction>[0], call: Parameters<ArmFunction>[1], pick: (...values: number[]) => number): IacValue {
  return strict(args, call, (values) => {
    const items = values.length === 1 && values[0].kind === 'list' ? values[0].items : values;
    if (items.some(containsUnknown)) return mergedUnknown(call.line, items);
    const numbers = items.map(numberOf);
    if (numbers.length === 0 || numbers.some((number) => number === undefined)) return call.invalid('takes numbers');
    return scalar(pick(...(numbers as number[])), call.line);
  });
}
