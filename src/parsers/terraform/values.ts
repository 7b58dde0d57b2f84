import { scalar, unknown, type IacList, type IacObject, type IacUnknown, type IacValue } from '../iac/value.js';

/** Why an expression has no value: Terraform would reject it (`index out of range`, `no attribute 'x'`). */
export class EvaluationError extends Error {}

/** The evaluation of one module has done more work than any real module needs: hostile input, stopped. */
export class OverBudget extends Error {}

export function list(items: IacValue[], line: number): IacList {
  return { kind: 'list', items, line };
}

export function object(fields: Map<string, IacValue>, line: number): IacObject {
  return { kind: 'object', fields, line };
}

/** The unknowns a value holds, at any depth. */
export function unknownsIn(value: IacValue, found: IacUnknown[] = []): IacUnknown[] {
  if (value.kind === 'unknown') found.push(value);
  else if (value.kind === 'list') for (const item of value.items) unknownsIn(item, found);
  else if (value.kind === 'object') for (const field of value.fields.values()) unknownsIn(field, found);
  return found;
}

/** One unknown standing for several: what any of them depends on; the resource when they all read the same one. */
export function unknownOf(line: number, unknowns: IacUnknown[]): IacUnknown {
  const dependsOn = [...new Set(unknowns.flatMap((each) => each.dependsOn))];
  const resources = new Set(unknowns.map((each) => each.resource));
  const [resource] = resources;
  return unknown(line, dependsOn, resources.size === 1 ? resource : undefined);
}

/** The same value with every line set to `line`: a value read through a reference is at the line of the reference. */
export function relined(value: IacValue, line: number, charge: (nodes: number) => void): IacValue {
  charge(1);
  switch (value.kind) {
    case 'scalar':
      return value.line === line ? value : scalar(value.value, line);
    case 'unknown':
      return { ...value, line };
    case 'list': {
      const items = value.items.map((item) => relined(item, line, charge));
      return value.set ? { ...list(items, line), set: true } : list(items, line);
    }
    case 'object':
      return object(new Map([...value.fields].map(([key, field]) => [key, relined(field, line, charge)])), line);
  }
}

/** Deep equality of two wholly known values. */
export function equal(left: IacValue, right: IacValue): boolean {
  if (left.kind === 'scalar' && right.kind === 'scalar') {
    if (left.value === right.value) return true;
    // Terraform compares a number and a string of it as different types: only same-typed values are equal.
    return false;
  }
  if (left.kind === 'list' && right.kind === 'list') return left.items.length === right.items.length && left.items.every((item, index) => equal(item, right.items[index]));
  if (left.kind === 'object' && right.kind === 'object') {
    if (left.fields.size !== right.fields.size) return false;
    for (const [key, field] of left.fields) {
      const other = right.fields.get(key);
      if (!other || !equal(field, other)) return false;
    }
    return true;
  }
  return false;
}

/** A scalar as the string Terraform converts it to. */
export function asText(value: IacValue): string {
  if (value.kind !== 'scalar' || value.value === null) throw new EvaluationError(`expected a string, found ${describe(value)}`);
  return typeof value.value === 'number' ? numberText(value.value) : String(value.value);
}

/** A number as Terraform writes it in text: in decimal, never with an exponent (1e21 is "1000000000000000000000"). */
export function numberText(value: number): string {
  const text = String(value);
  const exponential = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(text);
  if (!exponential) return text;
  const [, sign, first, rest = '', exponentText] = exponential;
  const exponent = Number(exponentText);
  const digits = first + rest;
  // JavaScript writes an exponent only from 1e21 up and below 1e-6, so the 17 significant digits always fit.
  return exponent > 0 ? sign + digits.padEnd(exponent + 1, '0') : `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

const NUMBER_TEXT = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

export function asNumber(value: IacValue): number {
  if (value.kind === 'scalar') {
    if (typeof value.value === 'number') return value.value;
    // Terraform reads a decimal number and nothing around it: not ' 22', '0x16', 'Inf' or '1_000'.
    if (typeof value.value === 'string' && NUMBER_TEXT.test(value.value) && Number.isFinite(Number(value.value))) return Number(value.value);
  }
  throw new EvaluationError(`expected a number, found ${describe(value)}`);
}

export function asBoolean(value: IacValue): boolean {
  if (value.kind === 'scalar') {
    if (typeof value.value === 'boolean') return value.value;
    if (value.value === 'true' || value.value === 'false') return value.value === 'true';
  }
  throw new EvaluationError(`expected a bool, found ${describe(value)}`);
}

export function describe(value: IacValue): string {
  if (value.kind === 'scalar') return value.value === null ? 'null' : typeof value.value;
  return value.kind === 'object' ? 'an object' : value.kind === 'list' ? 'a list' : 'an unknown value';
}

/**
 * The entries of a collection in Terraform's iteration order: lists by index, sets by their elements, maps and objects
 * by key in lexical order.
 */
export function entries(value: IacList | IacObject): [IacValue, IacValue][] {
  if (value.kind === 'list') return value.items.map((item, index) => [value.set ? item : scalar(index, item.line), item]);
  return [...value.fields.keys()].sort(compareKeys).map((key) => [scalar(key, value.line), value.fields.get(key)!]);
}

export function compareKeys(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
