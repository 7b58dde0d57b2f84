import ipaddr from 'ipaddr.js';
import { addressToBigInt, cidrInterval, intersectIntervals, normalize, subtractIntervals, fullSpace, type Family, type Interval, type IntervalList } from './ip-intervals.js';

/**
 * Which addresses are public: everything ipaddr.js classifies as 'unicast', plus ranges that are routed on the internet
 * although ipaddr.js names them (6to4, Teredo, NAT64, AMT, AS112 anycast). Documentation ranges (TEST-NET-1/2/3,
 * 2001:db8::/32, 3fff::/20) count as public too: they never appear in real traffic, and in examples and fixtures they
 * stand for "some public address", so treating them as private would silence exactly the cases people write down.
 * Everything else ipaddr.js names (private, loopback, link-local, unique-local, CGNAT, multicast, reserved…) is not public.
 */
const PUBLIC_RANGE_NAMES = new Set(['unicast', '6to4', 'teredo', 'rfc6052', 'amt', 'as112', 'as112v6']);

const DOCUMENTATION_CIDRS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32', '3fff::/20'];

type SpecialRanges = Record<string, [ipaddr.IPv4 | ipaddr.IPv6, number] | [ipaddr.IPv4 | ipaddr.IPv6, number][]>;

/**
 * The non-public part of one family, derived from the table ipaddr.js's own range() consults, in the order it consults
 * it (the first matching name wins, and names nest: Teredo lies inside a reserved /23), so the result agrees with range().
 */
function nonPublicIntervals(family: Family): IntervalList {
  const prototype = (family === 'ipv4' ? ipaddr.IPv4.prototype : ipaddr.IPv6.prototype) as unknown as { SpecialRanges: SpecialRanges };
  let classified: IntervalList = [];
  let nonPublic: IntervalList = [];
  for (const [name, entry] of Object.entries(prototype.SpecialRanges)) {
    const subnets = (Array.isArray(entry[0]) ? entry : [entry]) as [ipaddr.IPv4 | ipaddr.IPv6, number][];
    const ranges = normalize(subnets.map(([address, prefix]) => cidrInterval(addressToBigInt(address), prefix, family)));
    const newlyClassified = subtractIntervals(ranges, classified);
    if (!PUBLIC_RANGE_NAMES.has(name)) nonPublic = normalize([...nonPublic, ...newlyClassified]);
    classified = normalize([...classified, ...newlyClassified]);
  }
  const documentation = DOCUMENTATION_CIDRS.map((cidr) => ipaddr.parseCIDR(cidr))
    .filter(([address]) => address.kind() === family)
    .map(([address, prefix]): Interval => cidrInterval(addressToBigInt(address), prefix, family));
  return subtractIntervals(nonPublic, normalize(documentation));
}

const computed = new Map<Family, { intervals: IntervalList; size: bigint }>();

/** Built on first use, not at start-up: a scan of an sshd_config never needs it. */
function publicSpace(family: Family): { intervals: IntervalList; size: bigint } {
  let space = computed.get(family);
  if (!space) {
    const intervals = subtractIntervals(fullSpace(family), nonPublicIntervals(family));
    space = { intervals, size: sizeOf(intervals) };
    computed.set(family, space);
  }
  return space;
}

/** The public addresses of a family, as sorted intervals. */
export function publicIntervals(family: Family): IntervalList {
  return publicSpace(family).intervals;
}

/** How many public addresses the family has. */
export function publicSize(family: Family): bigint {
  return publicSpace(family).size;
}

export function sizeOf(list: IntervalList): bigint {
  return list.reduce((total, [first, last]) => total + last - first + 1n, 0n);
}

export function publicPart(list: IntervalList, family: Family): IntervalList {
  return list.length === 0 ? list : intersectIntervals(list, publicIntervals(family));
}

/** The classification for one address, straight from ipaddr.js, for tests and for single-address messages. */
export function isPublicAddress(text: string): boolean {
  const address = ipaddr.parse(text);
  const documentation = DOCUMENTATION_CIDRS.map((cidr) => ipaddr.parseCIDR(cidr)).some(
    ([network, prefix]) => network.kind() === address.kind() && address.match(network, prefix),
  );
  return documentation || PUBLIC_RANGE_NAMES.has(address.range());
}
