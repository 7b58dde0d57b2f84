import { DecisionMap } from './decision-map.js';
import type { PortRange } from './model.js';
import type { RuleFacts } from './rule-facts.js';
import type { TrafficSlices } from './traffic-slices.js';

/**
 * The decision maps of the parts of one traffic that rules single out (see TrafficSlices), made when first needed. At
 * a port segment only the restricted rules whose ports cover it tell parts apart, so the answer there reads one map
 * per distinct set of those rules, not one per part: a thousand rules, each for a local address and a port of its
 * own, make a thousand parts, but two maps to read at each port.
 */
export class SlicedDecisionMaps {
  private readonly maps: (DecisionMap | undefined)[] = [];
  private bySegment?: Map<number, DecisionMap[]>;
  /** By segment, the positions of the restricted rules whose ports cover it. */
  private covering?: Map<number, number[]>;

  constructor(
    private readonly slices: TrafficSlices,
    private readonly segments: readonly PortRange[],
    private readonly spans: (facts: RuleFacts) => readonly (readonly [number, number])[],
  ) {}

  /** The maps whose decisions at a segment, together, are the traffic's there. */
  at(segment: number): DecisionMap[] {
    const { parts, restricted } = this.slices;
    if (parts.length === 1) return [this.map(0)];
    const bySegment = (this.bySegment ??= new Map());
    let maps = bySegment.get(segment);
    if (!maps) {
      const covering = this.coveringOf(restricted).get(segment) ?? [];
      // Every part where a covering rule applies, and one where none does.
      const candidates = new Set<number>();
      for (const index of covering) for (const part of this.slices.partsWith(index)) candidates.add(part);
      const withNone = this.partWithout(covering);
      if (withNone >= 0) candidates.add(withNone);
      maps = [];
      const seen = new Set<string>();
      for (const part of [...candidates].sort((a, b) => a - b)) {
        let key = '';
        for (const index of covering) key += parts[part].has(index) ? '1' : '0';
        if (seen.has(key)) continue;
        seen.add(key);
        maps.push(this.map(part));
      }
      bySegment.set(segment, maps);
    }
    return maps;
  }

  private coveringOf(restricted: readonly RuleFacts[]): Map<number, number[]> {
    if (!this.covering) {
      const covering = new Map<number, number[]>();
      restricted.forEach((facts, index) => {
        for (const [first, last] of this.spans(facts)) {
          for (let segment = first; segment <= last; segment++) {
            const positions = covering.get(segment);
            if (!positions) covering.set(segment, [index]);
            else if (positions[positions.length - 1] !== index) positions.push(index);
          }
        }
      });
      this.covering = covering;
    }
    return this.covering;
  }

  /** A part where none of the rules at `positions` applies, if any: usually among the first few. */
  private partWithout(positions: readonly number[]): number {
    return this.slices.parts.findIndex((applying) => positions.every((index) => !applying.has(index)));
  }

  private map(part: number): DecisionMap {
    return (this.maps[part] ??= new DecisionMap(this.segments, this.slices.rulesOf(part), this.spans));
  }
}
