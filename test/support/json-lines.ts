import fc from 'fast-check';
import type { Node } from 'jsonc-parser';
import { lineOfOffset } from '../../src/parsers/json/line-of-offset.js';
import type { JsonPosition, PositionShape } from '../../src/parsers/json/locate.js';

/** Lines of JSON values, found two ways to compare: from jsonc-parser's full syntax tree, and from a JsonPosition. */

export const KEYS = ['a', 'b', 'k"q', 'é'];

/** A shape naming every key of the vocabulary and every item, to some depth. */
export function everything(depth: number): PositionShape {
  if (depth === 0) return {};
  const child = everything(depth - 1);
  return { members: Object.fromEntries(KEYS.map((key) => [key, child])), items: child };
}

/** Lines jsonc-parser's full syntax tree gives, keyed by path, for every member and item the shape names. */
export function expectedLines(text: string, node: Node, path: string, depth: number, into: Map<string, number>): void {
  if (depth === 0) return;
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !KEYS.includes(key.value)) continue;
      into.set(`${path}.${key.value}`, lineOfOffset(text, key.offset));
      if (value) expectedLines(text, value, `${path}.${key.value}`, depth - 1, into);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, index) => {
      into.set(`${path}[${index}]`, lineOfOffset(text, item.offset));
      expectedLines(text, item, `${path}[${index}]`, depth - 1, into);
    });
  }
}

export function actualLines(value: unknown, position: JsonPosition, path: string, depth: number, into: Map<string, number>): void {
  if (depth === 0) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const child = position.item(index);
      if (!child) return;
      into.set(`${path}[${index}]`, child.line);
      actualLines(item, child, `${path}[${index}]`, depth - 1, into);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const child = KEYS.includes(key) ? position.member(key) : undefined;
      if (!child) continue;
      into.set(`${path}.${key}`, child.line);
      actualLines(member, child, `${path}.${key}`, depth - 1, into);
    }
  }
}

export const DEPTH = 4;
export const SHAPE = everything(DEPTH);
export const documents = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 0, -1.5e3, 'x', 'a\\"b', '"]}{['), tie('object'), tie('array')),
  object: fc.dictionary(fc.constantFrom(...KEYS, 'other', '__proto__'), tie('value'), { maxKeys: 4 }),
  array: fc.array(tie('value'), { maxLength: 4 }),
})).value;

/** What JsonProjector promises, written on JSON.parse's value. */
export function project(value: unknown, shape: PositionShape | undefined): unknown {
  if (Array.isArray(value)) return shape?.items ? value.map((item) => project(item, shape.items)) : value;
  if (typeof value !== 'object' || value === null || !shape?.members) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const named = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
    if (named || shape.whole) Object.defineProperty(kept, key, { value: named ? project(member, named) : member, writable: true, enumerable: true, configurable: true });
  }
  return kept;
}
