import type { IacObject, IacUnknown, IacValue } from './value.js';

/**
 * Reading a resource's values for one network rule. An unknown value is never read as safe: the caller substitutes
 * the worst it could be, and the rule records what it depended on and where.
 */

export const UNKNOWN = Symbol('unknown');
export type Scalar = string | number | boolean | null;

/** What one rule was judged without: the names of the unknown values it read, and the first line they are written on. */
export class Dependence {
  readonly names: string[] = [];
  line?: number;

  note(value: IacUnknown): void {
    for (const name of value.dependsOn) if (!this.names.includes(name)) this.names.push(name);
    if (this.line === undefined || value.line < this.line) this.line = value.line;
  }

  /** Adds another dependence (a deny rule that could not be counted on) without moving the line. */
  inherit(names: readonly string[]): void {
    for (const name of names) if (!this.names.includes(name)) this.names.push(name);
  }
}

/** A block, or an unknown standing for one (`ingress = var.rules`): every field of the unknown is that unknown. */
export type Block = IacObject | IacUnknown;

export function fieldOf(block: Block, name: string): IacValue | undefined {
  return block.kind === 'unknown' ? block : block.fields.get(name);
}

/** A scalar; UNKNOWN (noted) for an unknown; undefined when absent or not a scalar. */
export function scalarOf(value: IacValue | undefined, dependence: Dependence): Scalar | typeof UNKNOWN | undefined {
  if (value === undefined) return undefined;
  if (value.kind === 'unknown') {
    dependence.note(value);
    return UNKNOWN;
  }
  return value.kind === 'scalar' ? value.value : undefined;
}

/** A list of scalars (a lone scalar is a list of one); UNKNOWN for an unknown list; unknown items stay UNKNOWN. */
export function scalarsOf(value: IacValue | undefined, dependence: Dependence): (Scalar | typeof UNKNOWN)[] | typeof UNKNOWN {
  if (value === undefined) return [];
  if (value.kind === 'unknown') {
    dependence.note(value);
    return UNKNOWN;
  }
  if (value.kind === 'scalar') return value.value === null ? [] : [value.value];
  if (value.kind === 'object') return [];
  return value.items.map((item) => {
    const read = scalarOf(item, dependence);
    return read === undefined ? UNKNOWN : read;
  });
}

/** Nested blocks under a name: one block, a list of them, or an unknown standing for any number of them. */
export function blocksOf(block: Block, name: string): Block[] {
  const value = fieldOf(block, name);
  if (value === undefined) return [];
  if (value.kind === 'object' || value.kind === 'unknown') return [value];
  if (value.kind === 'list') return value.items.filter((item): item is Block => item.kind === 'object' || item.kind === 'unknown');
  return [];
}

/** A number written as a number or as a string of digits ('22', '-1'); undefined otherwise. */
export function numberOf(value: Scalar): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d{1,6}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * Lists of a block, by their names in the code, as the cloud's API names them. An unknown list, or a list with unknown
 * items, is taken as its `worst` (the known items kept), or left out when it has none: what leaving it out means is
 * the worst it could be (no destination restriction, no target).
 */
export function listsAsWorst(block: Block, fields: readonly [code: string, api: string, worst: string[] | undefined][], dependence: Dependence): Record<string, unknown> {
  const lists: Record<string, unknown> = {};
  for (const [code, api, worst] of fields) {
    const values = scalarsOf(fieldOf(block, code), dependence);
    if (values === UNKNOWN) {
      if (worst) lists[api] = worst;
      continue;
    }
    const known = values.filter((value) => value !== UNKNOWN);
    lists[api] = known.length < values.length && worst ? [...known, ...worst] : known;
  }
  return lists;
}
