import { scalar, type IacList, type IacValue } from '../iac/value.js';
import { asText, compareKeys, equal, EvaluationError, list } from './values.js';

// Terraform's sets: lists without repeats, in Terraform's order, whose elements are their own keys.

/** The items without repeats; unknown items are all kept, as any of them may differ from the others. */
export function distinctItems(items: IacValue[]): IacValue[] {
  const kept: IacValue[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.kind === 'scalar') {
      const key = `${typeof item.value}:${String(item.value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(item);
    } else if (item.kind === 'unknown' || !kept.some((other) => equal(other, item))) kept.push(item);
  }
  return kept;
}

/**
 * A list's items given one type, as Terraform converts a list or set: numbers and bools beside strings become strings
 * (tolist(["a", 1]) is ["a", "1"]); numbers beside bools have no type in common.
 */
export function unified(items: IacValue[], line: number): IacValue[] {
  const types = new Set<string>();
  for (const item of items) if (item.kind === 'scalar' && item.value !== null) types.add(typeof item.value);
  if (types.size < 2) return items;
  if (!types.has('string')) throw new EvaluationError('a list of numbers and bools, which have no type in common');
  return items.map((item) => (item.kind === 'scalar' && item.value !== null && typeof item.value !== 'string' ? scalar(asText(item), line) : item));
}

/** A set's items in the order Terraform gives them: strings by their text, numbers by value, false before true. */
function inSetOrder(items: IacValue[]): IacValue[] {
  if (!items.every((item) => item.kind === 'scalar' && item.value !== null)) return items;
  const values = items as (IacValue & { kind: 'scalar' })[];
  return [...values].sort((left, right) =>
    typeof left.value === 'string' && typeof right.value === 'string' ? compareKeys(left.value, right.value) : Number(left.value) - Number(right.value),
  );
}

/** The set of `items` that `keep` keeps, in Terraform's order. */
export function setOf(items: IacValue[], line: number, keep: (item: IacValue) => boolean): IacList {
  return { ...list(inSetOrder(distinctItems(unified(items, line)).filter(keep)), line), set: true };
}

