import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';

const repository = join(import.meta.dirname, '../..');
const multitool = join(repository, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
let workspace: string;
let sarifFile: string;
let log: Sarif.Log;

/** A scan against a baseline with a result in each state: one new, one updated, one absent, the rest unchanged. */
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-baseline-sarif-'));
  cpSync(join(import.meta.dirname, 'tree'), join(workspace, 'scanned'), { recursive: true });
  expect(runCli(['baseline', 'write', 'scanned', '--output', 'base.sarif'], { cwd: workspace }).status).toBe(0);
  const config = join(workspace, 'scanned', 'sshd_config');
  const edited = readFileSync(config, 'utf8').replace('MaxAuthTries 10', 'MaxAuthTries 8').replace('PasswordAuthentication yes', 'PasswordAuthentication no');
  writeFileSync(config, `${edited}X11Forwarding yes\n`);
  sarifFile = join(workspace, 'now.sarif');
  expect(runCli(['scan', 'scanned', '--baseline', 'base.sarif', '--format', 'sarif', '--output', sarifFile], { cwd: workspace }).status).toBe(1);
  log = JSON.parse(readFileSync(sarifFile, 'utf8'));
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('SARIF compared with a baseline', () => {
  it('has a result in each baselineState', () => {
    const states = new Set(log.runs[0].results!.map((result) => result.baselineState));
    expect(states).toEqual(new Set(['new', 'unchanged', 'updated', 'absent']));
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('can be the next baseline: the absent results are not carried into it', () => {
    const next = runCli(['scan', 'scanned', '--baseline', sarifFile, '--format', 'json'], { cwd: workspace });
    expect(next.status).toBe(0);
    const states = (JSON.parse(next.stdout).findings as { baselineState: string }[]).map((finding) => finding.baselineState);
    expect(new Set(states)).toEqual(new Set(['unchanged']));
  });

  it.skipIf(process.platform !== 'linux')('passes the GitHub ingestion rules of @microsoft/sarif-multitool (--rule-kind "Sarif;Gh") without an error', () => {
    expect(existsSync(multitool), `${multitool} missing: run npm ci`).toBe(true);
    const output = join(workspace, 'multitool.sarif');
    execFileSync(multitool, ['validate', sarifFile, '--rule-kind', 'Sarif;Gh', '-o', output, '--log', 'ForceOverwrite', '--quiet'], { stdio: 'pipe' });
    const validation = (JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log).runs[0];
    const errors = (validation.results ?? []).filter((result) => result.level === 'error').map((result) => `${result.ruleId} ${result.message.text ?? result.message.id}`);
    expect(errors).toEqual([]);
  });
});
