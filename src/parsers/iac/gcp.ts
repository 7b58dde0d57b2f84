import type { NetworkAsset, NetworkRule } from '../../network/model.js';
import { firewallToRules, type GcpFirewall } from '../gcp/firewall.js';
import { networkAsset } from '../gcp/network.js';
import type { IacAssets } from './assets.js';
import { droppedDeny, type DroppedDeny } from './dropped-deny.js';
import { blocksOf, Dependence, fieldOf, listsAsWorst, scalarOf, scalarsOf, UNKNOWN, type Block } from './reading.js';
import { shownAddress, type IacResource, type IacValue } from './value.js';

/** The list fields of a firewall, Terraform's name and the API's, and what an unknown one is taken as in an allow. */
const LIST_FIELDS: [terraform: string, api: string, worst: string[] | undefined][] = [
  ['source_ranges', 'sourceRanges', ['0.0.0.0/0', '::/0']],
  ['destination_ranges', 'destinationRanges', undefined],
  ['source_tags', 'sourceTags', undefined],
  ['source_service_accounts', 'sourceServiceAccounts', undefined],
  // An unknown target is taken as no target: the rule applies to every instance of the network.
  ['target_tags', 'targetTags', undefined],
  ['target_service_accounts', 'targetServiceAccounts', undefined],
];

/** google_compute_firewall resources, one asset per VPC network they name (the network itself, or what it depends on). */
export function gcpNetworks(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const networks = new Map<string, { firewalls: GcpFirewall[]; dropped: DroppedDeny[]; resource: IacResource }>();
  for (const resource of resources) {
    if (resource.type !== 'google_compute_firewall') continue;
    const key = networkKey(fieldOf(resource.body, 'network'));
    let network = networks.get(key);
    if (!network) networks.set(key, (network = { firewalls: [], dropped: [], resource }));
    const outcome = firewallOf(resource, key, out);
    if (outcome && 'rules' in outcome) network.firewalls.push(outcome);
    else if (outcome) network.dropped.push(outcome);
  }
  return [...networks].map(([key, { firewalls, dropped, resource }]) => {
    const asset = networkAsset(key, firewalls, { file: resource.file, line: resource.line });
    asset.asset.within = out.within;
    for (const deny of dropped) deny.weaken(asset.rules);
    return asset;
  });
}

function networkKey(value: IacValue | undefined): string {
  if (value?.kind === 'scalar' && typeof value.value === 'string' && value.value !== '') return value.value;
  if (value?.kind === 'unknown') return value.resource ?? (value.dependsOn.join(', ') || 'unknown network');
  return 'default';
}

/** One firewall resource in the API's shape, unknown values taken as the worst they could be for an allow. */
function firewallOf(resource: IacResource, network: string, out: IacAssets): GcpFirewall | DroppedDeny | undefined {
  const body = resource.body;
  const dependence = new Dependence();
  const name = scalarOf(fieldOf(body, 'name'), new Dependence());
  const direction = scalarOf(fieldOf(body, 'direction'), dependence);
  const priority = scalarOf(fieldOf(body, 'priority'), dependence);
  const disabled = scalarOf(fieldOf(body, 'disabled'), dependence);
  const record: Record<string, unknown> = {
    name: typeof name === 'string' ? name : resource.address,
    network,
    direction: direction === UNKNOWN ? 'INGRESS' : direction,
    priority: priority === UNKNOWN ? 0 : typeof priority === 'string' && /^\d+$/.test(priority) ? Number(priority) : priority,
    disabled: disabled === UNKNOWN ? false : disabled === true || disabled === 'true',
  };
  Object.assign(record, listsAsWorst(body, LIST_FIELDS, dependence));
  const isDeny = blocksOf(body, 'deny').length > 0;
  for (const [terraform, api] of [['allow', 'allowed'], ['deny', 'denied']] as const) {
    record[api] = blocksOf(body, terraform).map((block) => entryOf(block, dependence));
  }
  if (isDeny && dependence.names.length > 0) {
    // GCP orders a deny before an allow of the same priority: priorities are doubled, the deny taking the even place.
    return droppedDeny(priority === UNKNOWN ? undefined : record.priority, direction === UNKNOWN ? undefined : direction, dependence.names, (value) => value * 2);
  }
  const location = { file: resource.file, line: dependence.line ?? resource.line };
  const firewall = firewallToRules(record, location);
  if (typeof firewall === 'string') {
    out.invalid(resource, resource.line, `${shownAddress(resource)}: ${firewall}`);
    return undefined;
  }
  for (const rule of firewall.rules) labelled(rule, shownAddress(resource), dependence);
  return firewall;
}

function entryOf(block: Block, dependence: Dependence): Record<string, unknown> {
  const protocol = scalarOf(fieldOf(block, 'protocol'), dependence);
  const ports = scalarsOf(fieldOf(block, 'ports'), dependence);
  const entry: Record<string, unknown> = { IPProtocol: protocol === UNKNOWN ? 'all' : protocol };
  // An unknown port (or list of ports) is taken as every port: GCP's meaning of no ports.
  if (ports !== UNKNOWN && !ports.includes(UNKNOWN)) entry.ports = ports;
  return entry;
}

function labelled(rule: NetworkRule, address: string, dependence: Dependence): void {
  rule.label = `${address} (${rule.label})`;
  if (dependence.names.length > 0) rule.dependsOn = dependence.names;
}
