import { containsValue, FAMILY_MAX, type Family, type IntervalList } from './ip-intervals.js';
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
 * The rules of each part of the traffic that rules single out — by interface (ufw 'on eth0', Windows interface types:
 * `appliesTo`), by local address (ufw 'to 10.0.0.5', an Azure destination prefix) or by source port (ufw 'from any
 * port 53') — in the order given; parts where the same rules apply are one. Local addresses and source ports are cut
 * where any rule's restriction begins or ends, so a rule for 10.0.0.0/24 applies to 10.0.0.5 too. Deciding each part
 * with the rules that apply there never hides an allow, and a deny counts exactly where its restriction holds.
 */
export function slicedRules(all: readonly RuleFacts[], at: Endpoint = {}): RuleFacts[][] {
  let ordered = all;
  let sourcePorts = sourcePortProbes(all);
  if (sourcePorts.length > MAX_SOURCE_PORT_PARTS) {
    // Rules each for a source port of its own (a Windows firewall's outbound rules name this host's local port): cutting
    // the traffic at all of them would cost parts x rules. An allow is then taken for every source port (a sender
    // chooses its own) and a deny for none — reported, never assumed safe.
    ordered = all.filter((facts) => !facts.sourcePorts || facts.allow);
    sourcePorts = [undefined];
  }
  const sliced = (facts: RuleFacts) => facts.rule.appliesTo !== undefined || facts.restrictsLocal || (facts.sourcePorts !== undefined && sourcePorts[0] !== undefined);
  const restricted = ordered.filter(sliced);
  if (restricted.length === 0) return [ordered as RuleFacts[]];
  const interfaces = at.appliesTo !== undefined ? [at.appliesTo] : [undefined, ...new Set(restricted.map((facts) => facts.rule.appliesTo).filter((value) => value !== undefined))];
  const locals = localProbes(restricted, at.local);
  const seen = new Set<string>();
  const slices: RuleFacts[][] = [];
  for (const appliesTo of interfaces) {
    for (const local of locals) {
      for (const sourcePort of sourcePorts) {
        const applies = (facts: RuleFacts) =>
          (facts.rule.appliesTo === undefined || facts.rule.appliesTo === appliesTo) && (!facts.restrictsLocal || local(facts)) && (!facts.sourcePorts || sourcePort === undefined || inPorts(facts.sourcePorts, sourcePort));
        let signature = '';
        for (const facts of restricted) signature += applies(facts) ? '1' : '0';
        if (seen.has(signature)) continue;
        seen.add(signature);
        slices.push(ordered.filter((facts) => !sliced(facts) || applies(facts)));
      }
    }
  }
  return slices;
}

/** Beyond this many parts of the source ports, rules limited to source ports are not cut apart (see slicedRules). */
const MAX_SOURCE_PORT_PARTS = 64;

/** One test per part of the local addresses: whether a rule restricted to some local addresses applies there. */
function localProbes(restricted: readonly RuleFacts[], local: string | undefined): ((facts: RuleFacts) => boolean)[] {
  if (local !== undefined) return [(facts) => facts.local.has(local)];
  const limited = restricted.filter((facts) => facts.restrictsLocal);
  if (limited.length === 0) return [() => false];
  const probes: ((facts: RuleFacts) => boolean)[] = [];
  for (const family of ['ipv4', 'ipv6'] as Family[]) {
    const listOf = (facts: RuleFacts): IntervalList => (family === 'ipv4' ? facts.local.ipv4 : facts.local.ipv6);
    const starts = new Set<bigint>([0n]);
    for (const facts of limited) {
      for (const [first, last] of listOf(facts)) {
        starts.add(first);
        if (last < FAMILY_MAX[family]) starts.add(last + 1n);
      }
    }
    for (const start of starts) probes.push((facts) => containsValue(listOf(facts), start));
  }
  const names = new Set<string>();
  for (const facts of limited) for (const key of facts.local.nameKeys()) names.add(key);
  for (const name of names) probes.push((facts) => facts.local.named.has(name));
  return probes;
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
