import type { NetworkAsset } from '../../network/model.js';
import type { IacResource, IacValue } from './value.js';

/** A rule kept as its own resource, and the value that names its group (security group id, NSG name, GCP network). */
export interface Attachment {
  resource: IacResource;
  reference: IacValue | undefined;
  add(group: NetworkAsset): void;
}

/**
 * Adds each rule resource to the group it names: by the resource its reference reads (every instance of a counted
 * group), else by the group's name. A rule whose group is not declared here (a data source, a variable, a literal id)
 * is judged on a group of its own, named by that reference: what it opens is open whatever else the group holds.
 */
export function attachTo(
  groups: Map<string, NetworkAsset>,
  attachments: readonly Attachment[],
  detachedGroup: (reference: string, resource: IacResource) => NetworkAsset,
  groupsByName: ReadonlyMap<string, NetworkAsset[]> = new Map(),
): NetworkAsset[] {
  const detached = new Map<string, NetworkAsset>();
  for (const attachment of attachments) {
    const targets = declaredTargets(groups, groupsByName, attachment.reference);
    if (targets.length > 0) {
      for (const group of targets) attachment.add(group);
      continue;
    }
    const name = referenceText(attachment.reference);
    let group = detached.get(name);
    if (!group) detached.set(name, (group = detachedGroup(name, attachment.resource)));
    attachment.add(group);
  }
  return [...groups.values(), ...detached.values()];
}

function declaredTargets(groups: Map<string, NetworkAsset>, groupsByName: ReadonlyMap<string, NetworkAsset[]>, reference: IacValue | undefined): NetworkAsset[] {
  if (reference?.kind === 'unknown' && reference.resource !== undefined) {
    const exact = groups.get(reference.resource);
    if (exact) return [exact];
    const instances = [...groups].filter(([address]) => address.startsWith(`${reference.resource}[`)).map(([, group]) => group);
    if (instances.length > 0) return instances;
  }
  if (reference?.kind === 'scalar' && typeof reference.value === 'string') return groupsByName.get(reference.value) ?? (groups.has(reference.value) ? [groups.get(reference.value)!] : []);
  return [];
}

/** How a group not declared here is named: the literal id, or what the reference depends on. */
function referenceText(reference: IacValue | undefined): string {
  if (reference === undefined) return '(no group named)';
  if (reference.kind === 'scalar') return String(reference.value);
  if (reference.kind === 'unknown') return reference.dependsOn.join(', ') || reference.resource || '(unknown group)';
  return '(unknown group)';
}
