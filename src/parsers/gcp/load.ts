import type { LoadStream } from '../../inputs/input-format.js';
import type { InputStream } from '../../inputs/input-stream.js';
import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';
import { isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import { streamJson } from '../json/stream.js';
import { quoted } from '../../model/quote.js';
import { describedPolicy, policiesMessage, policyKind, type GcpFirewallPolicy } from './firewall-policies.js';
import { firewallToRules, type GcpFirewall } from './firewall.js';
import { networkAsset } from './network.js';
import { GCP_STREAM } from './shape.js';

const EXPORT_HINT = 'export it again with gcloud compute firewall-rules list --format=json';
const ACCEPTED = 'expected an array of firewall rules (gcloud compute firewall-rules list --format=json, FirewallsClient output), {"items": [...]} (REST firewalls.list), {"firewalls": [...], "firewallPolicys": [...]} (gcloud compute networks get-effective-firewalls --format=json) or one firewall rule (gcloud compute firewall-rules describe --format=json)';

export const loadGcpFirewalls: LoadStream = (input) => {
  const problems: InputProblem[] = [];
  return { models: readExport(input, problems), problems };
};

/** One asset per VPC network: a network's firewall rules decide together, so networks are complete at the end of the file. */
function* readExport(input: InputStream, problems: InputProblem[]): Generator<NetworkAsset> {
  const file = input.path;
  const networks = new Map<string, { firewalls: GcpFirewall[]; location: SourceLocation }>();
  const add = (raw: unknown, line: number, where: string): void => {
    const firewall = isObject(raw) ? firewallToRules(raw, { file, line }) : 'is not an object';
    if (typeof firewall === 'string') {
      problems.push({ id: 'gcp/invalid-rule', file, line, level: 'error', message: `${where} ${firewall} — this firewall rule was not judged; fix the export or the rule` });
      return;
    }
    let network = networks.get(firewall.network);
    if (!network) networks.set(firewall.network, (network = { firewalls: [], location: { file, line } }));
    network.firewalls.push(firewall);
  };

  const stream = streamJson(input, GCP_STREAM, EXPORT_HINT);
  let listed = 0;
  let next = stream.next();
  for (; !next.done; next = stream.next()) {
    const { array, index, value, position } = next.value;
    listed++;
    add(value, position.line, `${array}[${index}]`);
  }
  const end = next.value;
  const kind = end.ok ? documentKind(end.value) : undefined;
  if (end.ok && kind === 'one rule') add(end.value, end.position.line, '[0]');
  for (const [network, { firewalls, location }] of networks) yield networkAsset(network, firewalls, location);

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
    const policies = effectivePolicies(value, networks.keys());
    if (policies) problems.push({ id: 'gcp/not-modelled', file, line: root.line, level: 'warning', message: policies });
    else if (listed === 0) problems.push({ id: 'gcp/empty', file, line: root.line, level: 'error', message: 'the listing holds no firewall rules — nothing was judged; check the project of the export' });
    if (isObject(value) && value.nextPageToken) {
      problems.push({ id: 'gcp/more-pages', file, line: root.line, level: 'warning', message: 'the page has a nextPageToken: more firewall rules exist than this page holds — export with gcloud compute firewall-rules list --format=json, which reads every page' });
    }
  }
}

/** What the document is, once its streamed items are taken out. */
function documentKind(value: unknown): 'error' | 'listing' | 'one rule' | 'unrecognised' {
  if (cloudErrorOf(value)) return 'error';
  if (Array.isArray(value) || (isObject(value) && (Array.isArray(value.items) || Array.isArray(value.firewalls) || value.kind === 'compute#firewallList'))) return 'listing';
  if (isObject(value) && (value.allowed !== undefined || value.denied !== undefined)) return 'one rule';
  return 'unrecognised';
}

/**
 * The warning for the firewall policies of an effective-firewalls export that may allow traffic: Parapet judges the
 * network's firewall rules, not its policies. Undefined when the export holds none that allow ingress.
 */
function effectivePolicies(value: unknown, networks: Iterable<string>): string | undefined {
  if (!isObject(value) || !Array.isArray(value.firewallPolicys)) return undefined;
  const described: string[] = [];
  for (const policy of value.firewallPolicys) {
    const kind = isObject(policy) ? policyKind(policy) : undefined;
    const shown = kind === undefined ? undefined : describedPolicy(policy as GcpFirewallPolicy, kind);
    if (shown !== undefined) described.push(shown);
  }
  if (described.length === 0) return undefined;
  const [network, more] = [...networks];
  const which = network === undefined || more !== undefined ? 'the network of this export' : `network ${quoted(network.slice(network.lastIndexOf('/') + 1), 80)}`;
  return policiesMessage(which, described);
}
