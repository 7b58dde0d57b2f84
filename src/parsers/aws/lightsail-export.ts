import type { InputFile } from '../../inputs/input-file.js';
import type { LoadInput } from '../../inputs/input-format.js';
import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import type { AddressMatch, NetworkAsset } from '../../network/model.js';
import { arrayOf, cidrAddress, isObject, stringOf } from '../json/cloud-values.js';
import { locateJson, type JsonPosition, type PositionShape } from '../json/locate.js';
import { parseJsonDocument } from '../json/parse.js';
import { quotedJson } from '../json/quote.js';
import { lightsailAlias, lightsailInstanceAsset, lightsailTraffic } from './lightsail.js';
import { notJsonProblem } from './not-json.js';
import { permissionRule } from './security-groups.js';

const EXPORT_HINT = 'export it again with aws lightsail get-instances --output json';
const PORT: PositionShape = {};
const INSTANCE: PositionShape = { members: { networking: { members: { ports: { items: PORT } } } } };
const PAGE: PositionShape = { members: { instances: { items: INSTANCE }, instance: INSTANCE } };
const LISTING: PositionShape = { ...PAGE, items: { members: { ...INSTANCE.members, ...PAGE.members } } };
/** arn:aws:lightsail:REGION:ACCOUNT:Instance/… */
const LIGHTSAIL_ARN = /^arn:aws[a-z-]{0,20}:lightsail:([a-z0-9-]{1,30}):(\d{12}):/;

/**
 * Lightsail instances as `aws lightsail get-instances` (or `get-instance`, or the SDK) lists them: each instance an
 * asset whose rules are its firewall's ports, each at its line.
 */
export const loadLightsailInstances: LoadInput = (file) => {
  const problems: InputProblem[] = [];
  return { models: readListing(file, problems), problems };
};

function readListing(file: InputFile, problems: InputProblem[]): NetworkAsset[] {
  const parsed = notJsonProblem(file.path, file.text) ?? parseJsonDocument(file.path, file.text, EXPORT_HINT);
  if ('id' in parsed || !parsed.ok) {
    problems.push('id' in parsed ? parsed : parsed.problem);
    return [];
  }
  const { value } = parsed;
  const items = listedInstances(value, locateJson(Buffer.from(file.text), LISTING));
  if (items === undefined) problems.push({ id: 'lightsail/invalid-instance', file: file.path, line: 1, level: 'error', message: `expected {"instances": [...]} (aws lightsail get-instances) or {"instance": {...}} (get-instance) — nothing was judged; ${EXPORT_HINT}` });
  else if (items.length === 0) problems.push({ id: 'lightsail/empty', file: file.path, line: 1, level: 'error', message: 'the listing holds no instances — nothing was judged; check the region of the export' });
  if (isObject(value) && typeof value.nextPageToken === 'string' && value.nextPageToken !== '') {
    problems.push({ id: 'lightsail/more-pages', file: file.path, line: 1, level: 'warning', message: 'the listing has a nextPageToken: more instances exist than this page holds — export all pages (the AWS CLI paginates unless --no-paginate is given)' });
  }
  const assets: NetworkAsset[] = [];
  for (const [item, position, where] of items ?? []) {
    const asset = instanceAsset(item, position, where, file.path, problems);
    if (asset) assets.push(asset);
  }
  return assets;
}

/**
 * The instances of a listing with where each stands and how a message names it: an instance list, a page, or an array
 * of pages (one per region); undefined when it is no listing.
 */
function listedInstances(value: unknown, root: JsonPosition): [unknown, JsonPosition | undefined, string][] | undefined {
  if (Array.isArray(value)) {
    return value.flatMap((item, index): [unknown, JsonPosition | undefined, string][] =>
      isObject(item) && Array.isArray(item.instances)
        ? item.instances.map((instance, k) => [instance, root.item(index)?.member('instances')?.item(k), `[${index}].instances[${k}]`])
        : [[item, root.item(index), `[${index}]`]],
    );
  }
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.instances)) return value.instances.map((item, index) => [item, root.member('instances')?.item(index), `instances[${index}]`]);
  return isObject(value.instance) ? [[value.instance, root.member('instance'), 'instance']] : undefined;
}

function instanceAsset(item: unknown, position: JsonPosition | undefined, where: string, file: string, problems: InputProblem[]): NetworkAsset | undefined {
  const line = position?.line ?? 1;
  const name = isObject(item) ? stringOf(item.name) : undefined;
  const ports = isObject(item) && isObject(item.networking) ? item.networking.ports : undefined;
  if (!isObject(item) || name === undefined || !Array.isArray(ports)) {
    problems.push({ id: 'lightsail/invalid-instance', file, line, level: 'error', message: `${where} is not a Lightsail instance with a name and networking.ports — not judged; ${EXPORT_HINT}` });
    return undefined;
  }
  const arn = stringOf(item.arn);
  const [, region, account] = (arn && LIGHTSAIL_ARN.exec(arn)) || [];
  const location = isObject(item.location) ? stringOf(item.location.regionName) : undefined;
  const asset = lightsailInstanceAsset({ id: arn ?? name, name, account, region: region ?? location }, { file, line });
  const portPositions = position?.member('networking')?.member('ports');
  ports.forEach((port, index) => addPort(asset, port, { file, line: portPositions?.item(index)?.line ?? line }, `${where}.networking.ports[${index}]`, problems));
  return asset;
}

/** One port rule: its addresses, or, in an export older than them, what `accessFrom` says. */
function addPort(asset: NetworkAsset, port: unknown, location: SourceLocation, where: string, problems: InputProblem[]): void {
  const invalid = (what: string): void => void problems.push({ id: 'lightsail/invalid-port', file: location.file, line: location.line, level: 'error', message: `${where}: ${what} — this rule was not judged; ${EXPORT_HINT}` });
  if (!isObject(port)) return invalid('not a port object');
  if (stringOf(port.accessDirection)?.toLowerCase() === 'outbound') return;
  const traffic = lightsailTraffic(port.protocol, port.fromPort, port.toPort);
  if (typeof traffic === 'string') return invalid(traffic.replace('FromPort', 'fromPort').replace('ToPort', 'toPort'));
  const sources: AddressMatch[] = [];
  for (const key of ['cidrs', 'ipv6Cidrs'] as const) {
    for (const cidr of arrayOf(port[key])) {
      const address = cidrAddress(cidr);
      if (address) sources.push(address);
      else invalid(`${key} ${quotedJson(cidr)} is not a CIDR`);
    }
  }
  for (const alias of arrayOf(port.cidrListAliases)) if (typeof alias === 'string') sources.push(lightsailAlias(alias));
  if (sources.length === 0) {
    const from = stringOf(port.accessFrom) ?? '';
    if (/0\.0\.0\.0\/0/.test(from)) sources.push({ kind: 'cidr', cidr: '0.0.0.0/0', text: '0.0.0.0/0' });
    else return invalid(`it lists no addresses (accessFrom ${port.accessFrom === undefined ? 'absent' : quotedJson(port.accessFrom)}) — an export older than Lightsail's cidrs field?`);
  }
  for (const source of sources) asset.rules.push(permissionRule('inbound', traffic, source, where, location));
}
