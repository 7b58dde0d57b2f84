import ipaddr from 'ipaddr.js';
import { dottedQuad } from '../../network/ip-intervals.js';

/** An address as ufw prints and stores it ('10.0.0.0/8', '203.0.113.99', '2001:db8::/32'), checked and classified. */
export interface UfwAddress {
  /** As written. */
  text: string;
  /** Normalised CIDR: '203.0.113.99/32'. */
  cidr: string;
  v6: boolean;
}

const PREFIX = /^\d{1,3}$/;
// A cheap shape check first: most cells are ports ('22/tcp'), and ipaddr.js validates by throwing.
const V6_SHAPE = /^[0-9a-fA-F:.]{2,45}$/;

export function parseAddress(text: string): UfwAddress | undefined {
  if (text.length > 64) return undefined;
  const slash = text.indexOf('/');
  const host = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? undefined : text.slice(slash + 1);
  // ipaddr.js also accepts '10' or '0x0a' as IPv4; ufw only ever prints dotted quads.
  const v6 = host.includes(':');
  if (!(v6 ? V6_SHAPE.test(host) && ipaddr.IPv6.isValid(host) : dottedQuad(host) !== undefined)) return undefined;
  if (prefix !== undefined && (!PREFIX.test(prefix) || Number(prefix) > (v6 ? 128 : 32))) return undefined;
  const bits = prefix === undefined ? (v6 ? 128 : 32) : Number(prefix);
  // A dotted quad without leading zeros is already how ipaddr.js would write it.
  return { text, cidr: `${v6 ? ipaddr.parse(host).toString() : host}/${bits}`, v6 };
}
