import ipaddr from 'ipaddr.js';
import type { AddressMatch } from '../../network/model.js';

/** `first-last` as an inclusive range of one address family, first not after last; undefined otherwise. */
export function addressRange(firstText: string, lastText: string, text: string): AddressMatch | undefined {
  const first = ipAddress(firstText);
  const last = ipAddress(lastText);
  if (!first || !last || first.kind() !== last.kind()) return undefined;
  if (compareBytes(first.toByteArray(), last.toByteArray()) > 0) return undefined;
  return { kind: 'range', first: first.toString(), last: last.toString(), text };
}

/** Dotted-quad IPv4 or IPv6; not the octal, hex or short IPv4 forms ipaddr.js would also accept. */
export function ipAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return undefined;
}

function compareBytes(left: number[], right: number[]): number {
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) return left[index] - right[index];
  }
  return 0;
}
