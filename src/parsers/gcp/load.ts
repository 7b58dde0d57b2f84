import type { LoadStream } from '../../inputs/input-format.js';
import type { InputStream } from '../../inputs/input-stream.js';
import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset, NetworkRule } from '../../network/model.js';
import { arrayOf, isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import type { JsonPosition } from '../json/locate.js';
import { streamJson } from '../json/stream.js';
import { isFirewallPolicy, policyLevel, stackLevels, type PolicyLevel } from './firewall-policies.js';
import { firewallToRules, type GcpFirewall } from './firewall.js';
import { networkAsset } from './network.js';
import { GCP_STREAM } from './shape.js';

const EXPORT_HINT = 'export it again with gcloud compute firewall-rules list --format=json';
const ACCEPTED = 'expected an array of firewall rules (gcloud compute firewall-rules list --format=json, FirewallsClient output), {"items": [...]} (REST firewalls.list), {"firewalls": [...], "firewallPolicys": [...]} (gcloud compute networks get-effective-firewalls --format=json), one firewall rule (gcloud compute firewall-rules describe --format=json) or firewall policies (gcloud compute firewall-policies describe, network-firewall-policies describe --format=json)';

export const loadGcpFirewalls: LoadStream = (input) => {
  const problems: InputProblem[] = [];
  return { models: readExport(input, problems), problems };
};

/**
 * One asset per VPC network: a network's firewall rules decide together, so networks are complete at the end of the
 * file. Each firewall policy (a sweep's items, an effective-firewalls export's `firewallPolicys`) is an asset of its own;
 * those of an effective-firewalls export are evaluated in their order, before the network's firewall rules.
 */
function* readExport(input: InputStream, problems: InputProblem[]): Generator<NetworkAsset> {
  const file = input.path;
  const networks = new Map<string, { firewalls: GcpFirewall[]; location: SourceLocation }>();
  const add = (raw: unknown, position: JsonPosition, where: string): void => {
    const { line } = position;
    if (isObject(raw) && isFirewallPolicy(raw)) {
      policies.push({ level: policyLevel(raw, position, { file, line }, problems), effectiveOn: effectiveOn(raw.parapetEffectiveOn) });
      return;
    }
    const firewall = isObject(raw) ? firewallToRules(raw, { file, line }) : 'is not an object';
    if (typeof firewall === 'string') {
      problems.push({ id: 'gcp/invalid-rule', file, line, level: 'error', message: `${where} ${firewall} — this firewall rule was not judged; fix the export or the rule` });
      return;
    }
    let network = networks.get(firewall.network);
    if (!network) networks.set(firewall.network, (network = { firewalls: [], location: { file, line } }));
    network.firewalls.push(firewall);
  };

  const policies: { level: PolicyLevel; effectiveOn: ReadonlyMap<string, number> }[] = [];
  const stream = streamJson(input, GCP_STREAM, EXPORT_HINT);
  let listed = 0;
  let next = stream.next();
  for (; !next.done; next = stream.next()) {
    const { array, index, value, position } = next.value;
    listed++;
    add(value, position, `${array}[${index}]`);
  }
  const end = next.value;
  const kind = end.ok ? documentKind(end.value) : undefined;
  if (end.ok && kind === 'one rule') add(end.value, end.position, '[0]');
  // An effective-firewalls export's policies are the levels of its one network, in order.
  const effective = (end.ok && kind === 'listing' && isObject(end.value) ? arrayOf(end.value.firewallPolicys) : []).flatMap((policy, index) =>
    isObject(policy) && end.ok ? [policyLevel(policy, end.position.member('firewallPolicys')?.item(index), { file, line: end.position.line }, problems)] : [],
  );
  const exportDenies = stackLevels(effective);
  // Networks under the same folders share their levels: each chain of policies is stacked once.
  const stacked = new Map<string, NetworkRule[]>();
  for (const [network, { firewalls, location }] of networks) {
    const asset = networkAsset(network, firewalls, location);
    // A sweep names, on each policy, the networks whose effective firewalls list it and at which place.
    const listed = policies.filter(({ effectiveOn }) => effectiveOn.has(network)).sort((a, b) => a.effectiveOn.get(network)! - b.effectiveOn.get(network)!);
    const chain = listed.map(({ level }) => level.asset.asset.id).join('\n');
    let denies = stacked.get(chain);
    if (!denies) stacked.set(chain, (denies = stackLevels(listed.map(({ level }) => level))));
    asset.rules.unshift(...exportDenies, ...denies);
    yield asset;
  }
  for (const { level } of policies) yield level.asset;
  for (const level of effective) yield level.asset;

  if (!end.ok) {
    problems.push(end.problem);
    return;
  }
  const { value, position: root } = end;
  if (kind === 'error') {
    problems.push({ id: 'gcp/error-response', file, line: 1, level: 'error', message: `the file is a Google Cloud error response, not a listing (${cloudErrorOf(value)}) — fix the login or role (compute.firewalls.list) and export again` });
  } else if (kind === 'unrecognised') {
    problems.push({ id: 'input/unrecognised', file, line: root.line, level: 'error', message: `this JSON is not a GCP firewall rule listing — ${ACCEPTED}` });
  } else if (kind === 'listing') {
    if (listed === 0 && effective.length === 0) problems.push({ id: 'gcp/empty', file, line: root.line, level: 'error', message: 'the listing holds no firewall rules — nothing was judged; check the project of the export' });
    if (isObject(value) && value.nextPageToken) {
      problems.push({ id: 'gcp/more-pages', file, line: root.line, level: 'warning', message: 'the page has a nextPageToken: more firewall rules exist than this page holds — export with gcloud compute firewall-rules list --format=json, which reads every page' });
    }
  }
}

/** What the document is, once its streamed items are taken out. */
function documentKind(value: unknown): 'error' | 'listing' | 'one rule' | 'unrecognised' {
  if (cloudErrorOf(value)) return 'error';
  if (Array.isArray(value) || (isObject(value) && (Array.isArray(value.items) || Array.isArray(value.firewalls) || value.kind === 'compute#firewallList'))) return 'listing';
  if (isObject(value) && (value.allowed !== undefined || value.denied !== undefined || isFirewallPolicy(value))) return 'one rule';
  return 'unrecognised';
}

/** The networks (selfLinks) a sweep found a policy in effect on, each with its place among their policies. */
function effectiveOn(value: unknown): ReadonlyMap<string, number> {
  return new Map(arrayOf(value).flatMap((entry) => (isObject(entry) && typeof entry.network === 'string' && typeof entry.order === 'number' ? [[entry.network, entry.order] as const] : [])));
}
