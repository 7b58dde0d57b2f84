import ipaddr from 'ipaddr.js';
import { ALL_PORTS, type AddressMatch, type PortRange, type Protocol } from '../../network/model.js';

/** Values the three cloud formats share: IP protocols, port ranges, CIDRs. Each returns undefined for what it cannot read. */

const PROTOCOL_NUMBERS: Readonly<Record<string, Protocol>> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '50': 'esp', '51': 'ah', '58': 'icmpv6', '132': 'sctp' };
const PROTOCOL_NAME = /^[a-z][a-z0-9-]{0,15}$/;

/** 'tcp', '6', 'Tcp', '-1', 'all', '*' → 'tcp' or 'any'; a number without a name stays a number string. */
export function protocolOf(raw: unknown): Protocol | undefined {
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  const text = raw.toLowerCase();
  if (text === '-1' || text === 'all' || text === '*') return 'any';
  if (/^\d{1,3}$/.test(text)) {
    const number = Number(text);
    if (number > 255) return undefined;
    return Object.hasOwn(PROTOCOL_NUMBERS, String(number)) ? PROTOCOL_NUMBERS[String(number)] : String(number);
  }
  return PROTOCOL_NAME.test(text) ? text : undefined;
}

/** Protocols whose rules name destination ports; for the others a rule covers all ports. */
export function hasPorts(protocol: Protocol): boolean {
  return protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp';
}

/** '22', '8080-8090', '*' (Azure) → a range; undefined when not a valid range. */
export function portRangeOf(raw: unknown): PortRange | undefined {
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '*') return ALL_PORTS;
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  return portRange(Number(match[1]), Number(match[2] ?? match[1]));
}

export function portRange(from: number, to: number): PortRange | undefined {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 65535 || from > to) return undefined;
  return { from, to };
}

/** Every rule that covers all ports shares this list; rules never change their ports. */
export const ALL_PORTS_LIST: PortRange[] = [ALL_PORTS];

const knownAddresses = new Map<string, AddressMatch>();
const KNOWN_ADDRESSES_MAX = 10_000;

/**
 * A CIDR or a single address (made a /32 or /128) as an AddressMatch; undefined when it is neither. The same text
 * gives the same object, so the many rules of a large export share their sources.
 */
export function cidrAddress(raw: unknown): AddressMatch | undefined {
  if (typeof raw !== 'string' || raw.length > 64) return undefined;
  const known = knownAddresses.get(raw);
  if (known) return known;
  const address = parseCidr(raw);
  if (address && knownAddresses.size < KNOWN_ADDRESSES_MAX) knownAddresses.set(raw, address);
  return address;
}

function parseCidr(raw: string): AddressMatch | undefined {
  const text = raw.trim();
  if (text === '0.0.0.0/0' || text === '::/0') return { kind: 'cidr', cidr: text, text: raw };
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v4 = ipaddr.IPv4.isValidFourPartDecimal(address);
  if (!v4 && !ipaddr.IPv6.isValid(address)) return undefined;
  if (slash < 0) return { kind: 'cidr', cidr: `${address}/${v4 ? 32 : 128}`, text: raw };
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > (v4 ? 32 : 128)) return undefined;
  return { kind: 'cidr', cidr: `${address}/${Number(bits)}`, text: raw };
}

/** Arrays as the clouds write them: absent, null and [] all mean "none". */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
