import type { SourceLocation } from '../../model/location.js';
import type { NetworkAsset, NetworkScope } from '../../network/model.js';
import type { GcpFirewall } from './firewall.js';

const PROJECT = /\/projects\/([^/]{1,100})\//;
export const EVERY_INSTANCE = 'every instance';

/**
 * One VPC network with its firewall rules. Instances are evaluated per target (tag or service account) plus the
 * instances no target names; the implied rules (deny all ingress, allow all egress, priority 65535) are the defaults.
 */
export function networkAsset(network: string, firewalls: GcpFirewall[], location: SourceLocation): NetworkAsset {
  const asset: NetworkAsset['asset'] = { kind: 'gcp-network', id: network, name: network.slice(network.lastIndexOf('/') + 1) || network };
  const project = PROJECT.exec(`/${network.replace(/^https?:\/\/[^/]+/, '')}`)?.[1];
  if (project) asset.account = project;
  const targets = new Set<string>([EVERY_INSTANCE]);
  for (const firewall of firewalls) for (const target of firewall.targets) targets.add(target);
  const scopes: NetworkScope[] = [...targets].map((name) => ({ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'allow' }));
  return {
    kind: 'network',
    asset,
    semantics: 'first-match',
    scopes,
    rules: firewalls.flatMap((firewall) => firewall.rules).sort((a, b) => a.priority - b.priority),
    location,
  };
}
