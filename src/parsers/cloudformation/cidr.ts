/** Fn::Cidr: `count` consecutive blocks with `hostBits` host bits each, from the start of `block`; undefined if invalid. */
export function cidrs(block: string, count: number, hostBits: number): string[] | undefined {
  const slash = block.indexOf('/');
  if (slash < 0) return undefined;
  const version = block.includes(':') ? 6 : 4;
  const width = version === 4 ? 32 : 128;
  const address = version === 4 ? parseIpv4(block.slice(0, slash)) : parseIpv6(block.slice(0, slash));
  const prefix = Number(block.slice(slash + 1));
  if (address === undefined || !/^\d{1,3}$/.test(block.slice(slash + 1)) || prefix > width) return undefined;
  if (!Number.isInteger(count) || count < 1 || count > 256 || !Number.isInteger(hostBits) || hostBits < 1 || hostBits > width - prefix) return undefined;
  const size = 1n << BigInt(hostBits);
  if (BigInt(count) * size > 1n << BigInt(width - prefix)) return undefined;
  const start = (address >> BigInt(width - prefix)) << BigInt(width - prefix);
  const blocks: string[] = [];
  for (let index = 0n; index < BigInt(count); index++) {
    const network = start + index * size;
    blocks.push(`${version === 4 ? formatIpv4(network) : formatIpv6(network)}/${width - hostBits}`);
  }
  return blocks;
}

function parseIpv4(text: string): bigint | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || octets.some((octet) => !/^\d{1,3}$/.test(octet) || Number(octet) > 255)) return undefined;
  return octets.reduce((value, octet) => (value << 8n) | BigInt(octet), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  return all.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - 16 * index)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let index = 0; index < 8;) {
    if (groups[index] !== 0) { index++; continue; }
    let end = index;
    while (end < 8 && groups[end] === 0) end++;
    if (end - index > bestLength) [bestStart, bestLength] = [index, end - index];
    index = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
