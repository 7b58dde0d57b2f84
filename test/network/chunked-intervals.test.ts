import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedIntervals } from '../../src/network/chunked-intervals.js';
import { intersectIntervals, normalize, subtractIntervals, type Interval } from '../../src/network/ip-intervals.js';

const interval = fc.tuple(fc.nat(5000), fc.nat(40)).map(([first, length]): Interval => [BigInt(first), BigInt(first + length)]);
// Up to 300 intervals: lists of one chunk and of several.
const list = fc.array(interval, { maxLength: 300 }).map(normalize);

describe('chunked interval lists', () => {
  it('take what intersecting holds and leave what subtracting leaves, for lists of one chunk and of many', () => {
    fc.assert(
      fc.property(list, fc.array(fc.array(interval, { maxLength: 4 }).map(normalize), { maxLength: 6 }), (start, takes) => {
        let chunked = ChunkedIntervals.of(start);
        let plain = start;
        for (const taken of takes) {
          const { held, rest } = chunked.take(taken);
          expect(held).toEqual(intersectIntervals(plain, taken));
          plain = subtractIntervals(plain, taken);
          expect(rest.toList()).toEqual(plain);
          expect(rest.isEmpty()).toBe(plain.length === 0);
          chunked = rest;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
