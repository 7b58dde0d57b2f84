import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const TREE = join(import.meta.dirname, 'tree');
let workspace: string;
let good: Sarif.Log;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-bad-baseline-'));
  expect(runCli(['baseline', 'write', TREE, '--output', join(workspace, 'good.sarif')]).status).toBe(0);
  good = JSON.parse(readFileSync(join(workspace, 'good.sarif'), 'utf8'));
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** The good baseline changed by `change`, written under `name`. */
function variant(name: string, change: (log: Sarif.Log) => void): string {
  const log = structuredClone(good);
  change(log);
  const path = join(workspace, name);
  writeFileSync(path, JSON.stringify(log));
  return path;
}

function file(name: string, content: string): string {
  const path = join(workspace, name);
  writeFileSync(path, content);
  return path;
}

const BAD: [string, () => string, RegExp][] = [
  ['a missing file', () => join(workspace, 'no-such.sarif'), /cannot read it \(ENOENT\)/],
  ['a file that is not JSON', () => file('not-json.sarif', '{"version": "2.1.0", "runs": [ secret-token-123'), /it is not JSON/],
  ['JSON that is not SARIF', () => file('not-sarif.json', '{"findings": []}'), /it is not a SARIF 2\.1\.0 log/],
  ['SARIF another tool wrote', () => variant('other-tool.sarif', (log) => (log.runs[0].tool.driver.name = 'checkov')), /a run in it was not written by Parapet/],
  ['results without parapet/v1 fingerprints', () => variant('no-fingerprints.sarif', (log) => log.runs[0].results!.forEach((result) => delete result.partialFingerprints)), /result 1 has no parapet\/v1 fingerprint, so nothing can be matched with it/],
  ['a result without its asset', () => variant('no-asset.sarif', (log) => delete log.runs[0].results![2].properties), /result 3 is malformed: it has no asset/],
  ['another major version of Parapet', () => variant('major.sarif', (log) => (log.runs[0].tool.driver.semanticVersion = '7.0.0')), /written by Parapet '?7\.0\.0'?, and fingerprints are kept only within a major version/],
];

describe('a baseline that cannot be used', () => {
  it.each(BAD)('%s: a usage error naming the file, exit 2, nothing scanned or written', (_, make, reason) => {
    const baseline = make();
    const output = join(workspace, 'report.sarif');
    const run = runCli(['scan', TREE, '--baseline', baseline, '--format', 'sarif', '--output', output]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`parapet: --baseline ${baseline}: `);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/write one with 'parapet baseline write/);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).not.toContain('secret-token');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(output)).toBe(false);
  });

  it('is refused by parapet sweep before the cloud is read', () => {
    const run = runCli(['sweep', 'aws', '--baseline', join(workspace, 'no-such.sarif'), '--endpoint-url', 'http://127.0.0.1:9']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--baseline .*no-such\.sarif: cannot read it \(ENOENT\)/);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('is taken when it has no results (a clean tree), and then every finding is new', () => {
    const baseline = variant('empty.sarif', (log) => (log.runs[0].results = []));
    const run = runCli(['scan', TREE, '--baseline', baseline, '--format', 'json']);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { baselineState: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((finding) => finding.baselineState))).toEqual(new Set(['new']));
  });
});
