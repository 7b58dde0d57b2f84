import type { PortRange } from './model.js';
import type { RuleFacts } from './rule-facts.js';

/** The whole port space as one segment: protocols without ports, and rule sets that never split it. */
export const ONE_SEGMENT: readonly PortRange[] = [{ from: 0, to: 65535 }];

/**
 * The ports that every one of these rules treats alike, in order: their boundaries are the rules' own boundaries,
 * so deciding one port per segment decides all 65,536 ports. `rules` are those of one direction and protocol.
 */
export function portSegments(rules: readonly RuleFacts[]): readonly PortRange[] {
  // Most rules cover all ports: no set is built until one does not.
  let boundaries: Set<number> | undefined;
  for (const facts of rules) {
    if (facts.allPorts) continue;
    for (const range of facts.ports) {
      if (range.from > 0 && range.from <= 65535) (boundaries ??= new Set([0])).add(range.from);
      if (range.to + 1 <= 65535 && range.to >= 0) (boundaries ??= new Set([0])).add(range.to + 1);
    }
  }
  if (!boundaries) return ONE_SEGMENT;
  const starts = [...boundaries].sort((a, b) => a - b);
  return starts.map((from, index) => ({ from, to: index + 1 < starts.length ? starts[index + 1] - 1 : 65535 }));
}

/** Which of the segments holds a port. */
export function segmentIndex(segments: readonly PortRange[], port: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].from <= port) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The first and last segment of each of a rule's port ranges; the segments must be portSegments() of rules including it. */
export function segmentSpans(facts: RuleFacts, segments: readonly PortRange[]): [number, number][] {
  if (facts.allPorts) return [[0, segments.length - 1]];
  const spans: [number, number][] = [];
  for (const range of facts.ports) {
    const from = Math.max(range.from, 0);
    const to = Math.min(range.to, 65535);
    if (from <= to) spans.push([segmentIndex(segments, from), segmentIndex(segments, to)]);
  }
  return spans;
}
