import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { openInputStream, type InputStream } from '../../src/inputs/input-stream.js';
import { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
import { runCli } from '../support/run-cli.js';

const directory = mkdtempSync(join(tmpdir(), 'parapet-large-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** The file handed over a few bytes at a time, as a pipe or a slow disk would: items straddle every read. */
function trickling(input: InputStream, bytes: number): InputStream {
  return { ...input, read: (target, offset, length) => input.read(target, offset, Math.min(length, bytes)) };
}

describe('a describe-security-groups export read as a stream', () => {
  const file = join(directory, 'describe-security-groups.json');
  execFileSync(process.execPath, [new URL('../../bench/cloud/generate-aws.mjs', import.meta.url).pathname, file, '3000']);
  const context = { settings: DEFAULT_RULE_SETTINGS, readFile: () => { throw new Error('no other file is read'); } };
  const judged = (input: InputStream) => runRules(RULES, loadAwsSecurityGroups(input, context).models, DEFAULT_RULE_SETTINGS).map((finding) => `${finding.ruleId} ${finding.location.line} ${finding.fingerprint}`);

  it('gets the same findings, at the same lines, from the CLI and from reads of 7 bytes', () => {
    const run = runCli(['scan', file, '--format', 'json']);
    expect(run.status).toBe(1);
    const fromCli = JSON.parse(run.stdout).findings.map((finding: { ruleId: string; location: { line: number }; fingerprint: string }) => `${finding.ruleId} ${finding.location.line} ${finding.fingerprint}`);
    const opened = openInputStream(file, 1 << 30);
    if ('id' in opened) throw new Error(opened.message);
    expect(fromCli.length).toBeGreaterThan(3000);
    expect(judged(trickling(opened, 7))).toEqual(fromCli);
  });

  it('points each SSH finding at the CidrIp line of the open range', () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const run = runCli(['scan', file, '--format', 'json']);
    const ssh = JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.length).toBeGreaterThan(100);
    for (const finding of ssh) expect(lines[finding.location.line - 1]).toMatch(/"CidrIpv?6?": "(0\.0\.0\.0\/0|::\/0)"/);
  });
});

describe('an export with more findings than SARIF holds', () => {
  const file = join(directory, 'many-findings.json');
  execFileSync(process.execPath, [new URL('../../bench/cloud/generate-aws.mjs', import.meta.url).pathname, file, '18000']);
  const RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };

  it('keeps the 25,000 most severe, in the order the whole list ranks them, and says how many were left out', () => {
    const all = JSON.parse(runCli(['scan', file, '--format', 'json']).stdout).findings as { ruleId: string; severity: string; location: { line: number }; fingerprint: string }[];
    expect(all.length).toBeGreaterThan(25_000);
    const expected = [...all].sort((a, b) => RANK[b.severity] - RANK[a.severity]).slice(0, 25_000).map((finding) => `${finding.ruleId} ${finding.location.line} ${finding.fingerprint}`);

    const sarif = join(directory, 'many-findings.sarif');
    runCli(['scan', file, '--format', 'sarif', '--output', sarif]);
    const [run] = JSON.parse(readFileSync(sarif, 'utf8')).runs;
    const results = run.results.map((result: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[]; partialFingerprints: Record<string, string> }) =>
      `${result.ruleId} ${result.locations[0].physicalLocation.region.startLine} ${result.partialFingerprints['parapet/v1']}`);
    expect(results).toEqual(expected);
    const truncated = run.invocations[0].toolExecutionNotifications.find((notification: { descriptor: { id: string } }) => notification.descriptor.id === 'output/truncated');
    expect(truncated.message.text).toMatch(new RegExp(`^${all.length - 25_000} lowest-severity results were left out`));
  });
});

