import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';

/** A bastion's sshd_config and ufw capture, copied for each test: the tests edit them between the baseline and the scan. */
const TREE = join(import.meta.dirname, 'tree');

interface JsonFinding {
  ruleId: string;
  message: string;
  location: { file: string; line: number };
  fingerprint: string;
  baselineState?: string;
}

let tree: string;

beforeEach(() => {
  tree = mkdtempSync(join(tmpdir(), 'parapet-baseline-'));
  cpSync(TREE, join(tree, 'scanned'), { recursive: true });
  const written = parapet('baseline', 'write', 'scanned', '--output', 'base.sarif');
  expect(written.status, written.stderr).toBe(0);
  return () => rmSync(tree, { recursive: true, force: true });
});

function parapet(...args: string[]): CliRun {
  return runCli(args, { cwd: tree });
}

function scanned(file: string): string {
  return join(tree, 'scanned', file);
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(scanned(file), change(readFileSync(scanned(file), 'utf8')));
}

/** A scan against the baseline as JSON: its exit status, findings and problems. */
function scanAgainstBaseline(...args: string[]): { status: number | null; findings: JsonFinding[]; problems: { id: string; file: string; message: string; level: string }[]; stderr: string } {
  const run = parapet('scan', ...(args.length > 0 ? args : ['scanned']), '--baseline', 'base.sarif', '--format', 'json');
  const report = JSON.parse(run.stdout);
  return { status: run.status, findings: report.findings, problems: report.problems, stderr: run.stderr };
}

function states(findings: readonly JsonFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.baselineState ?? 'none'] = (counts[finding.baselineState ?? 'none'] ?? 0) + 1;
  return counts;
}

function baselineResults(): Sarif.Result[] {
  return (JSON.parse(readFileSync(join(tree, 'base.sarif'), 'utf8')) as Sarif.Log).runs[0].results!;
}

describe('parapet baseline write', () => {
  it('writes every finding, whatever its severity, as SARIF with fingerprints, and exits 0', () => {
    const results = baselineResults();
    const plain = JSON.parse(parapet('scan', 'scanned', '--format', 'json').stdout).findings as JsonFinding[];
    expect(results.length).toBe(plain.length);
    expect(results.some((result) => result.level === 'note')).toBe(true);
    expect(results.map((result) => result.partialFingerprints!['parapet/v1']).sort()).toEqual(plain.map((finding) => finding.fingerprint).sort());
  });

  it('refuses to write without --output', () => {
    const run = parapet('baseline', 'write', 'scanned');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Missing required argument: output/);
    expect(run.stdout).toBe('');
  });

  it('still writes the baseline, with the notification, and exits 2 when an input cannot be judged', () => {
    writeFileSync(join(tree, 'user.rules'), 'not a ufw file\n');
    const run = parapet('baseline', 'write', 'scanned', 'user.rules', '--output', 'broken.sarif');
    expect(run.status).toBe(2);
    const log = JSON.parse(readFileSync(join(tree, 'broken.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0].invocations![0].executionSuccessful).toBe(false);
    expect(log.runs[0].results!.length).toBeGreaterThan(0);
  });
});

describe('parapet scan --baseline', () => {
  it('calls every finding of the same tree unchanged, and exits 0', () => {
    const run = scanAgainstBaseline();
    expect(run.status).toBe(0);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length });
    expect(run.problems).toEqual([]);
  });

  it('still calls them unchanged when a line inserted at the top of every file moves every line', () => {
    edit('sshd_config', (text) => `# Managed by Ansible: do not edit by hand.\n${text}`);
    edit('ufw-status.txt', (text) => `\n${text}`);
    const run = scanAgainstBaseline();
    expect(run.status).toBe(0);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length });
    const before = new Map(baselineResults().map((result) => [result.partialFingerprints!['parapet/v1'], result.locations![0].physicalLocation!.region!.startLine]));
    const ssh = run.findings.find((finding) => finding.ruleId === 'sshd/password-authentication')!;
    expect(ssh.location.line).toBe(before.get(ssh.fingerprint)! + 1);
  });

  it('calls exactly the violation added new, and fails on it alone', () => {
    edit('sshd_config', (text) => `${text}X11Forwarding yes\n`);
    const run = scanAgainstBaseline();
    expect(run.status).toBe(1);
    expect(run.findings.filter((finding) => finding.baselineState === 'new').map((finding) => finding.ruleId)).toEqual(['sshd/x11-forwarding']);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length, new: 1 });
  });

  it('fails on a new finding only at or above --fail-on', () => {
    edit('sshd_config', (text) => `${text}X11Forwarding yes\n`);
    expect(parapet('scan', 'scanned', '--baseline', 'base.sarif', '--fail-on', 'high').status).toBe(0);
  });

  it('reports a violation removed as absent, at the baseline\'s place and in its words, and exits 0', () => {
    edit('sshd_config', (text) => text.replace('PasswordAuthentication yes', 'PasswordAuthentication no'));
    const run = scanAgainstBaseline();
    expect(run.status).toBe(0);
    const absent = run.findings.filter((finding) => finding.baselineState === 'absent');
    const recorded = baselineResults().find((result) => result.ruleId === 'sshd/password-authentication')!;
    expect(absent).toEqual([
      expect.objectContaining({
        ruleId: 'sshd/password-authentication',
        message: recorded.message.text,
        fingerprint: recorded.partialFingerprints!['parapet/v1'],
        location: expect.objectContaining({ file: scanned('sshd_config'), line: 4 }),
      }),
    ]);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length - 1, absent: 1 });
  });

  it('calls a finding whose message changed updated, not new, and exits 0', () => {
    edit('sshd_config', (text) => `# moved\n${text.replace('MaxAuthTries 10', 'MaxAuthTries 8')}`);
    const run = scanAgainstBaseline();
    expect(run.status).toBe(0);
    const updated = run.findings.filter((finding) => finding.baselineState === 'updated');
    expect(updated.map((finding) => [finding.ruleId, finding.message.match(/MaxAuthTries is \d+/)?.[0]])).toEqual([['sshd/max-auth-tries', 'MaxAuthTries is 8']]);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length - 1, updated: 1 });
  });

  it('reports the findings of a deleted file absent', () => {
    rmSync(scanned('ufw-status.txt'));
    const run = scanAgainstBaseline();
    expect(run.status).toBe(0);
    const ufwResults = baselineResults().filter((result) => result.ruleId!.startsWith('net/')).length;
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length - ufwResults, absent: ufwResults });
  });

  it('does not call the results of a file it could not judge absent: leaves them out with a warning, and exits 2', () => {
    // The rule rows cut off mid-line: the header (and the default policy's finding) is still judged, the rows are not.
    edit('ufw-status.txt', (text) => text.replace(/^(\S+)\s.*ALLOW IN.*$/gm, '$1 ALL'));
    const run = scanAgainstBaseline();
    expect(run.status).toBe(2);
    expect(run.findings.filter((finding) => finding.baselineState === 'absent' || finding.baselineState === 'new')).toEqual([]);
    const ufwResults = baselineResults().filter((result) => result.ruleId!.startsWith('net/')).length;
    const compared = run.findings.filter((finding) => finding.ruleId.startsWith('net/')).length;
    expect(compared).toBe(1);
    expect(run.problems).toContainEqual(expect.objectContaining({ id: 'baseline/not-compared', level: 'warning', file: scanned('ufw-status.txt'), message: expect.stringMatching(new RegExp(`^${ufwResults - compared} results of the baseline in this file were not compared`)) }));
  });

  it('says nothing of the results outside the paths scanned: a scan of one file calls nothing of the other absent', () => {
    const run = scanAgainstBaseline(join('scanned', 'sshd_config'));
    expect(run.status).toBe(0);
    const sshdResults = baselineResults().filter((result) => result.ruleId!.startsWith('sshd/')).length;
    expect(states(run.findings)).toEqual({ unchanged: sshdResults });
    expect(run.problems).toEqual([]);
  });

  it('matches findings whose file is named differently from the baseline\'s scan (fingerprints take file paths relative to the base directory)', () => {
    const run = scanAgainstBaseline(join('.', 'scanned', 'sshd_config'), join(tree, 'scanned', 'ufw-status.txt'));
    expect(run.status).toBe(0);
    expect(states(run.findings)).toEqual({ unchanged: baselineResults().length });
  });

  it('shows the states in SARIF: absent results kept with the baseline\'s location, new ones failing the run', () => {
    edit('sshd_config', (text) => text.replace('PasswordAuthentication yes', 'PasswordAuthentication no\nX11Forwarding yes'));
    const run = parapet('scan', 'scanned', '--baseline', 'base.sarif', '--format', 'sarif', '--output', 'now.sarif');
    expect(run.status).toBe(1);
    const results = (JSON.parse(readFileSync(join(tree, 'now.sarif'), 'utf8')) as Sarif.Log).runs[0].results!;
    const byState = (state: string) => results.filter((result) => result.baselineState === state).map((result) => result.ruleId);
    expect(byState('new')).toEqual(['sshd/x11-forwarding']);
    expect(byState('absent')).toEqual(['sshd/password-authentication']);
    expect(results.filter((result) => result.baselineState === undefined)).toEqual([]);
    const absent = results.find((result) => result.baselineState === 'absent')!;
    expect(absent.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'scanned/sshd_config', uriBaseId: 'SRCROOT' }, region: { startLine: 4, startColumn: 1 } });
  });

  it('takes a baseline that parapet scan --format sarif wrote, and the one it writes itself, rolling forward', () => {
    expect(parapet('scan', 'scanned', '--format', 'sarif', '--output', 'scan.sarif').status).toBe(1);
    expect(parapet('scan', 'scanned', '--baseline', 'scan.sarif').status).toBe(0);
    edit('sshd_config', (text) => `${text}X11Forwarding yes\n`);
    expect(parapet('scan', 'scanned', '--baseline', 'scan.sarif', '--format', 'sarif', '--output', 'scan.sarif').status).toBe(1);
    expect(parapet('scan', 'scanned', '--baseline', 'scan.sarif').status).toBe(0);
  });
});
