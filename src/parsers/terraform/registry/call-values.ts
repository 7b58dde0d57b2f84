import { problemAt } from '../../../model/problem.js';
import { scalar, type IacValue } from '../../iac/value.js';
import type { KnownPlace } from '../known-modules.js';
import { list } from '../values.js';

/** The values a known module's call gives, as its code reads them. */

/** Whether a flag is given as false (a flag left unknown may be true: judged as set). */
export function isFalse(value: IacValue | undefined): boolean {
  return value?.kind === 'scalar' && (value.value === false || value.value === 'false');
}

/** Whether a value is given: present and not null. */
export function given(value: IacValue | undefined): value is IacValue {
  return value !== undefined && !(value.kind === 'scalar' && value.value === null);
}

/**
 * The items a `count = length(list)` makes, each with its instance key (`[0]`); one unknown item (`[*]`) for a list
 * the code does not fix; none for null.
 */
export function countedItems(items: IacValue): { item: IacValue; key: string }[] | 'not a list' {
  if (items.kind === 'unknown') return [{ item: items, key: '[*]' }];
  if (items.kind === 'scalar' && items.value === null) return [];
  if (items.kind !== 'list') return 'not a list';
  return items.items.map((item, index) => ({ item, key: `[${index}]` }));
}

/**
 * The entries a `for_each` over a map makes, each with its key (`name`) and instance key (`["ssh"]`); one unknown
 * entry (`[*]`) for a map the code does not fix; none for null.
 */
export function keyedItems(items: IacValue): { item: IacValue; key: string; name: string | undefined }[] | 'not a map' {
  if (items.kind === 'unknown') return [{ item: items, key: instanceKey(undefined), name: undefined }];
  if (items.kind === 'scalar' && items.value === null) return [];
  if (items.kind !== 'object') return 'not a map';
  return [...items.fields].map(([name, item]) => ({ item, key: instanceKey(name), name }));
}

/** How Terraform writes the instance of a resource for a key (`["ssh"]`), or one whose key the code does not fix (`[*]`). */
export function instanceKey(key: string | undefined): string {
  return key === undefined ? '[*]' : `[${JSON.stringify(key)}]`;
}

/** A value of the call Terraform rejects (a list where the module takes a map): said at its line, its rules not judged. */
export function rejected(place: KnownPlace, value: IacValue, what: string): void {
  place.problems.push(problemAt('iac/invalid-resource', { file: place.file, line: value.line }, `${place.name}: ${what} — Terraform rejects the call; its rules are not judged`));
}

/** `lookup(item, name)`: a field of an object item; an unknown item stands for each of its fields. */
export function fieldOf(item: IacValue, name: string): IacValue | undefined {
  if (item.kind === 'unknown') return item;
  return item.kind === 'object' ? item.fields.get(name) : undefined;
}

/** `compact(split(",", text))`, as terraform-aws-modules read a rule's comma-separated peers; other values as they are. */
export function commaSeparated(value: IacValue): IacValue {
  if (value.kind !== 'scalar' || typeof value.value !== 'string') return value;
  return list(value.value.split(',').filter((part) => part !== '').map((part) => scalar(part, value.line)), value.line);
}
