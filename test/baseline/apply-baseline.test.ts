import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/baseline/apply-baseline.js';
import { readBaseline, type Baseline } from '../../src/baseline/read-baseline.js';
import { ruleSettingsFor } from '../../src/cli/app-ports.js';
import { scanForReport } from '../../src/cli/scan-report.js';
import type { Report } from '../../src/reporters/report.js';
import { runCli } from '../support/run-cli.js';

const TREE = join(import.meta.dirname, 'tree');
let workspace: string;
let baseline: Baseline;
let report: Report;

beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-apply-baseline-'));
  const file = join(workspace, 'base.sarif');
  expect(runCli(['baseline', 'write', TREE, '--output', file]).status).toBe(0);
  const read = readBaseline(file);
  if ('usageError' in read) throw new Error(read.usageError);
  baseline = read;
  report = await scanForReport({ paths: [TREE], format: 'json', settings: ruleSettingsFor(undefined)!, baseDirectory: resolve('.'), inlineIgnores: true });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const stateOf = (compared: Report, ruleId: string) => compared.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.baselineState);

describe('applyBaseline', () => {
  it('calls a finding whose severity changed (a severity override) updated', () => {
    const raised: Report = { ...report, findings: report.findings.map((finding) => (finding.ruleId === 'sshd/max-auth-tries' ? { ...finding, severity: 'critical' } : finding)) };
    expect(stateOf(applyBaseline(raised, baseline, { scannedPaths: [TREE] }), 'sshd/max-auth-tries')).toEqual(['updated']);
    expect(stateOf(applyBaseline(report, baseline, { scannedPaths: [TREE] }), 'sshd/max-auth-tries')).toEqual(['unchanged']);
  });

  it('does not call the results of a rule the scan did not run absent (turned off is not fixed)', () => {
    const withoutRule: Report = { ...report, rules: report.rules.filter((rule) => rule.id !== 'net/app-port-public'), findings: report.findings.filter((finding) => finding.ruleId !== 'net/app-port-public') };
    const compared = applyBaseline(withoutRule, baseline, { scannedPaths: [TREE] });
    expect(compared.findings.filter((finding) => finding.baselineState !== 'unchanged')).toEqual([]);
    expect(compared.problems).toEqual([]);
  });

  it('does not call results absent that a capped report may have left out, and says so', () => {
    const capped: Report = { ...report, findings: report.findings.filter((finding) => finding.severity !== 'low'), omitted: report.findings.filter((finding) => finding.severity === 'low').length };
    const compared = applyBaseline(capped, baseline, { scannedPaths: [TREE] });
    expect(compared.findings.filter((finding) => finding.baselineState === 'absent')).toEqual([]);
    expect(compared.problems).toEqual([expect.objectContaining({ id: 'baseline/not-compared', level: 'warning', message: expect.stringMatching(/^\d+ results of the baseline are not reported absent/) })]);
  });

  it('leaves the absent results out when asked (the Action, whose SARIF code scanning would show as open alerts)', () => {
    const fixed: Report = { ...report, findings: report.findings.filter((finding) => finding.ruleId !== 'sshd/password-authentication') };
    expect(stateOf(applyBaseline(fixed, baseline, { scannedPaths: [TREE] }), 'sshd/password-authentication')).toEqual(['absent']);
    expect(stateOf(applyBaseline(fixed, baseline, { scannedPaths: [TREE], reportAbsent: false }), 'sshd/password-authentication')).toEqual([]);
  });
});
