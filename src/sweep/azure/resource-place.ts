import { quoted } from '../../model/quote.js';
import { SweepFailure } from '../cloud-sweeper.js';

/** The resource group and name of a listed resource of `type` ('networkManagers', 'firewallPolicies'), from its id: its children's listings take both. */
export function resourcePlace(id: string | undefined, type: string, what: string): [group: string, name: string] {
  const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/([^/]+)\/([^/]+)$/i.exec(id ?? '');
  if (!match || match[2].toLowerCase() !== type.toLowerCase()) throw new SweepFailure(`${what} was listed with the id ${quoted(String(id), 200)}, which is not the id of such a resource`);
  return [match[1], match[3]];
}

/** A listed resource's name, which its children's listings take. */
export function nameOf(resource: { name?: string }, what: string): string {
  if (!resource.name) throw new SweepFailure(`${what} was listed without a name`);
  return resource.name;
}
