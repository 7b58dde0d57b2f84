import type { Interval, IntervalList } from './ip-intervals.js';

/** Each list's part that no earlier list holds; what no list holds; and the last list that got any part. */
export interface Claims {
  claimed: IntervalList[];
  unclaimed: IntervalList;
  /** -1 when no list got anything. */
  lastClaimant: number;
}

/**
 * First-match over address lists: every address goes to the first list that holds it. Subtracting each list from
 * what the earlier ones left costs lists × intervals once the leftover is fragmented (50,000 single-address rules:
 * minutes); this sweeps the boundaries of all lists once, keeping the lists that hold the current address in a heap by
 * their order. `lists` must be normalized (sorted, disjoint, not adjacent); `max` is the family's last address.
 */
export function firstClaims(lists: readonly IntervalList[], max: bigint): Claims {
  const boundaries: { at: bigint; list: number; start: boolean }[] = [];
  lists.forEach((intervals, list) => {
    for (const [first, last] of intervals) boundaries.push({ at: first, list, start: true }, { at: last + 1n, list, start: false });
  });
  boundaries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const claimed: Interval[][] = lists.map(() => []);
  const unclaimed: Interval[] = [];
  const holding = new MinHeap();
  const inside = new Uint8Array(lists.length);
  let lastClaimant = -1;
  let from = 0n;
  const assign = (to: bigint) => {
    if (from > to || from > max) return;
    const end = to > max ? max : to;
    while (holding.size > 0 && inside[holding.peek()] === 0) holding.pop();
    const owner = holding.size > 0 ? holding.peek() : -1;
    const target = owner >= 0 ? claimed[owner] : unclaimed;
    const previous = target[target.length - 1];
    if (previous && previous[1] + 1n === from) target[target.length - 1] = [previous[0], end];
    else target.push([from, end]);
    if (owner > lastClaimant) lastClaimant = owner;
  };
  for (let index = 0; index < boundaries.length; ) {
    const at = boundaries[index].at;
    assign(at - 1n);
    for (; index < boundaries.length && boundaries[index].at === at; index++) {
      const { list, start } = boundaries[index];
      inside[list] = start ? 1 : 0;
      if (start) holding.push(list);
    }
    from = at;
  }
  assign(max);
  return { claimed, unclaimed, lastClaimant };
}

/** The smallest list number on top; lists that ended are dropped when they reach the top. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(item: number): void {
    const { items } = this;
    items.push(item);
    for (let at = items.length - 1; at > 0; ) {
      const parent = (at - 1) >> 1;
      if (items[parent] <= items[at]) break;
      [items[parent], items[at]] = [items[at], items[parent]];
      at = parent;
    }
  }

  pop(): void {
    const { items } = this;
    const last = items.pop()!;
    if (items.length === 0) return;
    items[0] = last;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < items.length && items[left] < items[smallest]) smallest = left;
      if (right < items.length && items[right] < items[smallest]) smallest = right;
      if (smallest === at) break;
      [items[smallest], items[at]] = [items[at], items[smallest]];
      at = smallest;
    }
  }
}
