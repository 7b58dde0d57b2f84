import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { locateJson } from '../../src/parsers/json/locate.js';
import { actualLines, DEPTH, documents, expectedLines, SHAPE } from '../support/json-lines.js';

/** The same bytes at each alignment: the scanner reads aligned indentation four bytes at a time. */
function atEachAlignment(text: string): Uint8Array[] {
  const bytes = Buffer.from(text);
  return [0, 1, 2, 3].map((shift) => {
    const copy = new Uint8Array(bytes.length + shift);
    copy.set(bytes, shift);
    return copy.subarray(shift);
  });
}

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
