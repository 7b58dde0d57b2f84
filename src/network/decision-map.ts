import { AddressSet } from './address-set.js';
import { ChunkedIntervals } from './chunked-intervals.js';
import type { ScopeReachability } from './decision.js';
import { fullSpace } from './ip-intervals.js';
import type { PortRange } from './model.js';
import type { RuleFacts } from './rule-facts.js';

/** The part of the remote addresses one rule decides in a port segment. */
export interface Claim {
  facts: RuleFacts;
  remotes: AddressSet;
}

/** How one port segment's traffic is decided: each rule's part of the remote addresses in evaluation order, and the rest. */
export interface SegmentDecisions {
  claims: readonly Claim[];
  /** The addresses no rule decides (named sources aside: a name is decided by the first rule that names it). */
  undecided: AddressSet;
}

/** What is still undecided in a segment, and what was claimed there, newest first. Shared by the segments it is equal for. */
interface SegmentState {
  ipv4: ChunkedIntervals;
  ipv6: ChunkedIntervals;
  /** Keys of the named sources decided so far. */
  names?: ReadonlySet<string>;
  claims?: ClaimLink;
}

interface ClaimLink {
  claim: Claim;
  previous?: ClaimLink;
}

/**
 * The whole (port x remote address) space of one scope, direction, protocol and slice of traffic, decided in one pass
 * over its rules in evaluation order: each rule takes, in each segment of its ports, the addresses no earlier rule
 * took there. Segments share their state while the same rules have taken the same addresses in them, so a rule is
 * worked out once for all the segments it sees alike; a segment with nothing left undecided is passed over.
 */
export class DecisionMap {
  /** The reachability answers read from this map, by segment (see reachability.ts). */
  readonly answers: (ScopeReachability | undefined)[] = [];
  /** By segment; a segment no rule has visited is absent (a map of one part of the traffic often sees few). */
  private readonly states: (SegmentState | undefined)[] = [];
  private readonly read: (SegmentDecisions | undefined)[] = [];

  /**
   * `ordered`: the rules in evaluation order; `spans(facts)`: the first and last segment of each of its port ranges
   * (none when it does not match this traffic).
   */
  constructor(
    readonly segments: readonly PortRange[],
    ordered: readonly RuleFacts[],
    spans: (facts: RuleFacts) => readonly (readonly [number, number])[],
  ) {
    const open = new OpenSegments();
    for (const facts of ordered) {
      let before: SegmentState | undefined;
      let after: SegmentState | undefined;
      for (const [first, last] of spans(facts)) {
        for (let index = open.atOrAfter(first); index <= last; index = open.atOrAfter(index + 1)) {
          const state = this.states[index] ?? NOTHING_DECIDED;
          if (state !== before) {
            before = state;
            after = claimed(state, facts);
          }
          this.states[index] = after;
          if (after!.ipv4.isEmpty() && after!.ipv6.isEmpty()) open.close(index);
        }
      }
    }
  }

  /** How the segment at `index` is decided. */
  at(index: number): SegmentDecisions {
    let decisions = this.read[index];
    if (!decisions) {
      const state = this.states[index] ?? NOTHING_DECIDED;
      const claims: Claim[] = [];
      for (let link = state.claims; link; link = link.previous) claims.push(link.claim);
      claims.reverse();
      decisions = { claims, undecided: AddressSet.ofNormalized(state.ipv4.toList(), state.ipv6.toList()) };
      this.read[index] = decisions;
    }
    return decisions;
  }
}

/** The state after a rule takes its part; the same state when it takes nothing. */
function claimed(state: SegmentState, facts: RuleFacts): SegmentState {
  const { remotes } = facts;
  const ipv4 = state.ipv4.take(remotes.ipv4);
  const ipv6 = state.ipv6.take(remotes.ipv6);
  let names = state.names;
  let newNames: string[] | undefined;
  for (const key of remotes.nameKeys()) if (!names?.has(key)) (newNames ??= []).push(key);
  const heldAll = ipv4.held.length === remotes.ipv4.length && ipv6.held.length === remotes.ipv6.length && sameIntervals(ipv4.held, remotes.ipv4) && sameIntervals(ipv6.held, remotes.ipv6);
  let taken = heldAll ? remotes.addresses() : AddressSet.ofNormalized(ipv4.held, ipv6.held);
  if (newNames && heldAll && newNames.length === remotes.named.size) {
    taken = remotes;
    names = new Set([...(names ?? []), ...newNames]);
  } else if (newNames) {
    taken = taken.union(remotes.names().withoutNames(names ?? NO_KEYS));
    names = new Set([...(names ?? []), ...newNames]);
  }
  if (taken.isEmpty()) return state;
  return { ipv4: ipv4.rest, ipv6: ipv6.rest, names, claims: { claim: { facts, remotes: taken }, previous: state.claims } };
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NOTHING_DECIDED: SegmentState = { ipv4: ChunkedIntervals.of(fullSpace('ipv4')), ipv6: ChunkedIntervals.of(fullSpace('ipv6')) };

function sameIntervals(a: readonly (readonly [bigint, bigint])[], b: readonly (readonly [bigint, bigint])[]): boolean {
  for (let index = 0; index < a.length; index++) if (a[index][0] !== b[index][0] || a[index][1] !== b[index][1]) return false;
  return true;
}

/** The segments still open, found by skipping closed ones (each closed segment points further on). */
class OpenSegments {
  /** Closed segments only: where to look next. */
  private readonly next: (number | undefined)[] = [];

  atOrAfter(index: number): number {
    let found = index;
    for (let further = this.next[found]; further !== undefined; further = this.next[found]) found = further;
    for (let at = index; at !== found; ) {
      const following = this.next[at]!;
      this.next[at] = found;
      at = following;
    }
    return found;
  }

  close(index: number): void {
    this.next[index] = index + 1;
  }
}
