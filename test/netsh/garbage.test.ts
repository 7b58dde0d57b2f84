import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../src/inputs/input-file.js';
import { loadWindowsFirewall } from '../../src/parsers/netsh/load.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';

const context = { settings: DEFAULT_RULE_SETTINGS, readFile: () => ({ id: 'input/unreadable' as const, file: '', message: 'no', level: 'error' as const }) };

function load(text: string, encoding: InputFile['encoding'] = 'utf-8') {
  return loadWindowsFirewall({ path: 'garbage.txt', text, encoding }, context);
}

/** Lines built from netsh's own vocabulary, so that the generator reaches deep into the parser, not only its first check. */
const netshLine = fc.oneof(
  fc.constantFrom('', 'Ok.', '-'.repeat(70), 'Rule Name:                            x', 'Regelname:                            y', 'Domain Profile Settings: ',
    'Einstellungen für Privates Profil:', 'No rules match the specified criteria.', '                                      8       Any '),
  fc.tuple(fc.constantFrom('Enabled', 'Direction', 'Profiles', 'RemoteIP', 'LocalIP', 'Protocol', 'LocalPort', 'Action', 'Aktion', 'Richtung', 'Lokaler Port', 'Profile', 'State', 'Firewall Policy'),
    fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Yes', 'In', 'Out', 'Allow', 'Block', 'Any', 'TCP', '1-2,3', '10.0.0.1-10.0.0.0', '::/0', 'ON', 'OFF', 'AllowInbound,BlockOutbound', 'Domäne')))
    .map(([label, value]) => (label.startsWith('State') || label.startsWith('Firewall') ? `${label.padEnd(38)}${value}` : `${label}:`.padEnd(38) + value)),
  fc.string({ maxLength: 80 }),
);

function expectProblemsWellFormed(result: ReturnType<typeof load>): void {
  for (const problem of result.problems) {
    expect(problem.file).toBe('garbage.txt');
    expect(problem.message).not.toMatch(/[\r\n]/);
    expect(['error', 'warning']).toContain(problem.level);
  }
  // Never silent: either something was judged or an error says why not.
  expect(result.models.length + result.problems.filter((problem) => problem.level === 'error').length).toBeGreaterThan(0);
  for (const model of result.models) {
    if (model.kind !== 'network') continue;
    for (const rule of model.rules) expect(rule.remote.length).toBeGreaterThan(0);
  }
}

describe('netsh garbage', () => {
  it('never throws on arbitrary text, and never returns a silent clean', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => expectProblemsWellFormed(load(text))), { numRuns: 400 });
  });

  it('never throws on shuffled netsh lines, in any encoding path', () => {
    fc.assert(fc.property(fc.array(netshLine, { maxLength: 60 }), fc.constantFrom('\r\n', '\n'), fc.constantFrom<InputFile['encoding']>('utf-8', 'latin1'), (lines, eol, encoding) => {
      expectProblemsWellFormed(load(lines.join(eol), encoding));
    }), { numRuns: 600 });
  });

  it('never throws on arbitrary JSON shaped like the PowerShell export', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: -1, max: 8 }), fc.constantFrom('Any', 'TCP', '80', 'LocalSubnet', '__proto__'));
    const rule = fc.dictionary(fc.constantFrom('DisplayName', 'Name', 'Enabled', 'Direction', 'Action', 'Profile', 'Protocol', 'LocalPort', 'RemoteAddress', 'LocalAddress', 'DefaultInboundAction', 'DefaultOutboundAction', '__proto__'), value);
    fc.assert(fc.property(fc.oneof(fc.array(rule, { maxLength: 8 }), rule, fc.jsonValue()), (json) => expectProblemsWellFormed(load(JSON.stringify(json, null, 1)))), { numRuns: 400 });
  });

  it('handles hostile long lines (no catastrophic backtracking)', () => {
    const long = `Rule Name:${' '.repeat(200_000)}x\r\nRemoteIP:${' '.repeat(200_000)}${'1.'.repeat(50_000)}\r\n${'a:'.repeat(100_000)}\r\n` + '-'.repeat(70);
    expectProblemsWellFormed(load(long));
  });
});
