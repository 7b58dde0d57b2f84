import ipaddr from 'ipaddr.js';
import { EvaluationError } from './values.js';

/** Terraform's cidrsubnet(prefix, newbits, netnum): IPv4 and IPv6. */
export function cidrSubnet(prefix: string, newBits: number, number: number): string {
  const { address, length, width } = parsePrefix(prefix);
  const newLength = length + newBits;
  if (!Number.isInteger(newBits) || newBits < 0 || newLength > width) throw new EvaluationError(`cidrsubnet() cannot extend a /${length} prefix by ${newBits} bits`);
  if (!Number.isInteger(number) || number < 0 || BigInt(number) >= 1n << BigInt(newBits)) throw new EvaluationError(`cidrsubnet(): ${number} does not fit in ${newBits} bits`);
  const network = address + (BigInt(number) << BigInt(width - newLength));
  return `${format(network, width)}/${newLength}`;
}

/** Terraform's cidrhost(prefix, hostnum); a negative number counts from the end of the range. */
export function cidrHost(prefix: string, number: number): string {
  const { address, length, width } = parsePrefix(prefix);
  const size = 1n << BigInt(width - length);
  if (!Number.isInteger(number)) throw new EvaluationError('cidrhost() needs a whole host number');
  const offset = number < 0 ? size + BigInt(number) : BigInt(number);
  if (offset < 0n || offset >= size) throw new EvaluationError(`cidrhost(): host ${number} is outside the /${length} prefix`);
  return format(address + offset, width);
}

/** Terraform's cidrsubnets(prefix, newbits...): consecutive subnets, each aligned to its own size, in the order asked. */
export function cidrSubnets(prefix: string, newBits: readonly number[]): string[] {
  const { address, length, width } = parsePrefix(prefix);
  const end = address + (1n << BigInt(width - length));
  const subnets: string[] = [];
  let next = address;
  for (const bits of newBits) {
    const newLength = length + bits;
    if (!Number.isInteger(bits) || bits < 1 || newLength > width) throw new EvaluationError(`cidrsubnets() cannot extend a /${length} prefix by ${bits} bits`);
    const size = 1n << BigInt(width - newLength);
    const start = ((next + size - 1n) / size) * size;
    if (start + size > end) throw new EvaluationError(`cidrsubnets(): the subnets do not fit in the /${length} prefix`);
    subnets.push(`${format(start, width)}/${newLength}`);
    next = start + size;
  }
  return subnets;
}

/** Terraform's cidrnetmask(prefix): an IPv4 prefix's mask in dotted form. */
export function cidrNetmask(prefix: string): string {
  const { length, width } = parsePrefix(prefix);
  if (width !== 32) throw new EvaluationError('cidrnetmask() of an IPv6 prefix');
  return format(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - length)) - 1n), 32);
}

function parsePrefix(prefix: string): { address: bigint; length: number; width: number } {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(prefix);
  } catch {
    throw new EvaluationError('not a CIDR prefix');
  }
  const [ip, length] = parsed;
  const width = ip.kind() === 'ipv4' ? 32 : 128;
  let value = 0n;
  for (const byte of ip.toByteArray()) value = (value << 8n) | BigInt(byte);
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - length)) - 1n);
  return { address: value & mask, length, width };
}

function format(value: bigint, width: number): string {
  const bytes: number[] = [];
  for (let shift = width - 8; shift >= 0; shift -= 8) bytes.push(Number((value >> BigInt(shift)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}
