import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { lineFinder } from '../json/line-finder.js';
import type { ProfileSection } from './profile-section.js';
import type { RuleRecord } from './rule-record.js';
import type { RuleField } from './vocabulary.js';

/**
 * `Get-NetFirewallRule | … | ConvertTo-Json` with the port and address filters joined in as properties, and
 * `Get-NetFirewallProfile | ConvertTo-Json`. Windows PowerShell 5.1 writes enums as integers, PowerShell 7 with
 * -EnumsAsStrings as names; a single element is written without its array. Both are accepted.
 */
export interface PowerShellExport {
  rules: RuleRecord[];
  profiles: ProfileSection[];
  /** True when rule objects were found but none carries a Protocol, LocalPort or RemoteAddress: the filters were not joined. */
  filtersMissing: boolean;
  problems: InputProblem[];
}

export const JOIN_COMMAND = 'Get-NetFirewallRule | Select-Object Name,DisplayName,Enabled,Direction,Action,Profile,'
  + '@{n=\'Protocol\';e={($_ | Get-NetFirewallPortFilter).Protocol}},@{n=\'LocalPort\';e={($_ | Get-NetFirewallPortFilter).LocalPort}},'
  + '@{n=\'RemoteAddress\';e={($_ | Get-NetFirewallAddressFilter).RemoteAddress}} | ConvertTo-Json -Depth 4';

const MAX_DEPTH = 32;

// NetSecurity CIM enums as Windows PowerShell 5.1 serialises them.
const ENABLED: Record<string, string> = { '1': 'Yes', '2': 'No', '0': 'No', true: 'Yes', false: 'No' };
const DIRECTION: Record<string, string> = { '1': 'In', '2': 'Out', inbound: 'In', outbound: 'Out' };
const ACTION: Record<string, string> = { '2': 'Allow', '4': 'Block', allow: 'Allow', block: 'Block' };
// Get-NetFirewallProfile's Enabled is a GpoBoolean: 2 NotConfigured leaves the local setting, ON by default.
const PROFILE_ENABLED: Record<string, string> = { '1': 'ON', '0': 'OFF', '2': 'ON', true: 'ON', false: 'OFF', notconfigured: 'ON' };
const INBOUND_ACTION: Record<string, string> = { '0': 'NotConfigured', '2': 'AllowInbound', '4': 'BlockInbound', notconfigured: 'NotConfigured', allow: 'AllowInbound', block: 'BlockInbound' };
const OUTBOUND_ACTION: Record<string, string> = { '0': 'NotConfigured', '2': 'AllowOutbound', '4': 'BlockOutbound', notconfigured: 'NotConfigured', allow: 'AllowOutbound', block: 'BlockOutbound' };

export function readPowerShellJson(file: string, text: string): PowerShellExport {
  const result: PowerShellExport = { rules: [], profiles: [], filtersMissing: false, problems: [] };
  const lineOf = lineFinder(text);
  if (nestingDepth(text) > MAX_DEPTH) {
    result.problems.push(problemAt('input/unparseable', { file }, `JSON nests deeper than ${MAX_DEPTH} levels — not judged; export with \`ConvertTo-Json -Depth 4\``));
    return result;
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    result.problems.push(problemAt('input/unparseable', { file, line: first ? lineOf(first.offset) : undefined }, `not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'}) — not judged; save the PowerShell output as UTF-8 JSON`));
    return result;
  }
  const objects = root.type === 'array' ? root.children ?? [] : [root];
  let rulesWithFilters = 0;
  for (const node of objects) {
    if (node.type !== 'object') continue;
    const properties = propertiesOf(node);
    const line = lineOf(node.offset);
    if (properties.has('defaultinboundaction')) {
      const profile = profileFromJson(properties, line, lineOf);
      if (profile) result.profiles.push(profile);
      else result.problems.push(problemAt('netsh/bad-value', { file, line }, 'profile object has no Name Domain, Private or Public — not judged; export with `Get-NetFirewallProfile | ConvertTo-Json`'));
    } else if (properties.has('direction') || properties.has('action')) {
      const record = ruleFromJson(properties, line, lineOf);
      if (['protocol', 'localport', 'remoteaddress'].some((key) => properties.has(key))) rulesWithFilters++;
      if (!properties.has('remoteaddress')) {
        result.problems.push(problemAt('netsh/filter-missing', { file, line }, `rule ${quoted(record.name, 120)} has no RemoteAddress — judged as open to any address; join Get-NetFirewallAddressFilter into the export`, 'warning'));
      }
      result.rules.push(record);
    }
  }
  result.filtersMissing = result.rules.length > 0 && rulesWithFilters === 0;
  return result;
}

/** Property name (lower case) → value node. A Map, so that keys such as __proto__ are plain data. */
function propertiesOf(node: Node): Map<string, Node> {
  const properties = new Map<string, Node>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string' && value && !properties.has(String(key.value).toLowerCase())) properties.set(String(key.value).toLowerCase(), value);
  }
  return properties;
}

function ruleFromJson(properties: Map<string, Node>, line: number, lineOf: (offset: number) => number): RuleRecord {
  const fields: RuleRecord['fields'] = new Map();
  const set = (field: RuleField, key: string, table?: Record<string, string>) => {
    const node = properties.get(key);
    if (!node || node.type === 'null') return;
    const text = textOf(node);
    fields.set(field, { value: table ? lookup(table, text) ?? text : text, line: lineOf(node.offset) });
  };
  set('enabled', 'enabled', ENABLED);
  set('direction', 'direction', DIRECTION);
  set('action', 'action', ACTION);
  set('protocol', 'protocol');
  set('localPort', 'localport');
  set('remoteIp', 'remoteaddress');
  set('localIp', 'localaddress');
  set('program', 'program');
  set('service', 'service');
  set('interfaceTypes', 'interfacetype');
  const profile = properties.get('profile');
  if (profile && profile.type !== 'null') fields.set('profiles', { value: profilesText(profile), line: lineOf(profile.offset) });
  const name = properties.get('displayname') ?? properties.get('name');
  return { name: name && name.type !== 'null' ? textOf(name) : `(unnamed rule at line ${line})`, line, fields };
}

/** Profile bit mask (Domain 1, Private 2, Public 4; 0 = Any) or names ('Domain, Private'). */
function profilesText(node: Node): string {
  if (node.type !== 'number') return textOf(node);
  const mask = Number(node.value);
  if (mask === 0) return 'Any';
  const names = [[1, 'Domain'], [2, 'Private'], [4, 'Public']].filter(([bit]) => (mask & (bit as number)) !== 0).map(([, name]) => name);
  return names.length > 0 && mask < 8 ? names.join(',') : String(mask);
}

function profileFromJson(properties: Map<string, Node>, line: number, lineOf: (offset: number) => number): ProfileSection | undefined {
  const nameNode = properties.get('name');
  const name = nameNode ? lookup(PROFILE_NAMES, textOf(nameNode)) : undefined;
  if (!name) return undefined;
  const section: ProfileSection = { name, line };
  const enabled = properties.get('enabled');
  if (enabled) section.state = { value: lookup(PROFILE_ENABLED, textOf(enabled)) ?? textOf(enabled), line: lineOf(enabled.offset) };
  const inbound = properties.get('defaultinboundaction');
  const outbound = properties.get('defaultoutboundaction');
  if (inbound) {
    const policy = [lookup(INBOUND_ACTION, textOf(inbound)) ?? textOf(inbound)];
    if (outbound) policy.push(lookup(OUTBOUND_ACTION, textOf(outbound)) ?? textOf(outbound));
    section.policy = { value: policy.join(','), line: lineOf(inbound.offset) };
  }
  return section;
}

/** Scalars as text; arrays as a comma list (netsh's own list syntax). Objects are not expected here. */
const PROFILE_NAMES: Record<string, ProfileSection['name']> = { domain: 'Domain', private: 'Private', public: 'Public' };

function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  const normalised = key.toLowerCase();
  return Object.hasOwn(table, normalised) ? table[normalised] : undefined;
}

function textOf(node: Node): string {
  if (node.type === 'array') return (node.children ?? []).map(textOf).join(',');
  if (node.type === 'object') return '(object)';
  return String(node.value);
}

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}
