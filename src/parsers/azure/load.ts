import type { LoadStream } from '../../inputs/input-format.js';
import type { InputStream } from '../../inputs/input-stream.js';
import type { InputProblem } from '../../model/problem.js';
import type { NetworkAsset } from '../../network/model.js';
import { isObject } from '../json/cloud-values.js';
import { cloudErrorOf } from '../json/error-response.js';
import { streamJson } from '../json/stream.js';
import { AdminRuleListing, isAdminRule } from './admin-rule-listing.js';
import { FirewallPolicies } from './firewall-policies.js';
import { isFirewall, isRuleCollectionGroup, natRulesToAsset } from './firewall-nat.js';
import { nsgToAsset } from './nsg.js';
import { AZURE_STREAM } from './shape.js';

const EXPORT_HINT = 'export it again with az network nsg list --output json';
const ACCEPTED = 'expected an array of NSGs (az network nsg list, @azure/arm-network listAll), {"value": [...]} (ARM REST page) or one NSG (az network nsg show); security admin rules (az network manager security-admin-config rule-collection rule list), Azure Firewalls (az network firewall list) and firewall policy rule collection groups (az network firewall policy rule-collection-group list) may stand among them or alone';

export const loadAzureNsgs: LoadStream = (input) => {
  const problems: InputProblem[] = [];
  return { models: readExport(input, problems), problems };
};

/**
 * The NSGs, Azure Firewalls and firewall policy rule collection groups of a listing, one at a time as the file is read;
 * then its security admin rule collections, once all their rules are read.
 */
function* readExport(input: InputStream, problems: InputProblem[]): Generator<NetworkAsset> {
  const file = input.path;
  const stream = streamJson(input, AZURE_STREAM, EXPORT_HINT);
  const adminRules = new AdminRuleListing(file, problems);
  const policies = new FirewallPolicies(file, problems);
  let listed = 0;
  let next = stream.next();
  for (; !next.done; next = stream.next()) {
    const { array, index, value: item, position } = next.value;
    const where = `${array}[${index}]`;
    listed++;
    if (isObject(item) && isNsg(item)) yield nsgToAsset(item, position, where, file, problems);
    else if (isObject(item) && isAdminRule(item)) adminRules.add(item, position.line);
    else if (isObject(item) && (isFirewall(item) || isRuleCollectionGroup(item))) {
      policies.seen(item, position.line);
      yield natRulesToAsset(item, position, where, file, problems);
    }
    else problems.push({ id: 'azure/invalid-nsg', file, line: position.line, level: 'error', message: `${where} is neither a network security group (no securityRules), a security admin rule (by its type), an Azure Firewall nor a rule collection group — not judged; ${ACCEPTED}` });
  }
  yield* adminRules.assets();
  policies.check();

  const end = next.value;
  if (!end.ok) {
    problems.push(end.problem);
    return;
  }
  const { value, position: root } = end;
  const error = cloudErrorOf(value);
  if (error) {
    problems.push({ id: 'azure/error-response', file, line: 1, level: 'error', message: `the file is an Azure error response, not a listing (${error}) — fix the login or role (Microsoft.Network/networkSecurityGroups/read) and export again` });
    return;
  }
  if (isObject(value) && !Array.isArray(value.value) && isNsg(value)) {
    yield nsgToAsset(value, root, 'NSG', file, problems);
    return;
  }
  if (isObject(value) && !Array.isArray(value.value) && (isFirewall(value) || isRuleCollectionGroup(value))) {
    policies.seen(value, root.line);
    yield natRulesToAsset(value, root, 'the document', file, problems);
    policies.check();
    return;
  }
  if (isObject(value) && !Array.isArray(value.value) && isAdminRule(value)) {
    adminRules.add(value, root.line);
    yield* adminRules.assets();
    return;
  }
  if (!Array.isArray(value) && !(isObject(value) && Array.isArray(value.value))) {
    problems.push({ id: 'input/unrecognised', file, line: root.line, level: 'error', message: `this JSON is not an Azure NSG listing — ${ACCEPTED}` });
    return;
  }
  if (listed === 0) problems.push({ id: 'azure/empty', file, line: root.line, level: 'error', message: 'the listing holds no network security groups, admin rules nor firewalls — nothing was judged; check the subscription of the export' });
  if (isObject(value) && value.nextLink) {
    problems.push({ id: 'azure/more-pages', file, line: root.line, level: 'warning', message: 'the page has a nextLink: more NSGs exist than this page holds — scan every page, or export with az network nsg list (which follows nextLink)' });
  }
}

function isNsg(value: Record<string, unknown>): boolean {
  const fields = isObject(value.properties) ? value.properties : value;
  return Array.isArray(fields.securityRules) || Array.isArray(fields.defaultSecurityRules) || (typeof value.type === 'string' && value.type.toLowerCase() === 'microsoft.network/networksecuritygroups');
}
