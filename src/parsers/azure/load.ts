import type { LoadInput, LoadResult } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';
import { isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import type { JsonPosition } from '../json/locate.js';
import { locateSoon } from '../json/locate-soon.js';
import { parseJsonDocument } from '../json/parse.js';
import { utf8Bytes } from '../json/utf8-bytes.js';
import { nsgToAsset } from './nsg.js';
import { AZURE_POSITIONS } from './shape.js';

const EXPORT_HINT = 'export it again with az network nsg list --output json';
const ACCEPTED = 'expected an array of NSGs (az network nsg list, @azure/arm-network listAll), {"value": [...]} (ARM REST page) or one NSG (az network nsg show)';

export const loadAzureNsgs: LoadInput = (file) => {
  // Positions are found on another thread while JSON.parse runs here.
  const locate = locateSoon(utf8Bytes(file), AZURE_POSITIONS);
  const parsed = parseJsonDocument(file.path, file.text, EXPORT_HINT);
  if (!parsed.ok) return { models: [], problems: [parsed.problem] };
  const error = cloudErrorOf(parsed.value);
  if (error) return fail(file.path, 'azure/error-response', `the file is an Azure error response, not a listing (${error}) — fix the login or role (Microsoft.Network/networkSecurityGroups/read) and export again`);

  const root = locate();
  const value = parsed.value;
  const problems: InputProblem[] = [];
  let nsgs: unknown[];
  let positions: JsonPosition | undefined;
  let prefix: string;
  if (Array.isArray(value)) [nsgs, positions, prefix] = [value, root, ''];
  else if (isObject(value) && Array.isArray(value.value)) [nsgs, positions, prefix] = [value.value, root.member('value'), 'value'];
  else if (isObject(value) && isNsg(value)) return { models: [nsgToAsset(value, root, 'NSG', file.path, problems)], problems };
  else return fail(file.path, 'input/unrecognised', `this JSON is not an Azure NSG listing — ${ACCEPTED}`, root.line);

  const models: NetworkAsset[] = [];
  nsgs.forEach((nsg, index) => {
    const position = positions?.item(index);
    if (isObject(nsg) && isNsg(nsg)) models.push(nsgToAsset(nsg, position, `${prefix}[${index}]`, file.path, problems));
    else problems.push({ id: 'azure/invalid-nsg', file: file.path, line: position?.line ?? root.line, level: 'error', message: `${prefix}[${index}] is not a network security group (no securityRules) — not judged; ${ACCEPTED}` });
  });
  if (nsgs.length === 0) problems.push({ id: 'azure/empty', file: file.path, line: root.line, level: 'error', message: 'the listing holds no network security groups — nothing was judged; check the subscription of the export' });
  if (isObject(value) && value.nextLink) {
    problems.push({ id: 'azure/more-pages', file: file.path, line: root.line, level: 'warning', message: 'the page has a nextLink: more NSGs exist than this page holds — scan every page, or export with az network nsg list (which follows nextLink)' });
  }
  return { models, problems };
};

function isNsg(value: Record<string, unknown>): boolean {
  const fields = isObject(value.properties) ? value.properties : value;
  return Array.isArray(fields.securityRules) || Array.isArray(fields.defaultSecurityRules) || (typeof value.type === 'string' && value.type.toLowerCase() === 'microsoft.network/networksecuritygroups');
}

function fail(file: string, id: string, message: string, line?: number): LoadResult {
  return { models: [], problems: [{ id, file, line, level: 'error', message }] };
}
