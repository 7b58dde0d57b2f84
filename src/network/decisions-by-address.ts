import type { AddressSet } from './address-set.js';
import type { Decision } from './decision.js';
import type { IntervalList } from './ip-intervals.js';

interface Entry {
  first: bigint;
  last: bigint;
  decision: Decision;
}

/**
 * The decisions of one answer, found by address: which of them share an address with a set, by a search per interval
 * of the set instead of an intersection with every decision (an allow held against every decision of every port
 * segment costs rules x decisions).
 */
export class DecisionsByAddress {
  private readonly ipv4: Entry[];
  private readonly ipv6: Entry[];
  /** Decisions holding named sources, or overlapping ones: searched by intersection. */
  private readonly searchable: boolean;

  constructor(private readonly decisions: readonly Decision[]) {
    this.ipv4 = entries(decisions, (set) => set.ipv4);
    this.ipv6 = entries(decisions, (set) => set.ipv6);
    this.searchable = decisions.every((decision) => decision.remotes.named.size === 0) && disjoint(this.ipv4) && disjoint(this.ipv6);
  }

  /** Whether `set` is found by search: it and the decisions hold no named source, and it is not every address. */
  searches(set: AddressSet): boolean {
    return this.searchable && set.named.size === 0 && !set.isWholeSpace();
  }

  /** The decisions whose remotes intersect `set` (as AddressSet.intersect says). */
  overlapping(set: AddressSet): Decision[] {
    if (!this.searches(set)) return this.decisions.filter((decision) => !set.intersect(decision.remotes).isEmpty());
    const found = new Set<Decision>();
    search(this.ipv4, set.ipv4, found);
    search(this.ipv6, set.ipv6, found);
    return [...found];
  }
}

function entries(decisions: readonly Decision[], listOf: (set: AddressSet) => IntervalList): Entry[] {
  const all: Entry[] = [];
  for (const decision of decisions) for (const [first, last] of listOf(decision.remotes)) all.push({ first, last, decision });
  return all.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

function disjoint(sorted: readonly Entry[]): boolean {
  for (let index = 1; index < sorted.length; index++) if (sorted[index].first <= sorted[index - 1].last) return false;
  return true;
}

function search(sorted: readonly Entry[], wanted: IntervalList, found: Set<Decision>): void {
  for (const [first, last] of wanted) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle].last < first) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < sorted.length && sorted[at].first <= last; at++) found.add(sorted[at].decision);
  }
}
