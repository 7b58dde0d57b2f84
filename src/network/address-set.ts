import ipaddr from 'ipaddr.js';
import { detached } from '../model/detached.js';
import { quoted } from '../model/quote.js';
import type { AddressMatch } from './model.js';
import {
  addressToBigInt, bigIntToAddress, cidrInterval, containsValue, dottedQuad, fullSpace, intersectIntervals, intervalToCidrs, isFullSpace, normalize,
  overlaps, subtractIntervals, unionIntervals, type Family, type Interval, type IntervalList,
} from './ip-intervals.js';
import { publicIntervals, publicPart, publicSize, sizeOf } from './public-addresses.js';

/** A source (or destination) the input names without showing its addresses: a netsh keyword, a service tag, a prefix list, another group. */
export interface NamedAddresses {
  kind: 'symbol' | 'group';
  name: string;
  /** Whether it can hold public addresses; groups never do (they are other machines of the same cloud). */
  public: 'yes' | 'no' | 'unknown';
  text: string;
}

/** Most sets name nothing: they share one empty map instead of allocating their own. */
const NO_NAMES: ReadonlyMap<string, NamedAddresses> = new Map();
const NO_SOURCES: readonly NamedAddresses[] = [];
const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const NO_FAMILIES: readonly Family[] = [];

/** Names that mean every address, however an input spells them. */
const WORLD_NAMES = new Set(['any', 'anywhere', '*', 'internet', 'all', '0.0.0.0/0', '::/0']);
/** Longer than any address or CIDR: refused before ipaddr.js's regular expressions see it. */
const MAX_ADDRESS_TEXT = 100;

/**
 * A set of remote addresses: IPv4 and IPv6 as interval lists, plus named sources whose addresses are unknown. Named
 * sources cannot be intersected with intervals, so they leave a set only when every address is removed or when the
 * same name is removed: the set over-approximates, which for an auditor means "reported, not assumed safe".
 */
export class AddressSet {
  private constructor(
    readonly ipv4: IntervalList,
    readonly ipv6: IntervalList,
    readonly named: ReadonlyMap<string, NamedAddresses>,
  ) {}

  static readonly EMPTY = new AddressSet([], [], NO_NAMES);
  static readonly WORLD = new AddressSet(fullSpace('ipv4'), fullSpace('ipv6'), NO_NAMES);

  /** A single CIDR gives the set every rule with that CIDR shares (see fromCidr), with the answers it keeps. */
  static of(matches: readonly AddressMatch[]): AddressSet {
    return matches.length === 1 ? fromMatch(matches[0]) : AddressSet.unionOf(matches.map(fromMatch));
  }

  /**
   * The union of many sets, merged once: folding union() over thousands of sets (a rule with thousands of sources,
   * thousands of allow rules) would sort the growing result again for each one.
   */
  static unionOf(sets: readonly AddressSet[]): AddressSet {
    if (sets.length <= 2) return sets.length === 0 ? AddressSet.EMPTY : sets.length === 1 ? sets[0] : sets[0].union(sets[1]);
    const distinct = [...new Set(sets)].filter((set) => !set.isEmpty());
    if (distinct.length <= 1) return distinct[0] ?? AddressSet.EMPTY;
    let named: Map<string, NamedAddresses> | undefined;
    for (const set of distinct) for (const [key, source] of set.named) (named ??= new Map()).set(key, source);
    return new AddressSet(normalize(distinct.flatMap((set) => set.ipv4)), normalize(distinct.flatMap((set) => set.ipv6)), named ?? NO_NAMES);
  }

  /** Addresses of both families from lists already normalized (sorted, disjoint, not adjacent). */
  static ofNormalized(ipv4: IntervalList, ipv6: IntervalList): AddressSet {
    if (ipv4.length === 0 && ipv6.length === 0) return AddressSet.EMPTY;
    return isFullSpace(ipv4, 'ipv4') && isFullSpace(ipv6, 'ipv6') ? AddressSet.WORLD : new AddressSet(ipv4, ipv6, NO_NAMES);
  }

  static intervals(family: Family, list: IntervalList): AddressSet {
    const normalized = list.length === 1 && list[0][0] <= list[0][1] ? list : normalize(list);
    return family === 'ipv4' ? new AddressSet(normalized, [], NO_NAMES) : new AddressSet([], normalized, NO_NAMES);
  }

  static named(source: NamedAddresses): AddressSet {
    return new AddressSet([], [], new Map([[keyOf(source), source]]));
  }

  union(other: AddressSet): AddressSet {
    if (other.isEmpty() || other === this) return this;
    if (this.isEmpty()) return other;
    return new AddressSet(unionIntervals(this.ipv4, other.ipv4), unionIntervals(this.ipv6, other.ipv6), joinNames(this.named, other.named));
  }

  subtract(other: AddressSet): AddressSet {
    if (other.isEmpty() || this.isEmpty()) return this;
    if (other.isWholeSpace()) return AddressSet.EMPTY;
    const named = other.named.size === 0 ? this.named : keepNames(this.named, (key) => !other.named.has(key));
    return new AddressSet(subtractIntervals(this.ipv4, other.ipv4), subtractIntervals(this.ipv6, other.ipv6), named);
  }

  intersect(other: AddressSet): AddressSet {
    if (other.named.size === 0 && other.isWholeSpace()) return this;
    if (this.named.size === 0 && this.isWholeSpace()) return other;
    const ipv4 = intersectIntervals(this.ipv4, other.ipv4);
    const ipv6 = intersectIntervals(this.ipv6, other.ipv6);
    if (this.named.size === 0 && other.named.size === 0) return new AddressSet(ipv4, ipv6, NO_NAMES);
    const named = new Map([...this.named].filter(([key]) => other.named.has(key) || other.isWholeSpace()));
    if (this.isWholeSpace()) for (const [key, source] of other.named) named.set(key, source);
    return new AddressSet(ipv4, ipv6, named);
  }

  /** The addresses alone, named sources left out. */
  addresses(): AddressSet {
    return this.named.size === 0 ? this : new AddressSet(this.ipv4, this.ipv6, NO_NAMES);
  }

  /** The named sources alone. */
  names(): AddressSet {
    return this.named.size === 0 ? AddressSet.EMPTY : new AddressSet([], [], this.named);
  }

  /** Named sources by their key (kind and lower-case name), for tracking which names a rule has already decided. */
  nameKeys(): Iterable<string> {
    return this.named.keys();
  }

  withoutNames(keys: ReadonlySet<string>): AddressSet {
    if (this.named.size === 0 || keys.size === 0) return this;
    return new AddressSet(this.ipv4, this.ipv6, keepNames(this.named, (key) => !keys.has(key)));
  }

  isEmpty(): boolean {
    return this.ipv4.length === 0 && this.ipv6.length === 0 && this.named.size === 0;
  }

  containsAllIpv4(): boolean {
    return isFullSpace(this.ipv4, 'ipv4');
  }

  containsAllIpv6(): boolean {
    return isFullSpace(this.ipv6, 'ipv6');
  }

  /** Open to the world: all of IPv4 or all of IPv6 (an IPv6-only exposure is still the whole internet). */
  containsWorld(): boolean {
    return this.containsAllIpv4() || this.containsAllIpv6();
  }

  /**
   * Open to the internet: every public address of IPv4 or of IPv6 but for a few (less than 1/256 of that family's
   * public space). A firewall that first denies one attacker's address or the private ranges and then allows
   * 0.0.0.0/0 is still open to the world.
   */
  coversInternet(): boolean {
    return (this.coversInternetAnswer ??= this.containsWorld() || this.coversPublicSpace());
  }

  private coversInternetAnswer?: boolean;

  /** The families whose internet the set covers (see coversInternet). */
  internetFamilies(): readonly Family[] {
    if (!this.coversInternet()) return NO_FAMILIES;
    return (this.internetFamiliesAnswer ??= FAMILIES.filter((family) => this.coversFamily(family)));
  }

  private internetFamiliesAnswer?: readonly Family[];

  /** The set's addresses of these families (named sources are of neither). */
  inFamilies(families: readonly Family[]): AddressSet {
    return new AddressSet(families.includes('ipv4') ? this.ipv4 : [], families.includes('ipv6') ? this.ipv6 : [], NO_NAMES);
  }

  /**
   * Whether sets whose addresses number these many could together cover the internet (see coversInternet): a test of
   * sizes that rules out most unions before they are made.
   */
  static mayTogetherCoverInternet(sets: readonly AddressSet[]): boolean {
    return FAMILIES.some((family) => {
      let total = 0n;
      for (const set of sets) total += set.sizeOf(family);
      return total >= publicSize(family) - (publicSize(family) >> 8n);
    });
  }

  private sizes?: Partial<Record<Family, bigint>>;

  private sizeOf(family: Family): bigint {
    const sizes = (this.sizes ??= {});
    return (sizes[family] ??= sizeOf(family === 'ipv4' ? this.ipv4 : this.ipv6));
  }

  private coversPublicSpace(): boolean {
    return FAMILIES.some((family) => this.coversPublicSpaceOf(family));
  }

  private coversFamily(family: Family): boolean {
    return isFullSpace(family === 'ipv4' ? this.ipv4 : this.ipv6, family) || this.coversPublicSpaceOf(family);
  }

  private coversPublicSpaceOf(family: Family): boolean {
    const list = family === 'ipv4' ? this.ipv4 : this.ipv6;
    if (list.length === 0) return false;
    return sizeOf(subtractIntervals(publicIntervals(family), list)) <= publicSize(family) >> 8n;
  }

  /** Every address of both families: nothing named can survive being subtracted from it. */
  isWholeSpace(): boolean {
    return this.containsAllIpv4() && this.containsAllIpv6();
  }

  /** The public addresses in the set (named sources are not addresses and are left out). */
  publicAddresses(): AddressSet {
    return new AddressSet(publicPart(this.ipv4, 'ipv4'), publicPart(this.ipv6, 'ipv6'), NO_NAMES);
  }

  hasPublicAddress(): boolean {
    return (this.publicAnswer ??= overlaps(this.ipv4, publicIntervals('ipv4')) || overlaps(this.ipv6, publicIntervals('ipv6')));
  }

  private publicAnswer?: boolean;

  /** Named sources that are or may be public: a service tag such as AzureCloud, an AWS prefix list whose entries the input does not show. */
  possiblyPublicNames(): readonly NamedAddresses[] {
    if (this.named.size === 0) return NO_SOURCES;
    return (this.publicNames ??= [...this.named.values()].filter((source) => source.public !== 'no'));
  }

  private publicNames?: NamedAddresses[];

  /** Whether a single address is in the set (named sources aside). */
  has(address: string): boolean {
    const parsed = parseAddress(address);
    if (!parsed) return false;
    return containsValue(parsed.kind() === 'ipv4' ? this.ipv4 : this.ipv6, addressToBigInt(parsed));
  }

  /** For messages: 'any address (0.0.0.0/0 and ::/0)', 'any IPv4 address except 203.0.113.99/32', "10.0.0.0/8 and 'LocalSubnet'". */
  describe(): string {
    return (this.description ??= this.describeUpTo(3));
  }

  private description?: string;

  private describeUpTo(limit: number): string {
    const parts: string[] = [];
    if (this.isWholeSpace()) parts.push('any address (0.0.0.0/0 and ::/0)');
    else parts.push(...describeFamily('ipv4', this.ipv4, limit), ...describeFamily('ipv6', this.ipv6, limit));
    for (const source of this.named.values()) parts.push(source.kind === 'group' ? `group ${quoted(source.text, 60)}` : quoted(source.text, 60));
    if (parts.length === 0) return 'no address';
    return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  }
}

function joinNames(a: ReadonlyMap<string, NamedAddresses>, b: ReadonlyMap<string, NamedAddresses>): ReadonlyMap<string, NamedAddresses> {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  return new Map([...a, ...b]);
}

function keepNames(names: ReadonlyMap<string, NamedAddresses>, keep: (key: string) => boolean): ReadonlyMap<string, NamedAddresses> {
  if (names.size === 0) return names;
  const kept = [...names].filter(([key]) => keep(key));
  return kept.length === names.size ? names : kept.length === 0 ? NO_NAMES : new Map(kept);
}

function describeFamily(family: Family, list: IntervalList, limit: number): string[] {
  if (list.length === 0) return [];
  const name = family === 'ipv4' ? 'IPv4' : 'IPv6';
  if (isFullSpace(list, family)) return [`any ${name} address (${family === 'ipv4' ? '0.0.0.0/0' : '::/0'})`];
  // Each interval is said as one range: only those shown are written out.
  const missing = subtractIntervals(fullSpace(family), list);
  if (missing.length <= limit && missing.length < list.length) return [`any ${name} address except ${missing.map((interval) => describeInterval(interval, family)).join(', ')}`];
  const shown = list.slice(0, limit).map((interval) => describeInterval(interval, family));
  return list.length > limit ? [...shown, `${list.length - limit} more ${name} range${list.length - limit > 1 ? 's' : ''}`] : shown;
}

/** '10.0.0.0/8' when the interval is one CIDR, '10.10.1.2-10.10.2.22' otherwise (as netsh writes ranges). */
function describeInterval(interval: Interval, family: Family): string {
  const [first, last] = interval;
  const size = last - first + 1n;
  const oneCidr = (size & (size - 1n)) === 0n && (first & (size - 1n)) === 0n;
  return oneCidr ? intervalToCidrs(interval, family)[0] : `${bigIntToAddress(first, family)}-${bigIntToAddress(last, family)}`;
}

function fromMatch(match: AddressMatch): AddressSet {
  switch (match.kind) {
    case 'any':
      return AddressSet.WORLD;
    case 'cidr':
      return fromCidr(match.cidr) ?? unreadable(match.text || match.cidr);
    case 'range':
      return fromRange(match.first, match.last) ?? unreadable(match.text);
    case 'symbol':
      if (WORLD_NAMES.has(match.name.trim().toLowerCase())) return AddressSet.WORLD;
      return AddressSet.named({ kind: 'symbol', name: match.name, public: match.public, text: match.text || match.name });
    case 'group':
      return AddressSet.named({ kind: 'group', name: match.ref, public: 'no', text: match.text || match.ref });
    default:
      return unreadable(String((match as { text?: unknown }).text ?? 'unknown address'));
  }
}

/** An address the set cannot read is kept as a name that may be public: reported, never silently dropped. */
function unreadable(text: string): AddressSet {
  return AddressSet.named({ kind: 'symbol', name: text, public: 'unknown', text });
}

function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (text.length > MAX_ADDRESS_TEXT || !ipaddr.isValid(text)) return undefined;
  return ipaddr.parse(text);
}

/** Exports repeat the same few CIDRs thousands of times (0.0.0.0/0, the VPC range): parse each once. null: not a CIDR. */
const parsedCidrs = new Map<string, AddressSet | null>();
const MAX_PARSED_CIDRS = 100_000;

function fromCidr(text: string): AddressSet | undefined {
  // Refused before the cache sees it, which then holds no long text from an input.
  if (text.length > MAX_ADDRESS_TEXT) return undefined;
  const known = parsedCidrs.get(text);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseCidr(text);
  if (parsedCidrs.size < MAX_PARSED_CIDRS) parsedCidrs.set(detached(text), parsed ?? null);
  return parsed;
}

function parseCidr(text: string): AddressSet | undefined {
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const quad = dottedQuad(host);
  if (quad !== undefined) {
    const suffix = slash < 0 ? '32' : text.slice(slash + 1);
    if (/^\d{1,2}$/.test(suffix) && Number(suffix) <= 32) return AddressSet.intervals('ipv4', [cidrInterval(quad, Number(suffix), 'ipv4')]);
  }
  const address = parseAddress(host);
  if (!address) return undefined;
  const family = address.kind();
  const bits = family === 'ipv4' ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const suffix = text.slice(slash + 1);
    if (/^\d{1,3}$/.test(suffix)) prefix = Number(suffix);
    else if (family === 'ipv4' && ipaddr.IPv4.isValidFourPartDecimal(suffix)) prefix = ipaddr.IPv4.parse(suffix).prefixLengthFromSubnetMask() ?? -1;
    else return undefined;
  }
  if (prefix < 0 || prefix > bits) return undefined;
  return AddressSet.intervals(family, [cidrInterval(addressToBigInt(address), prefix, family)]);
}

function fromRange(firstText: string, lastText: string): AddressSet | undefined {
  const first = parseAddress(firstText);
  const last = parseAddress(lastText);
  if (!first || !last || first.kind() !== last.kind()) return undefined;
  const [low, high] = [addressToBigInt(first), addressToBigInt(last)];
  return low <= high ? AddressSet.intervals(first.kind(), [[low, high]]) : undefined;
}

function keyOf(source: NamedAddresses): string {
  return `${source.kind}:${source.name.toLowerCase()}`;
}
