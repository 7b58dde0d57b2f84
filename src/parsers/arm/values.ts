import { scalar, unknown, type IacList, type IacObject, type IacScalar, type IacUnknown, type IacValue } from '../iac/value.js';

/**
 * For an unknown built from text around unknown parts (a name such as concat(parameters('prefix'), '-nsg')): the text
 * with each unknown part written as its expression, so that an address stays readable.
 */
const readableTexts = new WeakMap<IacUnknown, string>();

export function withReadableText(value: IacUnknown, text: string): IacUnknown {
  readableTexts.set(value, text);
  return value;
}

/** The value as a name: its text when known, else its readable text, else the expression it came from in brackets. */
export function readableText(value: IacValue, expressionText: string): string {
  if (value.kind === 'scalar') return value.value === null ? '' : armText(value);
  if (value.kind === 'unknown') return readableTexts.get(value) ?? `[${expressionText}]`;
  return `[${expressionText}]`;
}

/** One unknown for values that depend on unknowns: their dependsOn together, the first resource any of them reads. */
export function mergedUnknown(line: number, parts: readonly IacValue[], extra: readonly string[] = []): IacUnknown {
  const dependsOn = new Set<string>();
  let resource: string | undefined;
  for (const part of parts) collectUnknowns(part, dependsOn, (name) => (resource ??= name), 0);
  for (const text of extra) dependsOn.add(text);
  return unknown(line, [...dependsOn], resource);
}

/** The first unknown of the parts at their top level, merged with the others: a function of them is unknown too. */
export function unknownAmong(line: number, parts: readonly IacValue[]): IacUnknown | undefined {
  return parts.some((part) => part.kind === 'unknown') ? mergedUnknown(line, parts.filter((part) => part.kind === 'unknown')) : undefined;
}

/** Whether an unknown hides anywhere inside (a list of which one item is unknown). Bounded by the nesting of values. */
export function containsUnknown(value: IacValue, depth = 0): boolean {
  if (value.kind === 'unknown') return true;
  if (depth > 64) return true;
  if (value.kind === 'list') return value.items.some((item) => containsUnknown(item, depth + 1));
  if (value.kind === 'object') {
    for (const field of value.fields.values()) if (containsUnknown(field, depth + 1)) return true;
  }
  return false;
}

function collectUnknowns(value: IacValue, into: Set<string>, onResource: (name: string) => void, depth: number): void {
  if (depth > 64 || into.size > 50) return;
  if (value.kind === 'unknown') {
    for (const text of value.dependsOn) into.add(text);
    if (value.resource !== undefined) onResource(value.resource);
  } else if (value.kind === 'list') {
    for (const item of value.items) collectUnknowns(item, into, onResource, depth + 1);
  } else if (value.kind === 'object') {
    for (const field of value.fields.values()) collectUnknowns(field, into, onResource, depth + 1);
  }
}

/** The same unknown, at the line of the expression that uses it. */
export function unknownAt(value: IacUnknown, line: number): IacUnknown {
  if (value.line === line) return value;
  const moved = unknown(line, value.dependsOn, value.resource);
  const text = readableTexts.get(value);
  return text === undefined ? moved : withReadableText(moved, text);
}

/** A value written in another file, at the line of this file that reads it: every line of it, as findings point here. */
export function atLine(value: IacValue, line: number, depth = 0): IacValue {
  if (value.kind === 'unknown') return unknownAt(value, line);
  if (value.kind === 'scalar' || depth > 64) return value.line === line ? value : { ...value, line };
  if (value.kind === 'list') return { ...value, items: value.items.map((item) => atLine(item, line, depth + 1)), line };
  return { ...value, fields: new Map([...value.fields].map(([key, field]) => [key, atLine(field, line, depth + 1)])), line };
}

/** A scalar as ARM writes it into text: True/False for booleans, as string() and concat() do. */
export function armText(value: IacScalar): string {
  if (typeof value.value === 'boolean') return value.value ? 'True' : 'False';
  if (value.value === null) return '';
  return String(value.value);
}

export { stringOf as textOf } from '../iac/value.js';

export function numberOf(value: IacValue): number | undefined {
  if (value.kind !== 'scalar') return undefined;
  if (typeof value.value === 'number') return value.value;
  if (typeof value.value === 'string' && /^\s*-?\d+\s*$/.test(value.value)) return Number(value.value);
  return undefined;
}

export function booleanOf(value: IacValue): boolean | undefined {
  if (value.kind !== 'scalar') return undefined;
  if (typeof value.value === 'boolean') return value.value;
  if (typeof value.value === 'string') {
    const lower = value.value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

export function list(items: IacValue[], line: number): IacList {
  return { kind: 'list', items, line };
}

export function object(fields: Map<string, IacValue>, line: number): IacObject {
  return { kind: 'object', fields, line };
}

/** A field of an object by a name compared without case, as ARM compares property names. */
export function fieldOf(value: IacObject, name: string): IacValue | undefined {
  const exact = value.fields.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [key, field] of value.fields) if (key.toLowerCase() === lower) return field;
  return undefined;
}

/** Deep equality of known values; undefined when an unknown makes it unknowable. Strings compare with case, as equals() does. */
export function valuesEqual(left: IacValue, right: IacValue, depth = 0): boolean | undefined {
  if (left.kind === 'unknown' || right.kind === 'unknown' || depth > 64) return undefined;
  if (left.kind !== right.kind) return false;
  if (left.kind === 'scalar') return left.value === (right as IacScalar).value;
  if (left.kind === 'list') {
    const other = right as IacList;
    if (left.items.length !== other.items.length) return false;
    let result: boolean | undefined = true;
    for (let index = 0; index < left.items.length; index++) {
      const same = valuesEqual(left.items[index], other.items[index], depth + 1);
      if (same === false) return false;
      if (same === undefined) result = undefined;
    }
    return result;
  }
  const other = right as IacObject;
  if (left.fields.size !== other.fields.size) return false;
  let result: boolean | undefined = true;
  for (const [key, field] of left.fields) {
    const counterpart = fieldOf(other, key);
    if (!counterpart) return false;
    const same = valuesEqual(field, counterpart, depth + 1);
    if (same === false) return false;
    if (same === undefined) result = undefined;
  }
  return result;
}

/** A value as JSON text (string() of an object or list). Undefined when an unknown is inside. */
export function jsonText(value: IacValue, depth = 0): string | undefined {
  if (depth > 64) return undefined;
  if (value.kind === 'unknown') return undefined;
  if (value.kind === 'scalar') return JSON.stringify(value.value);
  if (value.kind === 'list') {
    const parts: string[] = [];
    for (const item of value.items) {
      const text = jsonText(item, depth + 1);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(',')}]`;
  }
  const parts: string[] = [];
  for (const [key, field] of value.fields) {
    const text = jsonText(field, depth + 1);
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** A parsed JSON value (json(), a --parameter given as JSON) as IacValues, all on one line. Depth is bounded by the caller. */
export function fromPlainJson(value: unknown, line: number, depth = 0): IacValue {
  if (depth > 64) return unknown(line, ['json nested too deeply']);
  if (Array.isArray(value)) return list(value.map((item) => fromPlainJson(item, line, depth + 1)), line);
  if (value !== null && typeof value === 'object') {
    const fields = new Map<string, IacValue>();
    for (const [key, field] of Object.entries(value)) fields.set(key, fromPlainJson(field, line, depth + 1));
    return object(fields, line);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return scalar(value, line);
  return unknown(line, []);
}
