import ipaddr from 'ipaddr.js';

/** An inclusive range of addresses of one family, as numbers: [first, last]. */
export type Interval = readonly [bigint, bigint];
/** Sorted, non-overlapping, non-adjacent intervals: the canonical form every operation returns. */
export type IntervalList = readonly Interval[];
export type Family = 'ipv4' | 'ipv6';

export const FAMILY_BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };
export const FAMILY_MAX: Record<Family, bigint> = { ipv4: (1n << 32n) - 1n, ipv6: (1n << 128n) - 1n };

export function fullSpace(family: Family): IntervalList {
  return [[0n, FAMILY_MAX[family]]];
}

export function addressToBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

const DOTTED_QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/**
 * An IPv4 address written as four decimal octets without leading zeros ('203.0.113.5'), as a number; undefined for
 * any other spelling. The common case, read without ipaddr.js (whose parser is the cost of reading 250,000 rules).
 */
export function dottedQuad(text: string): bigint | undefined {
  const octets = DOTTED_QUAD.exec(text);
  if (!octets) return undefined;
  let value = 0;
  for (let index = 1; index <= 4; index++) {
    const octet = Number(octets[index]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return BigInt(value);
}

export function bigIntToAddress(value: bigint, family: Family): string {
  const bytes: number[] = [];
  for (let i = FAMILY_BITS[family] / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  const address = ipaddr.fromByteArray(bytes);
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

/** The addresses of a CIDR whose host bits may be set ('10.0.0.5/8' is 10.0.0.0/8, as firewalls read it). */
export function cidrInterval(base: bigint, prefix: number, family: Family): Interval {
  const hostBits = BigInt(FAMILY_BITS[family] - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const first = base & ~hostMask & FAMILY_MAX[family];
  return [first, first | hostMask];
}

export function normalize(intervals: Iterable<Interval>): IntervalList {
  const sorted = [...intervals].filter(([a, b]) => a <= b).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1n) {
      if (last > previous[1]) previous[1] = last;
    } else {
      merged.push([first, last]);
    }
  }
  return merged;
}

export function unionIntervals(a: IntervalList, b: IntervalList): IntervalList {
  return b.length === 0 ? a : a.length === 0 ? b : normalize([...a, ...b]);
}

export function intersectIntervals(a: IntervalList, b: IntervalList): IntervalList {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
    const last = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
    if (first <= last) result.push([first, last]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return result;
}

/** Whether two lists share an address; no list is built. */
export function overlaps(a: IntervalList, b: IntervalList): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i++;
    else if (b[j][1] < a[i][0]) j++;
    else return true;
  }
  return false;
}

export function subtractIntervals(a: IntervalList, b: IntervalList): IntervalList {
  const result: Interval[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let first = start;
    while (j < b.length && b[j][1] < first) j++;
    let k = j;
    while (k < b.length && b[k][0] <= end && first <= end) {
      if (b[k][0] > first) result.push([first, b[k][0] - 1n]);
      first = b[k][1] + 1n;
      k++;
    }
    if (first <= end) result.push([first, end]);
  }
  return result;
}

export function containsValue(list: IntervalList, value: bigint): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (value < list[middle][0]) high = middle - 1;
    else if (value > list[middle][1]) low = middle + 1;
    else return true;
  }
  return false;
}

export function isFullSpace(list: IntervalList, family: Family): boolean {
  return list.length === 1 && list[0][0] === 0n && list[0][1] === FAMILY_MAX[family];
}

/** The smallest list of CIDRs that covers exactly the interval, for messages. */
export function intervalToCidrs([first, last]: Interval, family: Family): string[] {
  const bits = FAMILY_BITS[family];
  const cidrs: string[] = [];
  let start = first;
  while (start <= last) {
    let size = 0;
    while (size < bits && (start & ((1n << BigInt(size + 1)) - 1n)) === 0n && start + (1n << BigInt(size + 1)) - 1n <= last) size++;
    cidrs.push(`${bigIntToAddress(start, family)}/${bits - size}`);
    start += 1n << BigInt(size);
  }
  return cidrs;
}
