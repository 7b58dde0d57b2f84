import { expandAlgorithms, type AlgorithmKind } from './algorithms.js';
import { DEFAULT_DUMP } from './defaults.js';
import { lookupKeyword } from './keywords.js';
import type { ServerOptions, StoredSetting } from './options.js';

/** Keywords `sshd -T` prints once per value. */
const ONE_LINE_PER_VALUE = new Set(['port', 'hostkey', 'hostcertificate', 'allowusers', 'denyusers', 'allowgroups', 'denygroups', 'acceptenv', 'setenv', 'subsystem']);
/** What `sshd -T` prints for an empty list. */
const EMPTY_LIST_PRINTS: Record<string, string> = { authenticationmethods: 'any', permitopen: 'any', permitlisten: 'any' };
const DEFAULTS = new Map(DEFAULT_DUMP.map(([keyword, value]) => [keyword, value]));

/** dump_config() order: the defaults' order, with the keywords printed only when set slotted in where sshd prints them. */
const PRINT_ORDER: string[] = (() => {
  const order = ['port', ...DEFAULT_DUMP.map(([keyword]) => keyword)];
  order.splice(order.indexOf('authorizedkeysfile') + 1, 0, 'hostkey', 'hostcertificate', 'allowusers', 'denyusers', 'allowgroups', 'denygroups', 'acceptenv', 'setenv');
  order.splice(order.indexOf('authenticationmethods') + 1, 0, 'logverbose', 'channeltimeout', 'subsystem');
  order.push('debianbanner');
  return order;
})();

/** The values `sshd -T` prints for a keyword (one entry per printed line), or undefined when it prints nothing. */
export function printedValues(keyword: string, setting: StoredSetting | undefined): string[] | undefined {
  const kind = lookupKeyword(keyword)?.kind;
  if (!setting) {
    const fallback = DEFAULTS.get(keyword) ?? (keyword === 'port' ? '22' : undefined);
    return fallback === undefined ? [] : [fallback];
  }
  if (kind === 'ciphers' || kind === 'macs' || kind === 'kexalgorithms' || kind === 'keyalgorithms' || kind === 'sigalgorithms') {
    const expanded = expandAlgorithms(kind as AlgorithmKind, keyword, setting.items[0]);
    return expanded === undefined ? undefined : [expanded];
  }
  if (ONE_LINE_PER_VALUE.has(keyword)) return setting.items;
  if (keyword === 'maxstartups') return [`${setting.items[0] || 10}:${setting.items[1] || 30}:${setting.items[2] || 100}`];
  if (keyword === 'rekeylimit') return [`${setting.items[0] || 0} ${setting.items[1] || 0}`];
  if (keyword === 'versionaddendum' && setting.items[0] === '') return ['none'];
  if (setting.items.length === 0) return EMPTY_LIST_PRINTS[keyword] ? [EMPTY_LIST_PRINTS[keyword]] : [];
  if (keyword === 'debianbanner') return [];
  return [setting.items.join(' ')];
}

/** The effective configuration as `sshd -T` prints it: `keyword value` lines. */
export function dumpConfig(options: ServerOptions): string[] {
  const lines: string[] = [];
  for (const keyword of PRINT_ORDER) {
    for (const value of printedValues(keyword, options.get(keyword)) ?? []) lines.push(`${keyword} ${value}`);
  }
  return lines;
}

/** Algorithm lists that expand to nothing make sshd die after parsing (assemble_algorithms). */
export function unassemblable(options: ServerOptions): StoredSetting[] {
  return [...options.entries()]
    .filter(([keyword, setting]) => /algorithms|^ciphers$|^macs$/.test(keyword) && printedValues(keyword, setting) === undefined)
    .map(([, setting]) => setting);
}
