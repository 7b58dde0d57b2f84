import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJson, type PositionShape } from '../../src/parsers/json/locate.js';
import { INCOMPLETE, INVALID, JsonProjector } from '../../src/parsers/json/project.js';
import { actualLines, DEPTH, documents, everything, KEYS, project, SHAPE } from '../support/json-lines.js';

/** Shapes naming some keys, some of them whole. */
const shapes: fc.Arbitrary<PositionShape> = fc.letrec<{ shape: PositionShape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small' },
    fc.constant({}),
    fc.record({ members: fc.dictionary(fc.constantFrom(...KEYS), tie('shape'), { maxKeys: 3 }), whole: fc.boolean() }, { requiredKeys: ['members'] }),
    fc.record({ items: tie('shape') }),
  ),
})).shape;

const texts = fc.tuple(documents, fc.constantFrom(0, 1, 2, 4, '\t')).map(([value, indent]) => JSON.stringify(value, null, indent) ?? 'null');
const numbers = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(-0, 1e21, 123456789012345678, 0.1, -2.5e-7));

/** The value the text holds after its leading white space; a space after it, as a stream always has more bytes. */
function read(text: string, shape: PositionShape) {
  const bytes = Buffer.from(`${text} `);
  const start = /^[ \t\n\r]*/.exec(text)![0].length;
  const projector = new JsonProjector(shape);
  const read = projector.read(bytes, start, bytes.length, 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0));
  return { read, end: projector.end };
}

describe('JsonProjector', () => {
  it("keeps what the shape names of JSON.parse's value", () => {
    fc.assert(
      fc.property(texts, shapes, (text, shape) => {
        const { read: result, end } = read(text, shape);
        expect(end).toBe(Buffer.byteLength(text));
        expect(result?.value).toEqual(project(JSON.parse(text), shape));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads numbers exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(numbers, (number) => {
        const text = JSON.stringify([number, { a: number }]);
        expect(read(text, everything(2)).read?.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the lines JsonLocator gives', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const [expected, actual] = [new Map<string, number>(), new Map<string, number>()];
        const value = JSON.parse(text);
        actualLines(value, locateJson(Buffer.from(text), SHAPE), '$', DEPTH, expected);
        actualLines(value, read(text, SHAPE).read!.position, '$', DEPTH, actual);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly what JSON.parse accepts', () => {
    const junk = fc.constantFrom('', ',', ']', '}', '{', '"', '\\', '\\u12', '\\x', ' 0', '01', '-', '1.', '1e', '.5', 'tru', 'nul', '[]', ':', '\u0001', '\t', '\u00a0', 'é');
    const damaged = fc.tuple(texts, fc.nat(), junk, fc.boolean()).map(([text, at, piece, cut]) => {
      const place = at % (text.length + 1);
      return cut ? text.slice(0, place) : text.slice(0, place) + piece + text.slice(place);
    });
    fc.assert(
      fc.property(damaged, shapes, (text, shape) => {
        const { read: result, end } = read(text, shape);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const whole = result !== undefined && /^[ \t\n\r]*$/.test(Buffer.from(`${text} `).subarray(end).toString());
        expect(whole).toBe(valid);
        if (!result) expect([INCOMPLETE, INVALID]).toContain(end);
      }),
      { numRuns: 5000 },
    );
  });

  it('makes __proto__ an own member, as JSON.parse does', () => {
    const { read: result } = read('{"__proto__": {"polluted": true}, "a": 1}', { members: { a: {} }, whole: true });
    expect(Object.keys(result!.value as object)).toEqual(['__proto__', 'a']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result!.value)).toBe(Object.prototype);
  });

  it('says a value cut short is incomplete, not invalid', () => {
    const projector = new JsonProjector(SHAPE);
    const bytes = Buffer.from('{"a": [1, 2');
    expect(projector.read(bytes, 0, bytes.length, 1)).toBeUndefined();
    expect(projector.end).toBe(INCOMPLETE);
  });
});
