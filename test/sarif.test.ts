import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { runCli } from './support/run-cli.js';
import { sarifSchemaErrors } from './support/sarif-validator.js';

const repository = new URL('../', import.meta.url).pathname;

let workspace: string;
let log: Sarif.Log;
let status: number | null;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-sarif-'));
  writeFileSync(join(workspace, 'broken.sshd_config'), 'PasswordAuthentication yes\nMatch User "unterminated\n');
  writeFileSync(join(workspace, 'garbage.bin'), Buffer.from([0, 1, 2, 3, 0xff, 0]));
  const output = join(workspace, 'out.sarif');
  const run = runCli(['scan', 'examples', join(workspace, 'garbage.bin'), '--format', 'sarif', '--output', output], { cwd: repository });
  status = run.status;
  log = JSON.parse(readFileSync(output, 'utf8'));
});

describe('SARIF output', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('lists every rule with the fields GitHub requires', () => {
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.fullDescription?.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription!.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help?.text).toBeTruthy();
      expect(Number(rule.properties?.['security-severity'])).toBeGreaterThan(0);
      expect(rule.properties?.tags).toContain('security');
    }
  });

  it('gives every result a relative file location, a matching rule index and a fingerprint', () => {
    const results = log.runs[0].results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uri).toMatch(/^examples\//);
      expect(location?.artifactLocation?.uriBaseId).toBe('SRCROOT');
      expect(location?.region?.startLine).toBeGreaterThan(0);
      expect(log.runs[0].tool.driver.rules?.[result.ruleIndex!]?.id).toBe(result.ruleId);
      expect(result.partialFingerprints?.['parapet/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(result.message.text).toMatch(/\.$/);
    }
  });

  it('reports an input it could not read as a tool execution notification, and exits 2', () => {
    const invocation = log.runs[0].invocations?.[0];
    expect(invocation?.executionSuccessful).toBe(false);
    const files = invocation?.toolExecutionNotifications?.map((n) => n.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(files?.some((uri) => uri?.endsWith('garbage.bin'))).toBe(true);
    expect(status).toBe(2);
  });

  it('keeps fingerprints when lines shift', () => {
    const original = readFileSync(join(repository, 'examples/sshd/insecure-bastion/sshd_config'), 'utf8');
    const shifted = join(workspace, 'shifted');
    execFileSync('mkdir', ['-p', shifted]);
    writeFileSync(join(shifted, 'sshd_config'), original);
    const before = fingerprints(shifted);
    writeFileSync(join(shifted, 'sshd_config'), `# a new comment\n\n${original}`);
    const after = fingerprints(shifted);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  // GitHub's own ingestion rules (sarif-multitool --rule-kind "Sarif;Gh") are checked for every input type in sarif-github.test.ts.
});

function fingerprints(directory: string): string[] {
  const run = runCli(['scan', directory, '--format', 'sarif'], { cwd: directory });
  return (JSON.parse(run.stdout) as Sarif.Log).runs[0].results!.map((result) => `${result.ruleId} ${result.partialFingerprints!['parapet/v1']}`).sort();
}
