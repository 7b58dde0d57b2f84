import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { textStream, type InputStream } from '../../src/inputs/input-stream.js';
import type { JsonPosition } from '../../src/parsers/json/locate.js';
import { streamJson, type StreamEnd, type StreamPlan } from '../../src/parsers/json/stream.js';
import { actualLines, DEPTH, documents, everything, expectedLines, KEYS, project, SHAPE } from '../support/json-lines.js';

/** Root arrays and the root member 'a' are streamed; everything is located. */
const PLAN: StreamPlan = { arrays: { '': everything(DEPTH - 1), a: everything(DEPTH - 2) }, rest: SHAPE };
/** The same, with items read by the projector: only what the shapes name is handed over. */
const PROJECTED: StreamPlan = { ...PLAN, project: true };

/** Buffers far smaller than the items, and reads of a few bytes: every item straddles a boundary somewhere. */
const reading = fc.record({ chunkBytes: fc.constantFrom(16, 17, 31, 64, 4096), readBytes: fc.integer({ min: 1, max: 9 }) });

interface Streamed {
  items: { array: string; index: number; value: unknown; lines: Map<string, number> }[];
  end: StreamEnd;
}

function stream(text: string, { chunkBytes, readBytes }: { chunkBytes: number; readBytes: number }, plan = PLAN): Streamed {
  const whole = textStream('/in/doc.json', text);
  const trickling: InputStream = { ...whole, read: (target, offset, length) => whole.read(target, offset, Math.min(length, readBytes)) };
  const generator = streamJson(trickling, plan, 'hint', chunkBytes);
  const items: Streamed['items'] = [];
  for (let next = generator.next(); ; next = generator.next()) {
    if (next.done) return { items, end: next.value };
    const { array, index, value, position } = next.value;
    // Positions are good until the next item: read them now.
    const path = array === '' ? `$[${index}]` : `$.${array}[${index}]`;
    const lines = new Map<string, number>([[path, position.line]]);
    actualLines(value, position, path, array === '' ? DEPTH - 1 : DEPTH - 2, lines);
    items.push({ array, index, value, lines });
  }
}

/** The document put back together: each streamed array's zeros replaced by its items. */
function reassembled(rest: unknown, items: Streamed['items']): unknown {
  const of = (array: string) => items.filter((item) => item.array === array).map((item) => item.value);
  if (Array.isArray(rest)) return of('');
  if (typeof rest === 'object' && rest !== null && Array.isArray((rest as { a?: unknown }).a)) return Object.assign(rest, { a: of('a') });
  return rest;
}

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('streamJson', () => {
  it('hands over what JSON.parse reads, with the lines a full syntax tree gives', () => {
    const rootsThatStream = fc.oneof(fc.array(documents, { maxLength: 6 }), fc.dictionary(fc.constantFrom(...KEYS, 'other'), documents, { maxKeys: 4 }).map((object) => ({ ...object, a: [object.a, object.b] })), documents);
    fc.assert(
      fc.property(rootsThatStream, fc.constantFrom(0, 1, 2, 4, '\t'), reading, (value, indent, read) => {
        const text = JSON.stringify(value, null, indent) ?? 'null';
        const { items, end } = stream(text, read);
        if (!end.ok) throw new Error(end.problem.message);
        expect(reassembled(end.value, items)).toEqual(JSON.parse(text));

        const expected = new Map<string, number>();
        expectedLines(text, parseTree(text)!, '$', DEPTH, expected);
        const actual = new Map<string, number>();
        actualLines(end.value, end.position as JsonPosition, '$', DEPTH, actual);
        for (const item of items) for (const [path, line] of item.lines) actual.set(path, line);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('hands over what the shapes name of JSON.parse\'s items when it projects them, whatever the buffer held before', () => {
    // Few keys and values, so that short strings repeat across refills of a small buffer.
    const repetitive = fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'other'), fc.constantFrom('tcp', 'udp', '0.0.0.0/0', 'x', 1, null), { maxKeys: 3 }), { maxLength: 40 });
    fc.assert(
      fc.property(repetitive, fc.constantFrom(0, 2), reading, (value, indent, read) => {
        const text = JSON.stringify(value, null, indent);
        const { items, end } = stream(text, read, PROJECTED);
        if (!end.ok) throw new Error(end.problem.message);
        expect(items.map((item) => item.value)).toEqual(JSON.parse(text).map((item: unknown) => project(item, PROJECTED.arrays[''])));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts exactly what JSON.parse accepts: cut, spliced and junk documents', () => {
    const damaged = fc
      .tuple(fc.array(documents, { maxLength: 4 }), fc.nat(), fc.constantFrom('', ',', ']', '}', '{', '"', '\\', ' 0', 'tru', '[]', ':'), fc.boolean())
      .map(([value, at, junk, cut]) => {
        const text = JSON.stringify({ a: value, b: value }, null, 2);
        const place = at % (text.length + 1);
        return cut ? text.slice(0, place) : text.slice(0, place) + junk + text.slice(place);
      });
    fc.assert(
      fc.property(damaged, reading, fc.boolean(), (text, read, projected) => {
        const { end } = stream(text, read, projected ? PROJECTED : PLAN);
        expect(end.ok).toBe(isJson(text));
        if (!end.ok) expect(end.problem.message).not.toMatch(/\n/);
      }),
      { numRuns: 1000 },
    );
  });

  it('says where a broken item is, after handing over the items before it', () => {
    const text = '{"a": [\n{"x": 1},\n{"x": 2},\n{"x": tru}\n]}';
    const { items, end } = stream(text, { chunkBytes: 16, readBytes: 3 });
    expect(items.map((item) => item.value)).toEqual([{ x: 1 }, { x: 2 }]);
    expect(end).toEqual({ ok: false, problem: expect.objectContaining({ id: 'input/unparseable', line: 4 }) });
  });

  it('says a file cut inside an item ends early, at the line where it stops', () => {
    const text = '[\n{"x": 1},\n{"x":\n';
    const { items, end } = stream(text, { chunkBytes: 4096, readBytes: 9 });
    expect(items).toHaveLength(1);
    expect(end.ok).toBe(false);
    if (!end.ok) expect(end.problem.message).toMatch(/ends early/);
  });

  it('reads a member key written with escapes as the key it means', () => {
    const { items } = stream('{"\\u0061": [1, 2]}', { chunkBytes: 64, readBytes: 5 });
    expect(items.map((item) => [item.array, item.value])).toEqual([['a', 1], ['a', 2]]);
  });
});
