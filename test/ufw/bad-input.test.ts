import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, loadUfwText, hostAsset, parseUfwText } from './load.js';

const VERBOSE = readFileSync(join(CORPUS, 'oracle-full', 'status-verbose.txt'), 'utf8');
const USER_RULES = readFileSync(join(CORPUS, 'oracle-full', 'user.rules'), 'utf8');
const ROW = (to: string, action: string, from: string): string => `${to.padEnd(26)} ${action.padEnd(12)}${from.padEnd(26)}`;

function withHeader(rows: string[]): string {
  return ['Status: active', 'Logging: on (low)', 'Default: deny (incoming), allow (outgoing), disabled (routed)', 'New profiles: skip', '',
    'To                         Action      From', '--                         ------      ----', ...rows, ''].join('\n');
}

describe('bad ufw input gets one clear problem per line, and the rest is judged', () => {
  it('an empty file is an error, never a silent clean', () => {
    for (const text of ['', '\n\n   \n']) {
      const result = loadUfwText(text);
      expect(result.models).toEqual([]);
      expect(result.problems).toEqual([expect.objectContaining({ id: 'ufw/empty', level: 'error', file: result.path })]);
    }
  });

  it('text that is not ufw output is an error that says so at its line, without echoing the line', () => {
    const result = loadUfwText('hello world\nthis is not a firewall\n');
    expect(result.models).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ id: 'ufw/not-status', level: 'error', line: 1 })]);
    expect(result.problems[0].message).toContain('found a line of 11 characters that is not ufw');
    expect(result.problems[0].message).not.toContain('hello');
  });

  it('ufw run without root prints an error, not a status', () => {
    const result = loadUfwText('ERROR: You need to be root to run this script\n');
    expect(result.models).toEqual([]);
    expect(result.problems[0].message).toMatch(/^ufw printed an error instead of its status .*\(as root\)$/);
  });

  it('a truncated capture: the cut row is reported at its line, the rows before it are judged', () => {
    const lines = VERBOSE.split('\n');
    const truncated = [...lines.slice(0, 12), lines[12].slice(0, 30)].join('\n');
    const result = loadUfwText(truncated);
    expect(result.problems).toEqual([expect.objectContaining({ id: 'ufw/unparseable-row', level: 'error', line: 13 })]);
    expect(result.problems[0].message).toContain('this rule is not judged');
    expect(new Set(hostAsset(result).rules.map((rule) => rule.location.line))).toEqual(new Set([8, 9, 10, 11, 12]));
  });

  it('a garbled row in the middle is reported; the rows around it still count', () => {
    const result = loadUfwText(withHeader([ROW('22/tcp', 'ALLOW IN', 'Anywhere'), 'ЖЖЖ garbage ЖЖЖ', ROW('8081/tcp', 'ALLOW IN', '10.0.0.300')]));
    expect(result.problems.map((problem) => [problem.id, problem.line])).toEqual([['ufw/unparseable-row', 9], ['ufw/unparseable-row', 10]]);
    expect(result.problems[1].message).toContain("'10.0.0.300' is not an address, port or application profile");
    expect(hostAsset(result).rules).toHaveLength(1);
  });

  it('an unknown application profile in plain status is named, never guessed', () => {
    const text = ['Status: active', '', 'To                         Action      From', '--                         ------      ----', ROW('Plex Media Server', 'ALLOW', 'Anywhere'), ROW('OpenSSH', 'ALLOW', 'Anywhere'), ROW('constructor', 'ALLOW', 'Anywhere'), ROW('__proto__', 'ALLOW', 'Anywhere'), ''].join('\n');
    const result = loadUfwText(text);
    const unknown = result.problems.filter((problem) => problem.id === 'ufw/unknown-app-profile');
    expect(unknown.map((problem) => [problem.line, problem.level])).toEqual([[5, 'error'], [7, 'error']]);
    expect(result.problems.find((problem) => problem.line === 8)?.message).toContain("'__proto__' is not an address, port or application profile");
    expect(unknown[0].message).toMatch(/^unknown application profile 'Plex Media Server': .* — scan 'ufw status verbose' or \/etc\/ufw\/user.rules instead$/);
    expect(hostAsset(result).rules.map((rule) => rule.label)).toEqual(["ufw rule 'OpenSSH ALLOW IN Anywhere'"]);
  });

  it('a malformed tuple in user.rules is reported at its line; the other tuples are judged', () => {
    const lines = USER_RULES.split('\n');
    const at = lines.findIndex((line) => line.startsWith('### tuple ### allow tcp 22 '));
    lines[at] = '### tuple ### allow tcp 22 0.0.0.0/0 any';
    lines[at + 3] = '### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 OpenSSH - in comment=zz';
    const result = loadUfwText(lines.join('\n'), 'user.rules');
    const malformed = result.problems.filter((problem) => problem.id === 'ufw/malformed-tuple');
    expect(malformed.map((problem) => problem.line)).toEqual([at + 1, at + 4]);
    expect(malformed[0].message).toContain('5 fields where ufw writes 6 to 9');
    expect(malformed[1].message).toContain('not hex-encoded');
    expect(hostAsset(result).rules.length).toBeGreaterThan(10);
  });

  it('a truncated user.rules is reported at its last line; the tuples before the cut are judged', () => {
    const lines = USER_RULES.split('\n');
    const cut = lines.findIndex((line) => line.startsWith('### tuple ### allow tcp 8081 ')) + 1;
    const result = loadUfwText(lines.slice(0, cut).join('\n'), 'user.rules');
    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([expect.objectContaining({ id: 'ufw/truncated', line: cut })]);
    expect(hostAsset(result).rules.at(-1)?.location.line).toBe(cut);
  });

  it('user.rules alone: the state and the default policy are unknown, said as warnings', () => {
    const result = loadUfwText(USER_RULES, 'user.rules');
    expect(result.problems.map((problem) => [problem.id, problem.level])).toEqual([['ufw/state-unknown', 'warning'], ['ufw/default-policy-unknown', 'warning']]);
    expect(hostAsset(result).scopes[0]).toMatchObject({ enabled: true, defaultInbound: 'deny', defaultOutbound: 'allow' });
  });

  it('never throws on garbage or mangled captures, and never returns nothing at all', () => {
    const mangled = fc.tuple(fc.constantFrom(VERBOSE, USER_RULES), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 40 })), { maxLength: 6 }))
      .map(([text, edits]) => edits.reduce((current, [at, insert]) => current.slice(0, at % (current.length + 1)) + insert + current.slice((at % (current.length + 1)) + 3), text));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), mangled), (text) => {
      const result = parseUfwText(text);
      expect(result.models.length > 0 || result.problems.some((problem) => problem.level === 'error')).toBe(true);
      for (const problem of result.problems) expect(problem.message).not.toMatch(/\n/);
    }), { numRuns: 300 });
  });

  it('hostile long lines do not backtrack (well under a second per MiB)', () => {
    const hostile = [
      `Status: active\n${' ALLOW'.repeat(200_000)}\n`,
      `Status: active\n${'Anywhere '.repeat(100_000)}ALLOW IN ${' on x'.repeat(100_000)} # ${'#'.repeat(100_000)}\n`,
      `*filter\n### tuple ### ${'allow '.repeat(150_000)} comment=${'ab'.repeat(100_000)}\n`,
      `Status: active\n[ 1]${' '.repeat(500_000)}x\n`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      const result = parseUfwText(text);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(result.problems.some((problem) => problem.level === 'error')).toBe(true);
    }
  });
});
