import type { IacValue } from '../iac/value.js';
import { list, object, relined } from '../terraform/values.js';

/**
 * A unit's inputs with those of a file it includes, as Terragrunt merges them: the unit's win, key by key (`shallow`),
 * or map by map and list after list (`deep`). What the included file gives is located at the `include` block.
 */
export function mergedInputs(own: IacValue | undefined, included: IacValue | undefined, strategy: 'shallow' | 'deep', line: number): IacValue | undefined {
  if (!included) return own;
  const theirs = relined(included, line, () => {});
  if (!own) return theirs;
  // Inputs the unit does not fix are unknown whatever the file gives; those the file does not fix are said by the caller.
  if (own.kind !== 'object' || theirs.kind !== 'object') return own;
  return strategy === 'deep' ? deepMerged(theirs, own) : object(new Map([...theirs.fields, ...own.fields]), own.line);
}

function deepMerged(base: IacValue, over: IacValue): IacValue {
  if (base.kind === 'object' && over.kind === 'object') {
    const fields = new Map(base.fields);
    for (const [key, value] of over.fields) fields.set(key, fields.has(key) ? deepMerged(fields.get(key)!, value) : value);
    return object(fields, over.line);
  }
  if (base.kind === 'list' && over.kind === 'list') return list([...base.items, ...over.items], over.line);
  return over;
}
