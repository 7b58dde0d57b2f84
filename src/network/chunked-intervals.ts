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
}

const CHUNK = 64;

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
