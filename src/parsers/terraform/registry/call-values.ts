import type { IacValue } from '../../iac/value.js';

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

/** `lookup(item, name)`: a field of an object item; an unknown item stands for each of its fields. */
export function fieldOf(item: IacValue, name: string): IacValue | undefined {
  if (item.kind === 'unknown') return item;
  return item.kind === 'object' ? item.fields.get(name) : undefined;
}
