import ipaddr from 'ipaddr.js';
import { quoted } from '../../model/quote.js';
import type { AddressMatch } from '../../network/model.js';
import { addressRange, ipAddress } from '../json/address-range.js';
import { valueMeaning } from './vocabulary.js';

type Publicness = 'yes' | 'no' | 'unknown';

/**
 * Address keywords (netsh and PowerShell spellings). The subnet, the gateway, DHCP relays, PlayTo renderers and the
 * intranet ranges an administrator defines are private by definition; a DNS or WINS server can be any address, so
 * whether the keyword covers public addresses is unknown; 'Internet' is everything that is not intranet.
 */
const ADDRESS_KEYWORDS: Record<string, { name: string; public: Publicness }> = {
  localsubnet: { name: 'LocalSubnet', public: 'no' },
  defaultgateway: { name: 'DefaultGateway', public: 'no' },
  dhcp: { name: 'DHCP', public: 'no' },
  intranet: { name: 'Intranet', public: 'no' },
  rmtintranet: { name: 'RmtIntranet', public: 'no' },
  intranetremoteaccess: { name: 'IntranetRemoteAccess', public: 'no' },
  ply2renderers: { name: 'Ply2Renderers', public: 'no' },
  playtodevice: { name: 'PlayToDevice', public: 'no' },
  dns: { name: 'DNS', public: 'unknown' },
  wins: { name: 'WINS', public: 'unknown' },
  internet: { name: 'Internet', public: 'yes' },
};

export interface ParsedAddresses {
  addresses: AddressMatch[];
  /** One message per item that is not an address: said, and left out. */
  problems: string[];
}

/** A RemoteIP / LocalIP value: `Any`, `LocalSubnet`, `10.0.0.0/255.0.0.0`, `10.0.0.1-10.0.0.255`, CIDRs, IPv6, lists. */
export function parseAddresses(value: string): ParsedAddresses {
  const addresses: AddressMatch[] = [];
  const problems: string[] = [];
  for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const address = item.length <= 100 ? parseAddressItem(item) : undefined;
    if (address) addresses.push(address);
    else problems.push(`address ${quoted(item, 60)} is neither Any, a keyword such as LocalSubnet, an address, a CIDR, an address/mask nor a range first-last`);
  }
  return { addresses, problems };
}

function parseAddressItem(text: string): AddressMatch | undefined {
  if (valueMeaning(text) === 'any') return { kind: 'any', text };
  const keyword = text.toLowerCase();
  if (Object.hasOwn(ADDRESS_KEYWORDS, keyword)) return { kind: 'symbol', ...ADDRESS_KEYWORDS[keyword], text };
  const dash = text.indexOf('-');
  if (dash >= 0) return addressRange(text.slice(0, dash).trim(), text.slice(dash + 1).trim(), text);
  const slash = text.indexOf('/');
  if (slash >= 0) return parseSubnet(text.slice(0, slash).trim(), text.slice(slash + 1).trim(), text);
  const address = ipAddress(text);
  if (!address) return undefined;
  return { kind: 'cidr', cidr: `${address.toString()}/${address.kind() === 'ipv4' ? 32 : 128}`, text };
}

/** `10.0.0.0/8` or netsh's `10.0.0.0/255.0.0.0`; host bits are cleared as Windows does. */
function parseSubnet(addressText: string, maskText: string, text: string): AddressMatch | undefined {
  const address = ipAddress(addressText);
  if (!address) return undefined;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  let prefix: number | null = null;
  if (/^\d{1,3}$/.test(maskText)) prefix = Number(maskText);
  else if (address.kind() === 'ipv4' && ipaddr.IPv4.isValidFourPartDecimal(maskText)) prefix = ipaddr.IPv4.parse(maskText).prefixLengthFromSubnetMask();
  if (prefix === null || prefix > bits) return undefined;
  const network = address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return { kind: 'cidr', cidr: `${network.toString()}/${prefix}`, text };
}
