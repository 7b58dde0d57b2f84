import ipaddr from 'ipaddr.js';

/** match.c match_pattern(): '*' and '?' wildcards, no escapes. Iterative, so hostile patterns stay linear-ish. */
export function matchPattern(text: string, pattern: string): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      t++;
      p++;
    } else if (p < pattern.length && pattern[p] === '*') {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** match.c match_pattern_list(): 1 on a positive match, -1 when a negated entry matches, 0 otherwise. */
export function matchPatternList(text: string, list: string, lowercase = false): 1 | 0 | -1 {
  let positive = false;
  for (const entry of list.split(',')) {
    const negated = entry.startsWith('!');
    let pattern = negated ? entry.slice(1) : entry;
    if (pattern.length >= 1023) return 0;
    if (lowercase) pattern = pattern.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (matchPattern(text, pattern)) {
      if (negated) return -1;
      positive = true;
    }
  }
  return positive ? 1 : 0;
}

type Cidr = { address: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

/** addr_pton(): a numeric IPv4 or IPv6 address, as getaddrinfo(AI_NUMERICHOST) reads it. */
export function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (text.length === 0 || text.length > 63 || !ipaddr.isValid(text)) return undefined;
  try {
    return ipaddr.parse(text);
  } catch {
    return undefined;
  }
}

/** addr_pton_cidr(): the network, 'not-cidr' (then the entry is a wildcard pattern) or 'bad-mask' (an error). */
function parseCidr(entry: string): Cidr | 'not-cidr' | 'bad-mask' {
  if (entry.length >= 64) return 'not-cidr';
  const slash = entry.indexOf('/');
  const text = slash < 0 ? entry : entry.slice(0, slash);
  let bits: number | undefined;
  if (slash >= 0) {
    const mask = entry.slice(slash + 1);
    if (!/^[0-9]+$/.test(mask) || mask.length > 4 || Number(mask) > 128) return 'not-cidr';
    bits = Number(mask);
  }
  const address = parseAddress(text);
  if (!address) return 'not-cidr';
  const max = address.kind() === 'ipv4' ? 32 : 128;
  bits ??= max;
  if (bits > max) return 'bad-mask';
  const network = address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  if (network.toString() !== address.toString()) return 'bad-mask';
  return { address, bits };
}

/**
 * match.c addr_match_list(): 1 match, 0 no match, -1 negated match, -2 a malformed list. With `address` undefined
 * the list is only checked (sshd's first pass).
 */
export function addrMatchList(address: string | undefined, list: string): 1 | 0 | -1 | -2 {
  const tried = address === undefined ? undefined : parseAddress(address);
  if (address !== undefined && !tried) return 0;
  let result: 1 | 0 = 0;
  for (const item of list.split(',')) {
    const negated = item.startsWith('!');
    const entry = negated ? item.slice(1) : item;
    if (entry === '') return -2;
    const cidr = parseCidr(entry);
    if (cidr === 'bad-mask') return -2;
    let found = false;
    if (cidr === 'not-cidr') found = address !== undefined && matchPattern(address, entry);
    else if (tried && tried.kind() === cidr.address.kind()) found = tried.match(cidr.address, cidr.bits);
    if (found) {
      if (negated) return -1;
      result = 1;
    }
  }
  return result;
}
