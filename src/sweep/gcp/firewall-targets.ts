import type { ProjectInstance } from './instances.js';

/** An instance a firewall rule applies to, as the snapshot records it. */
export interface TargetInstance {
  name: string;
  selfLink: string;
}

/**
 * The instances a firewall rule applies to: those with a network interface on the rule's network and, when the rule
 * names target tags or target service accounts, carrying one of those tags or running as one of those accounts (a rule
 * names one kind or none; none = every instance of the network). Stopped instances count: the rule applies when they
 * start. A disabled rule's reach is still given: it is what the rule reaches once enabled.
 */
export function targetInstances(firewall: unknown, instances: readonly ProjectInstance[]): TargetInstance[] {
  const rule = (firewall ?? {}) as { network?: unknown; targetTags?: unknown; targetServiceAccounts?: unknown };
  if (typeof rule.network !== 'string') return [];
  const network = networkKey(rule.network);
  const tags = strings(rule.targetTags);
  const accounts = strings(rule.targetServiceAccounts);
  return instances
    .filter((instance) => instance.networks.some((url) => networkKey(url) === network))
    .filter((instance) => tags.length === 0 || instance.tags.some((tag) => tags.includes(tag)))
    .filter((instance) => accounts.length === 0 || instance.serviceAccounts.some((account) => accounts.includes(account)))
    .map(({ name, selfLink }) => ({ name, selfLink }));
}

/**
 * A network URL by its `projects/P/global/networks/N` tail: the API spells the same network with different prefixes
 * (https://www.googleapis.com/compute/v1/, …/compute/beta/, https://compute.googleapis.com/…).
 */
function networkKey(url: string): string {
  return /projects\/[^/]+\/global\/networks\/[^/?#]+$/.exec(url)?.[0] ?? url;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
