import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straceUnavailable } from '../boundary/traced-cli.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';
import { copyOfRepository, GITHUB, REPOSITORY, runAction, type ActionRun } from './runner.js';

const example = (path: string) => join(REPOSITORY, 'examples', path);
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

let action: string;
const temporary: string[] = [];

/** A workspace (a checkout) holding the given files, each copied from a path or written from a string. */
function workspaceWith(files: Record<string, string | { from: string }>): string {
  const workspace = mkdtempSync(join(tmpdir(), 'parapet-workspace-'));
  temporary.push(workspace);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(workspace, path), content);
    else cpSync(content.from, join(workspace, path));
  }
  return workspace;
}

function sarifOf(workspace: string, run: ActionRun): Sarif.Log {
  expect(run.outputs['sarif-file']).toBe(join(workspace, 'parapet.sarif'));
  return JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as Sarif.Log;
}

/** Everything the run showed anyone: the report, the summary, the outputs, the log. */
function everythingShown(workspace: string, run: ActionRun): string {
  const report = join(workspace, 'parapet.sarif');
  return [existsSync(report) ? readFileSync(report, 'utf8') : '', run.summary, JSON.stringify(run.outputs), run.stdout, run.stderr].join('\n');
}

beforeAll(() => {
  action = copyOfRepository();
  temporary.push(action);
  expect(existsSync(join(action, 'node_modules'))).toBe(false);
});

afterAll(() => {
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

describe('the committed Action run as the runner runs it', () => {
  it('fails on findings at or above fail-on, with SARIF, annotations, summary and outputs relative to the workspace', () => {
    const workspace = workspaceWith({ 'infra/ssh/sshd_config': { from: example('sshd/insecure-bastion/sshd_config') } });
    const run = runAction(action, workspace, { category: 'bastions' });

    expect(run.status).toBe(1);
    const log = sarifOf(workspace, run);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const [sarifRun] = log.runs;
    expect(sarifRun.automationDetails?.id).toBe('bastions/');
    const results = sarifRun.results ?? [];
    expect(results.length).toBeGreaterThan(4);
    for (const result of results) {
      expect(result.locations?.[0].physicalLocation?.artifactLocation).toEqual({ uri: 'infra/ssh/sshd_config', uriBaseId: 'SRCROOT' });
      expect(result.partialFingerprints?.['parapet/v1']).toMatch(/^[0-9a-f]+$/);
    }
    for (const rule of sarifRun.tool.driver.rules ?? []) expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/);

    expect(run.outputs.findings).toBe(String(results.length));
    expect(run.outputs.errors).toBe('0');

    const rootLogin = run.annotations.find((annotation) => annotation.properties.title?.startsWith('sshd/permit-root-login:'));
    expect(rootLogin).toEqual({ level: 'error', properties: { title: 'sshd/permit-root-login: Root can log in over SSH', file: 'infra/ssh/sshd_config', line: '5' }, message: expect.stringContaining('PermitRootLogin is yes') });
    expect(run.stdout).toMatch(/^::error title=sshd\/permit-root-login%3A Root can log in over SSH,file=infra\/ssh\/sshd_config,line=5::PermitRootLogin is yes/m);
    const levels = new Set(run.annotations.map((annotation) => annotation.level));
    expect([...levels].sort()).toEqual(['error', 'notice', 'warning']);
    expect(run.stdout).toMatch(/^::error::Parapet: 4 findings at or above 'high' \(input 'fail-on'\)/m);
    // Standard output is the runner's command channel: nothing but the annotations goes there.
    expect(run.stdout.split('\n').filter((line) => line && !/^::(error|warning|notice)[ :]/.test(line))).toEqual([]);

    expect(run.summary).toContain('## Parapet: 18 findings');
    expect(run.summary).toMatch(/\| 0 \| 4 \| 7 \| 7 \| 0 \| 0 \|/);
    expect(run.summary).toContain('**The step fails**: 4 findings at or above `high`');
    expect(run.summary).toContain(`(${GITHUB.GITHUB_SERVER_URL}/${GITHUB.GITHUB_REPOSITORY}/blob/${GITHUB.GITHUB_SHA}/infra/ssh/sshd_config#L5)`);
    expect(run.summary).toContain('### Findings by rule');
    expect(run.summary).not.toContain(workspace);
  });

  it('passes a clean input with a one-line summary that says what was scanned', () => {
    const workspace = workspaceWith({ 'captures/ufw-status.txt': { from: example('ufw/bastion-hardened.status-verbose.txt') } });
    const run = runAction(action, workspace);

    expect(run.status).toBe(0);
    expect(run.summary.trim().split('\n')).toEqual(['**Parapet**: no findings in 1 file (<code>captures&#47;ufw&#45;status&#46;txt</code>).']);
    expect(run.annotations).toEqual([]);
    expect(run.outputs).toEqual({ 'sarif-file': join(workspace, 'parapet.sarif'), findings: '0', errors: '0' });
    const log = sarifOf(workspace, run);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].automationDetails?.id).toBe('parapet/');
  });

  it('fails when an input cannot be read, even with fail-on none, and says which', () => {
    const workspace = workspaceWith({ 'captures/ufw-status.txt': { from: example('ufw/bastion-hardened.status-verbose.txt') } });
    const run = runAction(action, workspace, { paths: 'captures/ufw-status.txt\ncaptures/sshd_config', 'fail-on': 'none' });

    expect(run.status).toBe(1);
    expect(run.outputs.errors).toBe('1');
    expect(run.annotations[0]).toEqual({ level: 'error', properties: { title: 'input/unreadable: A file could not be read', file: 'captures/sshd_config' }, message: 'no such file or directory' });
    expect(run.stdout).toMatch(/^::error::Parapet: 1 input could not be judged/m);
    expect(run.summary).toContain('### Inputs that could not be judged');
    expect(run.summary).toContain('captures&#47;sshd&#95;config');
    const log = sarifOf(workspace, run);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].invocations?.[0].executionSuccessful).toBe(false);
  });

  describe('a workspace whose sshd_config includes a file outside it', () => {
    const SECRET = 'ghp_OUTSIDEoutsideOUTSIDEoutside0123456789';
    let outside: string;

    beforeAll(() => {
      outside = mkdtempSync(join(tmpdir(), 'parapet-outside-'));
      temporary.push(outside);
      // Read, it would win over the workspace's own `PasswordAuthentication no` (sshd keeps the first value).
      writeFileSync(join(outside, 'secret.conf'), `PasswordAuthentication yes\n${SECRET}\n`);
    });

    function expectNothingOfItReadOrShown(workspace: string, run: ActionRun) {
      if (straceUnavailable() === undefined) expect(run.touched).toContain(join(workspace, 'sshd_config'));
      expect(run.touched.filter((path) => path.startsWith(outside)), 'paths outside the workspace that were looked at').toEqual([]);
      const shown = everythingShown(workspace, run);
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain('secret.conf:');
      expect(run.annotations.some((annotation) => annotation.properties.title?.startsWith('sshd/password-authentication'))).toBe(false);
      const warning = run.annotations.find((annotation) => annotation.properties.title?.startsWith('input/outside-boundary'));
      expect(warning).toMatchObject({ level: 'warning', properties: { file: 'sshd_config', line: '1' } });
      expect(run.summary).toContain('### Warnings');
      expect(run.summary).toContain('input&#47;outside&#45;boundary');
      expect(sarifSchemaErrors(sarifOf(workspace, run))).toEqual([]);
      const notifications = sarifOf(workspace, run).runs[0].invocations?.[0].toolExecutionNotifications ?? [];
      expect(notifications.map((notification) => notification.descriptor?.id)).toContain('input/outside-boundary');
    }

    it('with the default root (the workspace), through a link out of it', () => {
      const workspace = workspaceWith({ sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n' });
      mkdirSync(join(workspace, 'etc/ssh'), { recursive: true });
      symlinkSync(join('../../..', outside.split('/').pop() ?? ''), join(workspace, 'etc/ssh/sshd_config.d'));
      expect(readFileSync(join(workspace, 'etc/ssh/sshd_config.d/secret.conf'), 'utf8')).toContain(SECRET);

      const run = runAction(action, workspace, { paths: 'sshd_config' }, { trace: true });
      expectNothingOfItReadOrShown(workspace, run);
      expect(run.outputs.errors).toBe('0');
    });

    it("with root: '' (no --root), through an absolute Include", () => {
      const workspace = workspaceWith({ sshd_config: `Include ${join(outside, 'secret.conf')}\nPasswordAuthentication no\n` });
      const run = runAction(action, workspace, { paths: 'sshd_config', root: '' }, { trace: true });
      expectNothingOfItReadOrShown(workspace, run);
    });
  });

  it('fails on a bad input value with one line that names the input, and writes nothing', () => {
    const workspace = workspaceWith({ sshd_config: { from: example('sshd/insecure-bastion/sshd_config') } });
    const run = runAction(action, workspace, { 'fail-on': 'severe' });

    expect(run.status).toBe(1);
    expect(run.stdout).toBe("::error::Input 'fail-on' must be one of critical, high, medium, low, none; got 'severe'\n");
    expect(run.stderr).toBe('');
    expect(existsSync(join(workspace, 'parapet.sarif'))).toBe(false);
    expect(run.summary).toBe('');
  });

  it.each([
    [{ format: 'xml' }, "Input 'format' must be one of text, json, sarif, junit, markdown, csv, html; got 'xml'"],
    [{ 'app-ports': '80,http' }, "Input 'app-ports' must be a comma-separated list of port numbers (1-65535); got '80,http'"],
    [{ args: '--bogus' }, "Input 'args': Unknown argument: bogus"],
    [{ args: '--format json' }, "Input 'args': --format has an input of its own — set 'format' instead"],
    [{ args: '--type nginx' }, "Input 'args': Invalid values: Argument: type, Given: \"nginx\""],
    [{ args: '--fix' }, "Input 'args': --fix changes files: the Action reports on the workspace and never edits it"],
  ])('rejects %j with one line naming it', (inputs, message) => {
    const workspace = workspaceWith({ sshd_config: { from: example('sshd/insecure-bastion/sshd_config') } });
    const run = runAction(action, workspace, inputs);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stdout).toContain(`::error::${message}`);
  });

  it('reads further scan options from args', () => {
    const workspace = workspaceWith({ 'hosts/bastion.txt': { from: example('sshd/insecure-bastion/sshd_config') } });
    const detected = runAction(action, workspace, { 'fail-on': 'none' });
    expect(detected.outputs.findings).toBe('18');
    const forced = runAction(action, workspace, { 'fail-on': 'none', args: '--type sshd', paths: 'hosts/bastion.txt' });
    expect(forced.status).toBe(0);
    expect(forced.outputs.findings).toBe('18');
    const wrongType = runAction(action, workspace, { 'fail-on': 'none', args: '--type=aws', paths: 'hosts/bastion.txt' });
    expect(wrongType.outputs.errors).toBe('1');
  });

  it("follows the workspace's .parapet.yml: a suppressed finding stays in SARIF and does not fail the step", () => {
    const workspace = workspaceWith({
      '.parapet.yml': 'rules:\n  net/ssh-open-to-world: off\n  net/egress-open-to-world: off\n',
      'ufw/status.txt': 'Status: active\n\nTo                         Action      From\n--                         ------      ----\n# parapet-ignore net/app-port-public: the demo host, torn down nightly\n8081/tcp                   ALLOW IN    Anywhere\n22/tcp                     ALLOW IN    Anywhere\n',
    });
    const run = runAction(action, workspace, { 'fail-on': 'low' });
    const results = sarifOf(workspace, run).runs[0].results ?? [];
    expect(results.map((result) => [result.ruleId, result.suppressions?.[0]?.justification])).toEqual([['net/app-port-public', 'the demo host, torn down nightly']]);
    expect(run.status, run.stdout).toBe(0);
    expect(run.annotations.map((annotation) => annotation.properties.title)).not.toContainEqual(expect.stringMatching(/^net\/app-port-public/));
    const audited = runAction(action, workspace, { 'fail-on': 'low', args: '--no-inline-ignores' });
    expect(audited.status).toBe(1);
  });

  it('annotates at most 10 of a level, the most severe first, and says how many were left', () => {
    const files: Record<string, { from: string }> = { 'cloud/aws.json': { from: example('cloud/aws-describe-security-groups.json') } };
    for (let host = 1; host <= 4; host++) files[`hosts/host${host}/sshd_config`] = { from: example('sshd/insecure-bastion/sshd_config') };
    const workspace = workspaceWith(files);
    const run = runAction(action, workspace);
    const log = sarifOf(workspace, run);
    const errorResults = (log.runs[0].results ?? []).filter((result) => result.level === 'error');
    expect(errorResults.length).toBeGreaterThan(10);

    const errors = run.annotations.filter((annotation) => annotation.level === 'error');
    // Nine findings and the step's failure message: GitHub shows ten errors of a step.
    expect(errors).toHaveLength(10);
    expect(errors[9].properties).toEqual({});
    const severities = errors.slice(0, 9).map((annotation) => severityOf(log, annotation));
    expect(severities).toEqual([...severities].sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b)));
    expect(severities[0]).toBe('critical');
    expect(run.annotations.filter((annotation) => annotation.level === 'warning').length).toBeLessThanOrEqual(10);
    expect(run.summary).toContain(`Not annotated: ${errorResults.length - 9} error`);
  });
});

function severityOf(log: Sarif.Log, annotation: { properties: Record<string, string> }): string {
  const ruleId = annotation.properties.title.split(':')[0];
  const score = log.runs[0].tool.driver.rules?.find((rule) => rule.id === ruleId)?.properties?.['security-severity'];
  return Number(score) >= 9 ? 'critical' : Number(score) >= 7 ? 'high' : Number(score) >= 4 ? 'medium' : 'low';
}
