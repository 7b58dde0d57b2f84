import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { lineOfOffset } from '../../src/parsers/json/line-of-offset.js';
import { locateJson, type JsonPosition, type PositionShape } from '../../src/parsers/json/locate.js';

const KEYS = ['a', 'b', 'k"q', 'é'];

/** A shape naming every key of the vocabulary and every item, to some depth. */
function everything(depth: number): PositionShape {
  if (depth === 0) return {};
  const child = everything(depth - 1);
  return { members: Object.fromEntries(KEYS.map((key) => [key, child])), items: child };
}

/** Lines jsonc-parser's full syntax tree gives, keyed by path, for every member and item the shape names. */
function expectedLines(text: string, node: Node, path: string, depth: number, into: Map<string, number>): void {
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

function actualLines(value: unknown, position: JsonPosition, path: string, depth: number, into: Map<string, number>): void {
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

/** The same bytes at each alignment: the scanner reads aligned indentation four bytes at a time. */
function atEachAlignment(text: string): Uint8Array[] {
  const bytes = Buffer.from(text);
  return [0, 1, 2, 3].map((shift) => {
    const copy = new Uint8Array(bytes.length + shift);
    copy.set(bytes, shift);
    return copy.subarray(shift);
  });
}

const DEPTH = 4;
const SHAPE = everything(DEPTH);
const documents = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 0, -1.5e3, 'x', 'a\\"b', '"]}{['), tie('object'), tie('array')),
  object: fc.dictionary(fc.constantFrom(...KEYS, 'other', '__proto__'), tie('value'), { maxKeys: 4 }),
  array: fc.array(tie('value'), { maxLength: 4 }),
})).value;

describe('locateJson', () => {
  it('gives every named member and item the line a full JSON syntax tree gives it', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(0, 1, 2, 4, 8, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent) ?? 'null';
        const expected = new Map<string, number>();
        expectedLines(text, parseTree(text)!, '$', DEPTH, expected);
        for (const bytes of atEachAlignment(text)) {
          const actual = new Map<string, number>();
          actualLines(JSON.parse(text), locateJson(bytes, SHAPE), '$', DEPTH, actual);
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    const text = '{\n"a": [\n1,\n2\n],\n"a": [\n3\n]\n}';
    const position = locateJson(Buffer.from(text), SHAPE);
    expect(JSON.parse(text).a).toEqual([3]);
    expect(position.member('a')?.line).toBe(6);
    expect(position.member('a')?.item(0)?.line).toBe(7);
    expect(position.member('a')?.item(1)).toBeUndefined();
  });

  it('reads keys written with escapes', () => {
    const text = '{\n"\\u0061": {\n"b": 1\n}\n}';
    expect(locateJson(Buffer.from(text), SHAPE).member('a')?.member('b')?.line).toBe(3);
  });

  it('stops without throwing on text that is not JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => locateJson(Buffer.from(text), SHAPE)).not.toThrow();
      }),
    );
  });
});
