import type { Interval, IntervalList } from './ip-intervals.js';

/**
 * An immutable interval list kept in chunks of at most CHUNK intervals, so that taking a few addresses out of a list
 * of thousands copies one chunk and the chunk index, not the whole list: a decision map takes each rule's addresses
 * out of what is still undecided, and 20,000 single-address rules would otherwise copy the growing list 20,000 times.
 * Lists are shared between the port segments they are still equal for.
 */
export class ChunkedIntervals {
  private constructor(private readonly chunks: readonly IntervalList[]) {}

  static of(list: IntervalList): ChunkedIntervals {
    return new ChunkedIntervals(chunked(list));
  }

  isEmpty(): boolean {
    return this.chunks.length === 0;
  }

  /** The intervals, in one list. */
  toList(): IntervalList {
    return this.chunks.length === 1 ? this.chunks[0] : this.chunks.flat();
  }

  /**
   * The part of `taken` (a normalized list) this list holds, and this list without it; `this` itself when they share
   * nothing, at the cost of a search per interval taken.
   */
  take(taken: IntervalList): { held: IntervalList; rest: ChunkedIntervals } {
    if (taken.length === 0) return { held: taken, rest: this };
    if (this.chunks.length === 1) return this.takeFromOne(taken);
    let chunks = this.chunks;
    const held: Interval[] = [];
    for (const [first, last] of taken) {
      // The chunks that hold any of [first, last]: from the first whose end reaches `first` to the last starting by `last`.
      const from = firstChunkEndingAtOrAfter(chunks, first);
      let to = from;
      while (to < chunks.length && chunks[to][0][0] <= last) to++;
      if (from >= to || !overlapsAny(chunks, from, to, first, last)) continue;
      const kept: Interval[] = [];
      for (let index = from; index < to; index++) {
        for (const interval of chunks[index]) {
          const [start, end] = interval;
          if (end < first || start > last) {
            kept.push(interval);
            continue;
          }
          if (start < first) kept.push([start, first - 1n]);
          held.push([start > first ? start : first, end < last ? end : last]);
          if (end > last) kept.push([last + 1n, end]);
        }
      }
      chunks = chunks.slice(0, from).concat(chunked(kept), chunks.slice(to));
    }
    return { held, rest: chunks === this.chunks ? this : new ChunkedIntervals(chunks) };
  }

  /** take() for a list of one chunk (most lists): one pass over both, without the chunk index. */
  private takeFromOne(taken: IntervalList): { held: IntervalList; rest: ChunkedIntervals } {
    const list = this.chunks[0];
    const held: Interval[] = [];
    const kept: Interval[] = [];
    let at = 0;
    for (const interval of list) {
      let [start] = interval;
      const end = interval[1];
      while (at < taken.length && taken[at][1] < start) at++;
      for (let next = at; next < taken.length && taken[next][0] <= end && start <= end; next++) {
        const [first, last] = taken[next];
        if (first > start) kept.push([start, first - 1n]);
        held.push([first > start ? first : start, last < end ? last : end]);
        start = last + 1n;
      }
      if (start === interval[0]) kept.push(interval);
      else if (start <= end) kept.push([start, end]);
    }
    if (held.length === 0) return { held, rest: this };
    return { held, rest: kept.length === 0 ? NONE : new ChunkedIntervals(chunked(kept)) };
  }
}

const CHUNK = 64;
const NONE = ChunkedIntervals.of([]);

function chunked(list: IntervalList): IntervalList[] {
  if (list.length <= CHUNK) return list.length === 0 ? [] : [list];
  const chunks: IntervalList[] = [];
  for (let at = 0; at < list.length; at += CHUNK) chunks.push(list.slice(at, at + CHUNK));
  return chunks;
}

function firstChunkEndingAtOrAfter(chunks: readonly IntervalList[], address: bigint): number {
  let low = 0;
  let high = chunks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const chunk = chunks[middle];
    if (chunk[chunk.length - 1][1] < address) low = middle + 1;
    else high = middle;
  }
  return low;
}

function overlapsAny(chunks: readonly IntervalList[], from: number, to: number, first: bigint, last: bigint): boolean {
  for (let index = from; index < to; index++) for (const [start, end] of chunks[index]) if (start <= last && end >= first) return true;
  return false;
}
