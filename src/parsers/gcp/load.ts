import type { LoadInput, LoadResult } from '../../inputs/input-format.js';
import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import { isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import type { JsonPosition } from '../json/locate.js';
import { locateSoon } from '../json/locate-soon.js';
import { parseJsonDocument } from '../json/parse.js';
import { utf8Bytes } from '../json/utf8-bytes.js';
import { firewallToRules, type GcpFirewall } from './firewall.js';
import { networkAsset } from './network.js';
import { GCP_POSITIONS } from './shape.js';

const EXPORT_HINT = 'export it again with gcloud compute firewall-rules list --format=json';
const ACCEPTED = 'expected an array of firewall rules (gcloud compute firewall-rules list --format=json, FirewallsClient output), {"items": [...]} (REST firewalls.list) or one firewall rule (gcloud compute firewall-rules describe --format=json)';

export const loadGcpFirewalls: LoadInput = (file) => {
  // Positions are found on another thread while JSON.parse runs here.
  const locate = locateSoon(utf8Bytes(file), GCP_POSITIONS);
  const parsed = parseJsonDocument(file.path, file.text, EXPORT_HINT);
  if (!parsed.ok) return { models: [], problems: [parsed.problem] };
  const error = cloudErrorOf(parsed.value);
  if (error) return fail(file.path, 'gcp/error-response', `the file is a Google Cloud error response, not a listing (${error}) — fix the login or role (compute.firewalls.list) and export again`);

  const root = locate();
  const value = parsed.value;
  let list: unknown[];
  let positions: JsonPosition | undefined;
  let prefix: string;
  if (Array.isArray(value)) [list, positions, prefix] = [value, root, ''];
  else if (isObject(value) && (Array.isArray(value.items) || value.kind === 'compute#firewallList')) [list, positions, prefix] = [Array.isArray(value.items) ? value.items : [], root.member('items'), 'items'];
  else if (isObject(value) && (value.allowed !== undefined || value.denied !== undefined)) [list, positions, prefix] = [[value], undefined, ''];
  else return fail(file.path, 'input/unrecognised', `this JSON is not a GCP firewall rule listing — ${ACCEPTED}`, root.line);

  const problems: InputProblem[] = [];
  const networks = new Map<string, { firewalls: GcpFirewall[]; location: SourceLocation }>();
  list.forEach((raw, index) => {
    const line = positions ? (positions.item(index)?.line ?? root.line) : root.line;
    const firewall = isObject(raw) ? firewallToRules(raw, { file: file.path, line }) : 'is not an object';
    if (typeof firewall === 'string') {
      problems.push({ id: 'gcp/invalid-rule', file: file.path, line, level: 'error', message: `${prefix}[${index}] ${firewall} — this firewall rule was not judged; fix the export or the rule` });
      return;
    }
    let network = networks.get(firewall.network);
    if (!network) networks.set(firewall.network, (network = { firewalls: [], location: { file: file.path, line } }));
    network.firewalls.push(firewall);
  });
  if (list.length === 0) problems.push({ id: 'gcp/empty', file: file.path, line: root.line, level: 'error', message: 'the listing holds no firewall rules — nothing was judged; check the project of the export' });
  if (isObject(value) && value.nextPageToken) {
    problems.push({ id: 'gcp/more-pages', file: file.path, line: root.line, level: 'warning', message: 'the page has a nextPageToken: more firewall rules exist than this page holds — export with gcloud compute firewall-rules list --format=json, which reads every page' });
  }
  const models = [...networks].map(([network, { firewalls, location }]) => networkAsset(network, firewalls, location));
  return { models, problems };
};

function fail(file: string, id: string, message: string, line?: number): LoadResult {
  return { models: [], problems: [{ id, file, line, level: 'error', message }] };
}
