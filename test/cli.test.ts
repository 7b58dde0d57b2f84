import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { runCli } from './support/run-cli.js';
import { flatFindings } from './support/text-report.js';

const repository = new URL('../', import.meta.url).pathname;
const insecure = join(repository, 'examples/sshd/insecure-bastion/sshd_config');
const hardened = join(repository, 'examples/sshd/hardened-bastion/sshd_config');
let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-cli-'));
});

describe('parapet scan', () => {
  it('exits 1 with findings at or above --fail-on, 0 below it', () => {
    expect(runCli(['scan', insecure]).status).toBe(1);
    expect(runCli(['scan', insecure, '--fail-on', 'none']).status).toBe(0);
  });

  it('passes the hardened bastion at the default threshold', () => {
    const run = runCli(['scan', hardened]);
    expect(run.stdout).not.toMatch(/: (critical|high|medium) /);
    expect(run.status).toBe(0);
  });

  it('writes the report only to --output', () => {
    const output = join(workspace, 'report.json');
    const run = runCli(['scan', insecure, '--format', 'json', '--output', output, '--fail-on', 'none']);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(output, 'utf8'));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings[0]).toMatchObject({ ruleId: expect.any(String), location: { file: insecure, line: expect.any(Number) } });
  });

  it('exits 2 with a one-line message on a usage error', () => {
    const run = runCli(['scan', insecure, '--format', 'yaml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parapet: .*format/m);
    expect(runCli(['scan', insecure, '--app-ports', '80,http']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('names a missing file, exits 2, and still scans the rest', () => {
    const missing = join(workspace, 'missing.conf');
    const run = runCli(['scan', missing, insecure, '--format', 'text']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${missing}: no such file or directory`);
    expect(run.stdout).toContain('sshd/password-authentication');
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('reports a binary file named on the command line, never a stack trace', () => {
    const binary = join(workspace, 'sshd_config.bin');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const run = runCli(['scan', binary]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`${binary}: binary file`);
  });

  it('reads CRLF and UTF-16LE (with BOM) text like any other', () => {
    const crlf = join(workspace, 'crlf_sshd_config');
    const utf16 = join(workspace, 'utf16_sshd_config');
    writeFileSync(crlf, 'PasswordAuthentication no\r\nPermitRootLogin yes\r\n');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('PasswordAuthentication no\nPermitRootLogin yes\n', 'utf16le')]));
    const run = runCli(['scan', crlf, utf16, '--fail-on', 'none']);
    expect(run.status).toBe(0);
    expect(flatFindings(run.stdout)).toContain(`${crlf}:2: high sshd/permit-root-login`);
    expect(flatFindings(run.stdout)).toContain(`${utf16}:2: high sshd/permit-root-login`);
    expect(run.stdout).not.toContain('sshd/password-authentication');
  });

  it('refuses a 50 MB input with a clear message and goes on with the rest', () => {
    const huge = join(workspace, 'huge', 'sshd_config');
    mkdirSync(join(workspace, 'huge'));
    writeFileSync(huge, `PermitRootLogin yes\n${'# padding padding padding padding padding padding\n'.repeat(1_100_000)}`);
    const run = runCli(['scan', huge, insecure]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/huge\/sshd_config: file is 5\d(\.\d)? MiB, more than the 16 MiB/);
    expect(run.stdout).toContain('insecure-bastion/sshd_config');
  });

  it('skips thousands of unrelated files in a directory and says how many', () => {
    const tree = join(workspace, 'tree');
    mkdirSync(join(tree, 'docs'), { recursive: true });
    for (let i = 0; i < 3000; i++) writeFileSync(join(tree, 'docs', `note-${i}.md`), `# Note ${i}\nNothing to see.\n`);
    writeFileSync(join(tree, 'sshd_config'), readFileSync(insecure));
    const run = runCli(['scan', tree]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('3000 files skipped as not an input Parapet reads');
  });

  it('shows the first 100 problems on standard error, errors first, and says how many more the report holds', () => {
    const directory = join(workspace, 'many-problems');
    mkdirSync(directory);
    const attributes = Array.from({ length: 150 }, (_, index) => `  a${index} = var.missing${index}\n`).join('');
    writeFileSync(join(directory, 'main.tf'), `resource "aws_security_group" "web" {\n${attributes}}\n`);
    writeFileSync(join(directory, 'broken.tf.json'), '{');
    const output = join(workspace, 'many-problems.json');
    const run = runCli(['scan', directory, '--format', 'json', '--output', output]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0]).toMatch(/^parapet: error: .*broken\.tf\.json:\d+: not valid JSON/);
    expect(lines.slice(1, 100).every((line) => line.startsWith('parapet: warning: '))).toBe(true);
    expect(lines[100]).toBe(`parapet: … and 51 more problems (0 errors, 51 warnings): the report in ${output} lists all of them`);
    expect(JSON.parse(readFileSync(output, 'utf8')).problems).toHaveLength(151);
    expect(run.status).toBe(2);
  });

  it('exits 2 when nothing it reads was found: never a silent clean', () => {
    const empty = join(workspace, 'nothing');
    mkdirSync(empty);
    writeFileSync(join(empty, 'README.md'), '# hello\n');
    const run = runCli(['scan', empty]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/found no input Parapet reads/);
  });
});

describe('parapet rules', () => {
  it('lists every rule with id, severity, title and source', () => {
    const run = runCli(['rules', '--format', 'json']);
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout);
    expect(listed.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of listed) expect(rule).toMatchObject({ severity: expect.any(String), title: expect.any(String), sources: expect.any(Array) });
    expect(listed.map((rule: { references: unknown }) => rule.references)).toEqual(RULES.map((rule) => rule.references));
  });
});
