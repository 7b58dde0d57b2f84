/**
 * Appends every item to `target`. `target.push(...items)` passes each item as an argument on the stack and throws a
 * RangeError past about a hundred thousand of them, which a hostile input reaches easily (one problem per line).
 */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
