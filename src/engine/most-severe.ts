import type { Finding } from '../model/finding.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { compareFindings, type Ranked } from './compare-findings.js';

/**
 * The `limit` most severe of the findings offered — the ones a report capped at that many keeps — and how many others
 * there were. A finding that would not make the cut is turned away before it is made, so that a scan with a hundred
 * thousand low findings holds only as many as it will report.
 */
export class MostSevere {
  /** A heap with the least severe (the last in the report) on top. */
  private readonly heap: Finding[] = [];
  /** Findings offered and not kept. */
  omitted = 0;

  constructor(readonly limit: number) {}

  /** Whether a finding ranked so would be kept. When not, it is counted as omitted. */
  admits(candidate: Ranked): boolean {
    if (this.heap.length < this.limit) return true;
    if (this.limit > 0 && compareRank(candidate, this.heap[0]) < 0) return true;
    this.omitted++;
    return false;
  }

  /** Keeps a finding that admits() let in, letting the least severe go if the limit is reached. */
  add(finding: Finding): void {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push(finding);
      this.siftUp(heap.length - 1);
      return;
    }
    heap[0] = finding;
    this.omitted++;
    this.siftDown(0);
  }

  all(): Finding[] {
    return this.heap;
  }

  private siftUp(index: number): void {
    const { heap } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compareRank(heap[index], heap[parent]) <= 0) return;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const { heap } = this;
    for (;;) {
      const left = 2 * index + 1, right = left + 1;
      let last = index;
      if (left < heap.length && compareRank(heap[left], heap[last]) > 0) last = left;
      if (right < heap.length && compareRank(heap[right], heap[last]) > 0) last = right;
      if (last === index) return;
      [heap[index], heap[last]] = [heap[last], heap[index]];
      index = last;
    }
  }
}

/** The order of a capped report: the most severe first, then as the report lists them. */
export function compareRank(a: Ranked, b: Ranked): number {
  return SEVERITY_SCALE[b.severity].rank - SEVERITY_SCALE[a.severity].rank || compareFindings(a, b);
}
