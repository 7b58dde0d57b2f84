import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_SARIF_RESULTS } from '../src/reporters/index.js';
import { mergeSarif } from '../src/reporters/merge-sarif.js';
import { runCli } from './support/run-cli.js';
import { sarifSchemaErrors } from './support/sarif-validator.js';

const repository = join(import.meta.dirname, '..');
const multitool = join(repository, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

let workspace: string;
const file = (name: string) => join(workspace, name);
const readLog = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Sarif.Log;
const fingerprints = (log: Sarif.Log) => (log.runs[0].results ?? []).map((result) => result.partialFingerprints?.['parapet/v1']);
const notifiedFiles = (log: Sarif.Log) => (log.runs[0].invocations?.[0].toolExecutionNotifications ?? []).map((notification) => notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.replace(/^.*\//, ''));

function scan(paths: string[], output: string): void {
  const run = runCli(['scan', ...paths, '--format', 'sarif', '--output', file(output), '--fail-on', 'none'], { cwd: repository });
  if (!existsSync(file(output))) throw new Error(`no SARIF written (exit ${run.status}): ${run.stderr}`);
}

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-merge-'));
  writeFileSync(file('garbage.bin'), Buffer.from([0, 1, 2, 3, 0xff, 0]));
  writeFileSync(file('user.rules'), 'not a ufw file\n');
  // Two scans that overlap (examples/sshd in both), each with an input it could not read; and one of everything.
  scan(['examples/sshd', file('garbage.bin')], 'a.sarif');
  scan(['examples/sshd', 'examples/ufw', file('user.rules')], 'b.sarif');
  scan(['examples/sshd', 'examples/ufw', file('garbage.bin'), file('user.rules')], 'all.sarif');
});

describe('parapet merge', () => {
  it('joins the logs into one run, each result once, in the order one scan of everything gives', () => {
    const run = runCli(['merge', file('a.sarif'), file('b.sarif'), '--output', file('merged.sarif')]);
    expect([run.status, run.stderr, run.stdout]).toEqual([0, '', '']);
    const merged = readLog(file('merged.sarif'));
    expect(merged.runs).toHaveLength(1);
    const a = fingerprints(readLog(file('a.sarif')));
    const b = fingerprints(readLog(file('b.sarif')));
    expect(a.filter((fingerprint) => b.includes(fingerprint)).length).toBeGreaterThan(0);
    expect(fingerprints(merged)).toEqual(fingerprints(readLog(file('all.sarif'))));
    expect(new Set(fingerprints(merged)).size).toBe(fingerprints(merged).length);
    const rules = merged.runs[0].tool.driver.rules ?? [];
    for (const result of merged.runs[0].results ?? []) expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
  });

  it('keeps the notifications of every input, and says the execution was not all successful', () => {
    const merged = readLog(file('merged.sarif'));
    expect(notifiedFiles(merged).sort()).toEqual(['garbage.bin', 'user.rules']);
    expect(merged.runs[0].invocations?.[0].executionSuccessful).toBe(false);
    const used = new Set(merged.runs[0].invocations![0].toolExecutionNotifications!.map((notification) => notification.descriptor!.id));
    expect(merged.runs[0].tool.driver.notifications?.map((descriptor) => descriptor.id)).toEqual([...used].sort());
    expect(merged.runs[0].automationDetails).toEqual(readLog(file('a.sarif')).runs[0].automationDetails);
  });

  it('writes to standard output without --output; merging a log with itself changes nothing', () => {
    const run = runCli(['merge', file('all.sarif'), file('all.sarif')]);
    expect(run.status).toBe(0);
    const merged = JSON.parse(run.stdout) as Sarif.Log;
    const all = readLog(file('all.sarif'));
    expect(fingerprints(merged)).toEqual(fingerprints(all));
    expect(merged.runs[0].invocations).toEqual(all.runs[0].invocations);
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(readLog(file('merged.sarif')))).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('passes the GitHub ingestion rules of @microsoft/sarif-multitool (--rule-kind "Sarif;Gh")', () => {
    expect(existsSync(multitool), `${multitool} missing: run npm ci`).toBe(true);
    const output = file('multitool.sarif');
    execFileSync(multitool, ['validate', file('merged.sarif'), '--rule-kind', 'Sarif;Gh', '-o', output, '--log', 'ForceOverwrite', '--quiet'], { stdio: 'pipe' });
    const errors = (readLog(output).runs[0].results ?? []).filter((result) => result.level === 'error').map((result) => `${result.ruleId} ${result.message.text ?? result.message.id}`);
    expect(errors).toEqual([]);
  });

  it('names each file that is not a Parapet SARIF log in one line, without its content, merges the others and exits 2', () => {
    writeFileSync(file('not-json.sarif'), 'password=hunter2-and-more {\n');
    writeFileSync(file('no-runs.sarif'), JSON.stringify({ version: '2.1.0', runs: [] }));
    writeFileSync(file('codeql.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'CodeQL-secret-tool' } }, results: [] }] }));
    const bad = ['missing.sarif', 'not-json.sarif', 'no-runs.sarif', 'codeql.sarif'].map(file);
    const run = runCli(['merge', bad[0], file('a.sarif'), ...bad.slice(1), '--output', file('partial.sarif')]);
    expect(run.status).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => line.slice(0, line.indexOf(' is not merged: ')))).toEqual(bad.map((path) => `parapet: ${path}`));
    expect(lines[0]).toContain('cannot read it (ENOENT)');
    expect(lines[1]).toContain('it is not JSON');
    expect(lines[2]).toContain('it has no runs');
    expect(lines[3]).toContain('not written by Parapet');
    expect(run.stderr).not.toMatch(/hunter2|CodeQL/);
    expect(fingerprints(readLog(file('partial.sarif')))).toEqual(fingerprints(readLog(file('a.sarif'))));
  });

  it('writes nothing when no input is a Parapet log: an empty upload would close every alert', () => {
    const run = runCli(['merge', file('no-runs.sarif'), '--output', file('empty.sarif')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nothing to merge/);
    expect(existsSync(file('empty.sarif'))).toBe(false);
  });
});

describe('mergeSarif', () => {
  const template = () => readLog(file('all.sarif'));
  const result = (ruleId: string, fingerprint: string, line: number, text = 'Finding.'): Sarif.Result => ({
    ruleId,
    level: 'error',
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'groups.json', uriBaseId: 'SRCROOT' }, region: { startLine: line } } }],
    partialFingerprints: { 'parapet/v1': fingerprint },
  });
  const merge = (logs: Sarif.Log[]) => JSON.parse([...mergeSarif(logs)].join('')) as Sarif.Log;

  it('keeps the first result of a fingerprint', () => {
    const first = { ...template(), runs: [{ ...template().runs[0], results: [result('net/ssh-open-to-world', 'f1', 3, 'First.')] }] };
    const second = { ...template(), runs: [{ ...template().runs[0], results: [result('net/ssh-open-to-world', 'f1', 9, 'Second.'), result('net/ssh-open-to-world', 'f2', 1)] }] };
    expect(merge([first, second]).runs[0].results?.map((kept) => [kept.partialFingerprints?.['parapet/v1'], kept.message.text])).toEqual([['f2', 'Finding.'], ['f1', 'First.']]);
  });

  it(`keeps GitHub's ${MAX_SARIF_RESULTS} results, the most severe, and says how many were left out`, () => {
    const rules = template().runs[0].tool.driver.rules ?? [];
    const low = rules.find((rule) => rule.properties?.['security-severity'] === '3.0')!.id;
    const critical = rules.find((rule) => rule.properties?.['security-severity'] === '9.5')!.id;
    const results = Array.from({ length: MAX_SARIF_RESULTS + 10 }, (_, index) => result(index % 2 ? low : critical, `f${index}`, index + 1));
    const merged = merge([{ ...template(), runs: [{ ...template().runs[0], results: results.slice(0, 20_000) }] }, { ...template(), runs: [{ ...template().runs[0], results: results.slice(20_000) }] }]);
    const kept = merged.runs[0].results ?? [];
    expect(kept).toHaveLength(MAX_SARIF_RESULTS);
    expect(kept.filter((candidate) => candidate.ruleId === critical)).toHaveLength(Math.ceil(results.length / 2));
    expect(kept[0].ruleId).toBe(critical);
    const truncated = merged.runs[0].invocations?.[0].toolExecutionNotifications?.filter((notification) => notification.descriptor?.id === 'output/truncated');
    expect(truncated?.map((notification) => notification.message.text)).toEqual([`10 lowest-severity results were left out: GitHub rejects a run with more than ${MAX_SARIF_RESULTS} results — use --format json for all of them.`]);
    expect(merged.runs[0].tool.driver.notifications?.some((descriptor) => descriptor.id === 'output/truncated')).toBe(true);
    expect(sarifSchemaErrors(merged)).toEqual([]);
  });
});
