import type { SourceLocation } from '../../model/location.js';
import type { AddressMatch, NetworkAsset, NetworkRule } from '../../network/model.js';
import { quotedJson } from '../json/quote.js';
import { protocolAndPorts, type ProtocolAndPorts } from './permission.js';
import { permissionRule } from './security-groups.js';

export interface LightsailIdentity {
  /** The instance's ARN when known, else its name. */
  id: string;
  name: string;
  account?: string;
  region?: string;
}

/**
 * A Lightsail instance's firewall: allow-only rules for inbound traffic to its public address (Lightsail has no deny
 * rule), and every outbound packet allowed, which Lightsail does not filter.
 */
export function lightsailInstanceAsset(identity: LightsailIdentity, location: SourceLocation): NetworkAsset {
  return {
    kind: 'network',
    asset: { kind: 'aws-lightsail-instance', id: identity.id, name: identity.name, account: identity.account || undefined, region: identity.region || undefined },
    semantics: 'allow-only',
    filters: ['inbound'],
    scopes: [{ name: identity.name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'allow' }],
    rules: [],
    location,
  };
}

/** A port rule's protocol and ports as Lightsail's PortInfo writes them: `all` is every protocol; ICMP's ports are a type and a code. */
export function lightsailTraffic(protocol: unknown, fromPort: unknown, toPort: unknown): ProtocolAndPorts | string {
  const name = typeof protocol === 'string' ? protocol.toLowerCase() : undefined;
  if (name === undefined || !LIGHTSAIL_PROTOCOLS.has(name)) return `protocol ${quotedJson(protocol)} is not one of Lightsail's (tcp, udp, all, icmp, icmpv6)`;
  return protocolAndPorts({ IpProtocol: name === 'all' ? '-1' : name, FromPort: fromPort, ToPort: toPort });
}

const LIGHTSAIL_PROTOCOLS = new Set(['tcp', 'udp', 'all', 'icmp', 'icmpv6']);

/** `lightsail-connect`, the only alias Lightsail has: the public addresses of the console's browser-based SSH and RDP client. */
export function lightsailAlias(alias: string): AddressMatch {
  return { kind: 'symbol', name: alias, public: 'yes', text: alias };
}

/**
 * The rules a new instance's firewall is created with, which stay until its ports are set (PutInstancePublicPorts):
 * SSH and HTTP from any IPv4 address, and RDP too on a Windows blueprint. The AWS CLI's own get-instances examples
 * show these; Terraform users report them (hashicorp/terraform-provider-aws#29260).
 */
export const LIGHTSAIL_DEFAULT_PORTS = { every: [22, 80], windows: [3389] } as const;

export function isWindowsBlueprint(blueprint: string): boolean {
  return /^windows/i.test(blueprint);
}

/** One default rule: TCP `port` from any IPv4 address. */
export function lightsailDefaultRule(port: number, label: string, location: SourceLocation): NetworkRule {
  const traffic = lightsailTraffic('tcp', port, port);
  if (typeof traffic === 'string') throw new Error(`the default port ${port} must read`);
  return permissionRule('inbound', traffic, { kind: 'cidr', cidr: '0.0.0.0/0', text: '0.0.0.0/0' }, label, location);
}
