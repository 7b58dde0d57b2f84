import { describeAsset } from '../model/asset.js';
import { redacted } from '../model/quote.js';
import type { AttachedResource, NetworkAsset, NetworkScope, TrafficDirection } from './model.js';
import { ANY_OTHER_PROTOCOL } from './traffic-classes.js';
import type { Opening, Service } from './openings.js';
import type { Decider } from './decision.js';
import { scopesOf } from './scopes.js';

/** Words for messages about network assets, shared by every net/* rule so they all read alike. */

export function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function describeService(service: Service): string {
  const what = trafficOf(service);
  return service.name ? `${service.name} (${what})` : what;
}

/** 'TCP 22', 'ICMP'. */
function trafficOf(service: Service): string {
  const protocol = service.protocol.toUpperCase();
  return service.port === undefined ? protocol : `${protocol} ${service.port}`;
}

/** 'SSH (TCP 22)', 'RDP (TCP 3389 and UDP 3389)', 'MySQL (TCP 3306) and Redis (TCP 6379)'. */
export function describeServices(services: readonly Service[]): string {
  const byName = new Map<string, Service[]>();
  for (const service of services) {
    const named = byName.get(service.name ?? '');
    if (named) named.push(service);
    else byName.set(service.name ?? '', [service]);
  }
  return listing(
    [...byName].flatMap(([name, group]) => (name ? [`${name} (${listing(group.map(trafficOf))})`] : group.map(describeService))),
  );
}

/** "ufw rule [3] '22/tcp ALLOW IN Anywhere'", "the default inbound policy 'allow'", "the firewall being off". */
export function describeDecider(decider: Decider, direction: TrafficDirection): string {
  if (decider.kind === 'rule') {
    const { label, appliesTo } = decider.rule;
    return appliesTo && !label.includes(appliesTo) ? `${label} (${redacted(appliesTo, 120)})` : label;
  }
  if (decider.kind === 'firewall-off') return 'the firewall being off';
  const policy = direction === 'inbound' ? decider.scope.defaultInbound : decider.scope.defaultOutbound;
  return `the default ${direction} policy '${policy}'`;
}

const WINDOWS_PROFILES = new Set(['domain', 'private', 'public']);

/** ' on the Domain and Public profiles', ' for tag:web', or nothing when the asset has a single scope. */
export function describeScopes(asset: NetworkAsset, scopes: readonly NetworkScope[]): string {
  if (scopesOf(asset).length <= 1 || scopes.length === 0) return '';
  const names = listing(scopes.map((scope) => redacted(scope.name, 60)));
  if (!scopes.every((scope) => WINDOWS_PROFILES.has(scope.name.toLowerCase()))) return ` for ${names}`;
  return ` on the ${names} profile${scopes.length > 1 ? 's' : ''}`;
}

/**
 * The parts every exposure message is made of: the asset, the services, the sources, what lets them through where
 * (and what that depends on), and whether it certainly does ('is reachable') or may ('may be reachable').
 */
export function describeOpening(
  asset: NetworkAsset,
  opening: Opening,
  direction: TrafficDirection = 'inbound',
  /** Whether the message's subject is plural ('Application ports TCP 8081, 8084'). */
  plural = false,
): { assetName: string; services: string; sources: string; through: string; isReachable: string } {
  const dependence = describeDependence(opening.decidedBy);
  return {
    assetName: describeAsset(asset.asset, asset.location.file),
    services: describeServices(opening.services),
    sources: opening.remotes.describe(),
    through: `${describeDecider(opening.decidedBy, direction)}${describeScopes(asset, opening.scopes)}${dependence}`,
    isReachable: dependence ? 'may be reachable' : plural ? 'are reachable' : 'is reachable',
  };
}

/**
 * ', depending on `var.allowed_cidrs`' when the deciding rule was judged with values the infrastructure code does not
 * fix (taken as the worst they could be); '' otherwise.
 */
export function describeDependence(decider: Decider): string {
  const dependsOn = decider.kind === 'rule' ? decider.rule.dependsOn : undefined;
  if (!dependsOn || dependsOn.length === 0) return '';
  const shownNames = dependsOn.slice(0, 3).map((name) => `\`${redacted(name, 80)}\``);
  return `, depending on ${listing(dependsOn.length > 3 ? [...shownNames, `${dependsOn.length - 3} more`] : shownNames)}`;
}

/** 'all traffic', 'every TCP port', 'every TCP and UDP port' — for openings found by catchAllOpenings. */
export function describeCatchAll(opening: Opening): string {
  const protocols = opening.services.map((service) => service.protocol);
  if (protocols.includes(ANY_OTHER_PROTOCOL)) return 'all traffic (every protocol and port)';
  return `every ${listing(protocols.map((protocol) => protocol.toUpperCase()))} port`;
}


const USAGE_SHOWN = 3;

/**
 * What the opening reaches, where the input says: the instances its deciding rule applies to (GCP), else what the asset
 * is attached to — ' It is attached to 2 network interfaces: eni-1 (instance i-1) and eni-2.', ' Nothing is attached to
 * it now: …', ' It applies to 1 instance: web-1.' — or '' when the input does not say.
 */
export function describeUsage(asset: NetworkAsset, decider?: Decider): string {
  const ruleUsage = decider?.kind === 'rule' ? decider.rule.usedBy : undefined;
  const usedBy = ruleUsage ?? asset.usedBy;
  if (!usedBy) return '';
  if (usedBy.length === 0) {
    return ruleUsage ? ' It applies to no instance now: the exposure takes effect with the next instance it targets.' : ' Nothing is attached to it now: the exposure takes effect with the next thing attached.';
  }
  const shownNames = usedBy.slice(0, USAGE_SHOWN).map(describeAttached);
  const more = usedBy.length > USAGE_SHOWN ? [`${usedBy.length - USAGE_SHOWN} more`] : [];
  return ` ${ruleUsage ? 'It applies to' : 'It is attached to'} ${countOf(usedBy)}: ${listing([...shownNames, ...more])}.`;
}

function describeAttached(resource: AttachedResource): string {
  const name = redacted(resource.id.slice(resource.id.lastIndexOf('/') + 1), 80);
  return resource.instance ? `${name} (instance ${redacted(resource.instance, 40)})` : name;
}

/** '2 network interfaces and 1 subnet'. */
function countOf(usedBy: readonly AttachedResource[]): string {
  const counts = new Map<string, number>();
  for (const resource of usedBy) counts.set(resource.kind, (counts.get(resource.kind) ?? 0) + 1);
  return listing([...counts].map(([kind, count]) => `${count} ${kind}${count > 1 ? 's' : ''}`));
}
