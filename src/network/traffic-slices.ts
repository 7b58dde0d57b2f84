import { FAMILY_MAX, type Family } from './ip-intervals.js';
import { inPorts } from './ports.js';
import type { RuleFacts } from './rule-facts.js';

/**
 * Where traffic arrives, when a question is about one place: an interface (as rules' `appliesTo` names it: 'on eth0')
 * and a local address ('10.0.0.5'). Left open, every place the rules distinguish is considered.
 */
export interface Endpoint {
  appliesTo?: string;
  local?: string;
}

/**
 * The parts of the traffic that rules single out — by interface (ufw 'on eth0', Windows interface types:
 * `appliesTo`), by local address (ufw 'to 10.0.0.5', an Azure destination prefix) or by source port (ufw 'from any
 * port 53') — each with the rules that apply there; parts where the same rules apply are one. Local addresses and
 * source ports are cut where any rule's restriction begins or ends, so a rule for 10.0.0.0/24 applies to 10.0.0.5 too.
 * Deciding each part with the rules that apply there never hides an allow, and a deny counts exactly where its
 * restriction holds.
 */
export class TrafficSlices {
  /** The rules with a restriction, in evaluation order. */
  readonly restricted: RuleFacts[];
  /** Per part, the positions (in `restricted`) of the rules that apply there; one part with none when nothing is restricted. */
  readonly parts: ReadonlySet<number>[] = [];
  private containing?: number[][];
  private readonly ordered: readonly RuleFacts[];
  private readonly isRestricted: (facts: RuleFacts) => boolean;

  constructor(all: readonly RuleFacts[], at: Endpoint = {}) {
    let ordered = all;
    let sourcePorts = sourcePortProbes(all);
    if (sourcePorts.length > MAX_SOURCE_PORT_PARTS) {
      // Rules each for a source port of its own (a Windows firewall's outbound rules name this host's local port):
      // cutting the traffic at all of them would cost parts x rules. An allow is then taken for every source port (a
      // sender chooses its own) and a deny for none — reported, never assumed safe.
      ordered = all.filter((facts) => !facts.sourcePorts || facts.allow);
      sourcePorts = [undefined];
    }
    this.ordered = ordered;
    const bySourcePort = sourcePorts[0] !== undefined;
    this.isRestricted = (facts) => facts.rule.appliesTo !== undefined || facts.restrictsLocal || (bySourcePort && facts.sourcePorts !== undefined);
    this.restricted = ordered.filter(this.isRestricted);
    if (this.restricted.length === 0) {
      this.parts.push(NONE_RESTRICTED);
      return;
    }
    const interfaces = at.appliesTo !== undefined ? [at.appliesTo] : [undefined, ...new Set(this.restricted.map((facts) => facts.rule.appliesTo).filter((value) => value !== undefined))];
    const locals = localParts(this.restricted, at.local);
    // Signatures are the applying positions, so a part costs what applies there, not every restricted rule.
    const position = new Map(this.restricted.map((facts, index) => [facts, index]));
    const notLocal = this.restricted.flatMap((facts, index) => (facts.restrictsLocal ? [] : [index]));
    const seen = new Set<string>();
    for (const appliesTo of interfaces) {
      for (const local of locals) {
        for (const sourcePort of sourcePorts) {
          const applying: number[] = [];
          const consider = (index: number) => {
            const facts = this.restricted[index];
            if ((facts.rule.appliesTo === undefined || facts.rule.appliesTo === appliesTo) && (!facts.sourcePorts || !bySourcePort || inPorts(facts.sourcePorts, sourcePort!))) applying.push(index);
          };
          for (const index of notLocal) consider(index);
          for (const facts of local) consider(position.get(facts)!);
          applying.sort((a, b) => a - b);
          const signature = applying.join(',');
          if (seen.has(signature)) continue;
          seen.add(signature);
          this.parts.push(new Set(applying));
        }
      }
    }
  }

  /** The rules of a part, in evaluation order. */
  rulesOf(part: number): RuleFacts[] {
    if (this.restricted.length === 0) return [...this.ordered];
    const applying = new Set([...this.parts[part]].map((index) => this.restricted[index]));
    return this.ordered.filter((facts) => !this.isRestricted(facts) || applying.has(facts));
  }

  /** The parts where the restricted rule at `index` applies. */
  partsWith(index: number): readonly number[] {
    if (!this.containing) {
      const containing: number[][] = this.restricted.map(() => []);
      this.parts.forEach((applying, part) => {
        for (const at of applying) containing[at].push(part);
      });
      this.containing = containing;
    }
    return this.containing[index];
  }
}

const NONE_RESTRICTED: ReadonlySet<number> = new Set();

/** Beyond this many parts of the source ports, rules limited to source ports are not cut apart (see TrafficSlices). */
const MAX_SOURCE_PORT_PARTS = 64;

/**
 * Per part of the local addresses, the rules restricted to local addresses that apply there: found by one sweep over
 * the restrictions' edges, so that a thousand rules for a thousand addresses cost a thousand parts, not a million tests.
 */
function localParts(restricted: readonly RuleFacts[], local: string | undefined): ReadonlySet<RuleFacts>[] {
  const limited = restricted.filter((facts) => facts.restrictsLocal);
  if (local !== undefined) return [new Set(limited.filter((facts) => facts.local.has(local)))];
  if (limited.length === 0) return [new Set()];
  const parts: ReadonlySet<RuleFacts>[] = [];
  for (const family of ['ipv4', 'ipv6'] as Family[]) {
    const edges: { at: bigint; facts: RuleFacts; start: boolean }[] = [];
    for (const facts of limited) {
      for (const [first, last] of family === 'ipv4' ? facts.local.ipv4 : facts.local.ipv6) {
        edges.push({ at: first, facts, start: true });
        if (last < FAMILY_MAX[family]) edges.push({ at: last + 1n, facts, start: false });
      }
    }
    edges.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const inside = new Set<RuleFacts>();
    if (edges.length === 0 || edges[0].at > 0n) parts.push(new Set());
    for (let index = 0; index < edges.length; ) {
      const { at } = edges[index];
      for (; index < edges.length && edges[index].at === at; index++) {
        if (edges[index].start) inside.add(edges[index].facts);
        else inside.delete(edges[index].facts);
      }
      parts.push(new Set(inside));
    }
  }
  const names = new Set<string>();
  for (const facts of limited) for (const key of facts.local.nameKeys()) names.add(key);
  for (const name of names) parts.push(new Set(limited.filter((facts) => facts.local.named.has(name))));
  return parts;
}

/**
 * A source port in each part of the source ports that rules cut out; one undefined part when no rule does. Port 0 is
 * no sender's source port: denies for 1 to 1023 and for 1024 to 65535 stop everything.
 */
function sourcePortProbes(rules: readonly RuleFacts[]): (number | undefined)[] {
  const starts = new Set<number>();
  for (const facts of rules) {
    for (const { from, to } of facts.sourcePorts ?? []) {
      starts.add(Math.max(from, 1));
      if (to < 65535) starts.add(to + 1);
    }
  }
  if (starts.size === 0) return [undefined];
  starts.add(1);
  return [...starts];
}
