import ipaddr from 'ipaddr.js';
import { seededRandom } from '../support/seeded-random.js';

/**
 * Seeded random ufw rule sets for the differential test, and the test's own reading of what they mean: a brute-force
 * evaluator over the generated commands that knows nothing of Parapet's parser. It models what ufw's manual says:
 * per address family, per direction, the first matching rule in order decides ('insert N' puts a rule at position N),
 * LIMIT is an allow, a rule 'from any' exists for IPv4 and IPv6, a rule from an address only for its family.
 */

export interface GeneratedRule {
  command: string;
  action: 'allow' | 'deny' | 'reject' | 'limit';
  direction: 'in' | 'out';
  protocol: 'tcp' | 'udp' | 'any';
  /** undefined = all ports. */
  ports?: [number, number][];
  /** CIDR of the remote side, or 'any' (both families). */
  remote: string;
  families: ('v4' | 'v6')[];
  /** 0-based position in the IPv4 list for 'insert'. */
  insertAt?: number;
}

export interface RuleSet {
  seed: number;
  commands: string[];
  rules: GeneratedRule[];
  defaultIncoming: 'allow' | 'deny' | 'reject';
  defaultOutgoing: 'allow' | 'deny';
  enabled: boolean;
}

export interface Packet {
  family: 'v4' | 'v6';
  direction: 'in' | 'out';
  protocol: 'tcp' | 'udp';
  port: number;
  remote: string;
}

const V4_SOURCES = ['0.0.0.0/0', '203.0.113.0/24', '198.51.100.7', '10.0.0.0/8', '192.168.1.0/24'];
const V6_SOURCES = ['::/0', '2001:db8::/32', '2001:db8:1::/48', 'fe80::/10'];
export const V4_PROBES = ['203.0.113.9', '198.51.100.7', '198.51.100.8', '10.1.2.3', '192.168.1.20', '8.8.8.8'];
export const V6_PROBES = ['2001:db8::5', '2001:db8:1::9', '2001:db9::1', 'fe80::1'];
const PORTS = [22, 23, 25, 53, 80, 443, 2222, 3389, 5432, 8081, 8084];
const APPS: Record<string, [number, number][]> = { OpenSSH: [[22, 22]], '"Nginx Full"': [[80, 80], [443, 443]], '"Nginx HTTP"': [[80, 80]] };

export const random = seededRandom;

export function generateRuleSet(seed: number): RuleSet {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const set: RuleSet = { seed, commands: [], rules: [], defaultIncoming: 'deny', defaultOutgoing: 'allow', enabled: next() > 0.1 };
  if (next() < 0.25) set.defaultIncoming = pick(['allow', 'reject'] as const);
  if (next() < 0.15) set.defaultOutgoing = 'deny';
  if (set.defaultIncoming !== 'deny') set.commands.push(`default ${set.defaultIncoming} incoming`);
  if (set.defaultOutgoing !== 'allow') set.commands.push('default deny outgoing');

  const seen = new Set<string>();
  const count = 3 + Math.floor(next() * 5);
  for (let attempt = 0; set.rules.length < count && attempt < 50; attempt++) {
    const rule = generateRule(next, pick, set.rules);
    // ufw refuses a second rule with the same tuple ('Skipping adding existing rule') or updates its action in place.
    const keys = rule.families.map((family) => {
      const remote = rule.remote !== 'any' ? rule.remote : family === 'v4' ? '0.0.0.0/0' : '::/0';
      return `${family} ${rule.direction} ${rule.protocol} ${JSON.stringify(rule.ports)} ${remote} ${rule.command.includes(' app ')}`;
    });
    if (keys.some((key) => seen.has(key))) continue;
    keys.forEach((key) => seen.add(key));
    set.rules.push(rule);
    set.commands.push(rule.command);
  }
  if (!set.enabled) set.commands.push('disable');
  return set;
}

type Pick = <T>(items: readonly T[]) => T;

function generateRule(next: () => number, pick: Pick, earlier: GeneratedRule[]): GeneratedRule {
  const action = pick(['allow', 'allow', 'deny', 'reject', 'limit'] as const);
  const direction = action !== 'limit' && next() < 0.2 ? 'out' : 'in';
  const family = pick(['any', 'any', 'v4', 'v6'] as const);
  const remote = family === 'any' ? 'any' : pick(family === 'v4' ? V4_SOURCES : V6_SOURCES);
  const families: GeneratedRule['families'] = family === 'any' ? ['v4', 'v6'] : [family];
  const side = direction === 'in' ? `from ${remote} to any` : `from any to ${remote}`;
  const dir = direction === 'out' ? 'out ' : '';

  if (direction === 'in' && action !== 'reject' && next() < 0.15) {
    const app = pick(Object.keys(APPS));
    return { command: `${action} ${side} app ${app}`, action, direction, protocol: 'tcp', ports: APPS[app], remote, families };
  }
  const shape = pick(['single', 'single', 'range', 'list', 'all'] as const);
  const protocol = action === 'limit' || shape === 'range' || shape === 'list' ? pick(['tcp', 'udp'] as const) : pick(['tcp', 'udp', 'any'] as const);
  let ports: [number, number][] | undefined;
  let spec = '';
  if (shape === 'single') {
    const port = pick(PORTS);
    ports = [[port, port]];
    spec = String(port);
  } else if (shape === 'range') {
    const from = pick(PORTS);
    ports = [[from, from + 100]];
    spec = `${from}:${from + 100}`;
  } else if (shape === 'list') {
    const [a, b] = [pick(PORTS), pick(PORTS)].sort((x, y) => x - y);
    ports = a === b ? [[a, a]] : [[a, a], [b, b]];
    spec = a === b ? String(a) : `${a},${b}`;
  }
  const proto = protocol === 'any' ? '' : ` proto ${protocol}`;
  const port = ports ? ` port ${spec}` : '';
  let command = `${action} ${dir}${side}${port}${proto}`;
  if (remote === 'any' && ports && next() < 0.5) command = `${action} ${dir}${spec}${protocol === 'any' ? '' : `/${protocol}`}`;
  if (ports === undefined && remote === 'any' && protocol === 'any') command = `${action} ${dir}${side}${port} proto tcp`;
  const rule: GeneratedRule = { command, action, direction, protocol: ports === undefined && remote === 'any' && protocol === 'any' ? 'tcp' : protocol, ports, remote, families };

  const v4Count = earlier.filter((other) => other.families.includes('v4')).length;
  if (families.length === 1 && families[0] === 'v4' && v4Count > 0 && next() < 0.3) {
    rule.insertAt = Math.floor(next() * v4Count);
    rule.command = `insert ${rule.insertAt + 1} ${rule.command}`;
  }
  return rule;
}

/** The rules each (family, direction) list holds, in ufw's evaluation order. */
function orderedRules(set: RuleSet, family: 'v4' | 'v6'): GeneratedRule[] {
  const list: GeneratedRule[] = [];
  for (const rule of set.rules) {
    if (!rule.families.includes(family)) continue;
    if (rule.insertAt !== undefined) list.splice(rule.insertAt, 0, rule);
    else list.push(rule);
  }
  return list;
}

export function expectedVerdict(set: RuleSet, packet: Packet, assumeShippedDefaults = false): 'allow' | 'deny' {
  if (!set.enabled) return 'allow';
  const rule = orderedRules(set, packet.family).find((candidate) =>
    candidate.direction === packet.direction &&
    (candidate.protocol === 'any' || candidate.protocol === packet.protocol) &&
    (candidate.ports === undefined || candidate.ports.some(([from, to]) => from <= packet.port && packet.port <= to)) &&
    (candidate.remote === 'any' || inside(packet.remote, candidate.remote)));
  if (rule) return rule.action === 'allow' || rule.action === 'limit' ? 'allow' : 'deny';
  if (packet.direction === 'in') return !assumeShippedDefaults && set.defaultIncoming === 'allow' ? 'allow' : 'deny';
  return assumeShippedDefaults || set.defaultOutgoing === 'allow' ? 'allow' : 'deny';
}

function inside(address: string, cidr: string): boolean {
  const [network, bits] = cidr.includes('/') ? ipaddr.parseCIDR(cidr) : [ipaddr.parse(cidr), cidr.includes(':') ? 128 : 32];
  const parsed = ipaddr.parse(address);
  return parsed.kind() === network.kind() && parsed.match(network, bits);
}

export function packets(seed: number, set: RuleSet, count: number): Packet[] {
  const next = random(seed * 7919 + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const ports = [...PORTS, ...set.rules.flatMap((rule) => (rule.ports ?? []).flatMap(([from, to]) => [from, to, to + 1, from + 50])), 9999];
  return Array.from({ length: count }, () => {
    const family = pick(['v4', 'v6'] as const);
    return { family, direction: next() < 0.75 ? 'in' : 'out', protocol: pick(['tcp', 'udp'] as const), port: pick(ports), remote: pick(family === 'v4' ? V4_PROBES : V6_PROBES) };
  });
}
