import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { AddressSet } from '../network/address-set.js';
import { quoted, shown } from '../model/quote.js';
import { SEVERITIES } from '../model/severity.js';
import type { Policy, PolicyIgnore, PolicyOverride, RuleSetting } from './policy.js';

const TOP_KEYS = ['rules', 'networks', 'overrides', 'ignore'];
const NETWORK_KEYS = ['trusted', 'appPorts'];
const OVERRIDE_KEYS = ['paths', 'resources', 'rules'];
const IGNORE_KEYS = ['rule', 'path', 'resource', 'reason', 'until'];
const SETTINGS: readonly string[] = ['off', ...SEVERITIES];

/**
 * Validates the text of a `.parapet.yml`: the policy, or one message per problem (`FILE:LINE: …`), every one found,
 * so that a user fixes them in one go. `ruleIds` are the rules a setting may name: a typo must not silently do nothing.
 */
export function readConfig(file: string, text: string, ruleIds: ReadonlySet<string>): Policy | { errors: string[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors: string[] = [];
  const at = (node: Node | Pair | null | undefined, message: string) => {
    const offset = node && 'range' in node && node.range ? node.range[0] : node && 'key' in node && isScalar(node.key) && node.key.range ? node.key.range[0] : 0;
    errors.push(`${shown(file, 300)}:${lineCounter.linePos(offset).line}: ${message}`);
  };
  for (const error of document.errors) errors.push(`${shown(file, 300)}:${lineCounter.linePos(error.pos[0]).line}: not valid YAML (${error.code})`);
  if (errors.length > 0) return { errors };

  const policy: Policy = { file, rules: new Map(), trustedNetworks: [], overrides: [], ignores: [] };
  const root = document.contents;
  if (root === null) return policy;
  if (!isMap(root)) {
    at(root, 'the configuration must be a mapping of rules, networks, overrides and ignore');
    return { errors };
  }

  const ruleSettings = (node: unknown, where: string): Map<string, RuleSetting> => {
    const settings = new Map<string, RuleSetting>();
    if (!isMap(node)) {
      at(node as Node, `${where} must map rule ids to off or a severity (${SEVERITIES.join(', ')})`);
      return settings;
    }
    for (const pair of node.items) {
      const id = scalarText(pair.key);
      const value = scalarText(pair.value);
      if (id === undefined || !ruleIds.has(id)) at(pair, `${where}: unknown rule ${quoted(id ?? '?', 60)} — see \`parapet rules\``);
      else if (value === undefined || !SETTINGS.includes(value)) at(pair, `${where}.${id} must be off or a severity (${SEVERITIES.join(', ')}), got ${quoted(value ?? '?', 30)}`);
      else settings.set(id, value as RuleSetting);
    }
    return settings;
  };

  for (const pair of (root as YAMLMap).items) {
    const key = scalarText(pair.key);
    switch (key) {
      case 'rules':
        policy.rules = ruleSettings(pair.value, 'rules');
        break;
      case 'networks':
        readNetworks(pair.value as Node, policy, at);
        break;
      case 'overrides':
        if (!isSeq(pair.value)) at(pair, 'overrides must be a list of { paths, resources, rules }');
        else for (const item of pair.value.items) {
          const override = readOverride(item as Node, ruleSettings, at);
          if (override) policy.overrides.push(override);
        }
        break;
      case 'ignore':
        if (!isSeq(pair.value)) at(pair, 'ignore must be a list of { rule, path, resource, reason, until }');
        else for (const item of pair.value.items) {
          const ignore = readIgnore(item as Node, ruleIds, file, lineCounter, at);
          if (ignore) policy.ignores.push(ignore);
        }
        break;
      default:
        at(pair, `unknown key ${quoted(key ?? '?', 40)} (expected ${TOP_KEYS.join(', ')})`);
    }
  }
  return errors.length > 0 ? { errors } : policy;
}

type At = (node: Node | Pair | null | undefined, message: string) => void;

function readNetworks(node: Node, policy: Policy, at: At): void {
  if (!isMap(node)) return at(node, 'networks must be a mapping of trusted and appPorts');
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    if (key === 'trusted') {
      const cidrs = stringList(pair.value);
      if (!cidrs) at(pair, 'networks.trusted must be a list of CIDRs (203.0.113.0/24, 2001:db8::/32)');
      else for (const cidr of cidrs) {
        if (AddressSet.of([{ kind: 'cidr', cidr, text: cidr }]).names().isEmpty()) policy.trustedNetworks.push(cidr);
        else at(pair, `networks.trusted: ${quoted(cidr, 60)} is not a CIDR or an address`);
      }
    } else if (key === 'appPorts') {
      const ports = isSeq(pair.value) ? pair.value.items.map((item) => (isScalar(item) ? item.value : undefined)) : undefined;
      if (!ports || ports.length === 0 || ports.some((port) => !Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535)) at(pair, 'networks.appPorts must be a list of port numbers (1-65535)');
      else policy.appPorts = ports as number[];
    } else at(pair, `unknown key networks.${shown(key ?? '?', 40)} (expected ${NETWORK_KEYS.join(', ')})`);
  }
}

function readOverride(node: Node, ruleSettings: (node: unknown, where: string) => Map<string, RuleSetting>, at: At): PolicyOverride | undefined {
  if (!isMap(node)) return void at(node, 'an override must be a mapping of paths, resources and rules');
  const override: PolicyOverride = { paths: [], resources: [], rules: new Map() };
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    if (key === 'paths' || key === 'resources') {
      const globs = stringList(pair.value);
      if (globs) override[key] = globs;
      else at(pair, `overrides: ${key} must be a list of globs`);
    } else if (key === 'rules') override.rules = ruleSettings(pair.value, 'overrides: rules');
    else at(pair, `unknown key overrides: ${shown(key ?? '?', 40)} (expected ${OVERRIDE_KEYS.join(', ')})`);
  }
  if (override.paths.length === 0 && override.resources.length === 0) return void at(node, 'an override must name paths or resources');
  return override;
}

function readIgnore(node: Node, ruleIds: ReadonlySet<string>, file: string, lineCounter: LineCounter, at: At): PolicyIgnore | undefined {
  if (!isMap(node)) return void at(node, 'an ignore entry must be a mapping of rule, path, resource, reason and until');
  const fields: Record<string, string> = {};
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    const value = scalarText(pair.value);
    if (key === undefined || !IGNORE_KEYS.includes(key)) at(pair, `unknown key ignore: ${shown(key ?? '?', 40)} (expected ${IGNORE_KEYS.join(', ')})`);
    else if (value === undefined || value.trim() === '') at(pair, `ignore: ${key} must be a text`);
    else fields[key] = value.trim();
  }
  const line = lineCounter.linePos(node.range?.[0] ?? 0).line;
  const unknownRule = fields.rule === undefined || !ruleIds.has(fields.rule);
  if (unknownRule) return void at(node, `an ignore entry must name a known rule (rule: net/ssh-open-to-world), got ${quoted(fields.rule ?? 'none', 60)}`);
  if (!fields.reason) return void at(node, `the ignore of ${fields.rule} has no reason: say why it is accepted (reason: …), for the auditor who reads it`);
  if (fields.until !== undefined && !isDate(fields.until)) return void at(node, `ignore: until must be a date YYYY-MM-DD, got ${quoted(fields.until, 30)}`);
  return { rule: fields.rule, path: fields.path, resource: fields.resource, reason: fields.reason, until: fields.until, location: { file, line } };
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const { value } = node;
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function stringList(node: unknown): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const texts = node.items.map(scalarText);
  return texts.every((text): text is string => text !== undefined && text.trim() !== '') ? texts.map((text) => text.trim()) : undefined;
}

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
