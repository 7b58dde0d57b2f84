import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/run-cli.js';
import { flatFindings } from '../support/text-report.js';
import { straceUnavailable, tracedCli } from './traced-cli.js';

/**
 * A scanned tree is hostile: whatever an Include, a `..` or a link in it names, Parapet reads nothing outside it
 * (watched with strace), echoes nothing of what lies outside (in any format), and says what it did not read, on the
 * line that named it, as a warning.
 */

const workspace = mkdtempSync(join(tmpdir(), 'parapet-boundary-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Files that must never be read: each holds a canary that must never be printed. */
const outside = join(workspace, 'outside');
const CANARY = 'CANARY_7f3a_never_printed';
write(join(outside, 'secret.conf'), `PasswordAuthentication yes\n${CANARY}=ghp_${'x'.repeat(36)}\n`);
write(join(outside, 'dropins', '10-evil.conf'), `PermitRootLogin yes\n${CANARY}\n`);

const unavailable = straceUnavailable();
if (unavailable) console.warn(`read boundary: the strace checks are skipped: ${unavailable}`);

/** A private mount namespace lets a test put its own files at /etc/ssh, the system location, without touching the host's. */
const namespaces = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
if (!namespaces) console.warn('read boundary: the live-host test is skipped: it needs root and unshare -m');

/** Runs the CLI with `etc` bind-mounted over /etc/ssh, in a mount namespace of its own. */
function scanWithSystemSsh(etcSsh: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = 'mount --bind "$1" /etc/ssh && shift && exec "$@"';
  const result = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', etcSsh, process.execPath, CLI, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A fresh tree to scan, with `files` written into it. */
function tree(name: string, files: Record<string, string> = {}): string {
  const top = join(workspace, name);
  for (const [path, text] of Object.entries(files)) write(join(top, path), text);
  mkdirSync(top, { recursive: true });
  return top;
}

interface Scanned {
  text: string;
  json: { problems: { id: string; file: string; line?: number; level: string; message: string }[] };
  sarif: Sarif.Log;
  status: number | null;
}

/** Scans in every format; checks that nothing outside was looked at, and that no canary was printed. */
function scanEveryFormat(args: string[], cwd: string): Scanned {
  const formats = ['text', 'json', 'sarif'].map((format) => {
    const run = unavailable ? { ...runCli(['scan', ...args, '--format', format, '--fail-on', 'none'], { cwd }), touched: [] } : tracedCli(['scan', ...args, '--format', format, '--fail-on', 'none'], cwd);
    expect(run.touched.filter((path) => path.startsWith(outside) || path === '/etc/passwd'), 'paths outside the boundary that were looked at').toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
    expect(`${run.stdout}${run.stderr}`).not.toContain('root:x:0:0');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    return run;
  });
  const statuses = new Set(formats.map((run) => run.status));
  expect(statuses.size).toBe(1);
  return { text: formats[0].stdout, json: JSON.parse(formats[1].stdout), sarif: JSON.parse(formats[2].stdout), status: formats[0].status };
}

/** The warnings of one id, as [file, line] pairs, checked to be shown the same way in every format. */
function warningsOf(scanned: Scanned, id: string): [string, number | undefined][] {
  const problems = scanned.json.problems.filter((problem) => problem.id === id);
  for (const problem of problems) {
    expect(problem.level).toBe('warning');
    expect(scanned.text).toContain(`warning: ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  const notifications = scanned.sarif.runs[0].invocations![0].toolExecutionNotifications!.filter((notification) => notification.descriptor?.id === id);
  expect(notifications.map((notification) => [notification.level, notification.locations?.[0]?.physicalLocation?.region?.startLine])).toEqual(
    problems.map((problem) => ['warning', problem.line]),
  );
  return problems.map((problem) => [problem.file, problem.line]);
}

describe('the read boundary', () => {
  it('does not read an absolute Include of a file outside its system location, and names the line', () => {
    const repo = tree('absolute-include', { 'sshd_config': `PasswordAuthentication no\nInclude ${outside}/secret.conf\nInclude /etc/passwd\n` });
    const scanned = scanEveryFormat(['sshd_config'], repo);
    expect(warningsOf(scanned, 'input/outside-boundary')).toEqual([['sshd_config', 2], ['sshd_config', 3]]);
    expect(scanned.json.problems.find((problem) => problem.line === 2)?.message).toMatch(/--root/);
    // Warnings alone do not make the run fail, and the run says it judged the file.
    expect(scanned.status).toBe(0);
    expect(scanned.sarif.runs[0].invocations![0].executionSuccessful).toBe(true);
  });

  it('reads the drop-ins beside a copied sshd_config: its directory stands for /etc/ssh', () => {
    const repo = tree('beside', {
      'hosts/bastion/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n',
      'hosts/bastion/sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
    });
    const { stdout } = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: repo });
    const findings = stdout.split('\n').filter((line) => line.includes('"ruleId":"sshd/password-authentication"'));
    expect(findings).toHaveLength(1);
    expect(JSON.parse(findings[0].replace(/,$/, '')).location).toEqual({ file: 'hosts/bastion/sshd_config.d/50-cloud-init.conf', line: 1, column: 1 });
  });

  it('keeps `..` inside --root, as a chroot does, and reads the image instead', () => {
    const image = tree('dotdot-image', {
      'etc/ssh/sshd_config': `Include ../../../../../../../../../..${outside}/secret.conf\nInclude ../../../../etc/ssh/extra.conf\n`,
      'etc/ssh/extra.conf': 'PasswordAuthentication yes\n',
    });
    const scanned = scanEveryFormat(['--root', '.', 'etc/ssh/sshd_config'], image);
    expect(warningsOf(scanned, 'sshd/include-unmatched')).toEqual([['etc/ssh/sshd_config', 1]]);
    expect(scanned.json.problems.filter((problem) => problem.id === 'input/outside-boundary')).toEqual([]);
    expect(flatFindings(scanned.text)).toContain('etc/ssh/extra.conf:1: high sshd/password-authentication');
  });

  it('does not follow a symlinked file of a scanned directory out of it, and says so', () => {
    const repo = tree('linked-file', { 'inside.conf': 'PasswordAuthentication yes\n' });
    symlinkSync(join(outside, 'secret.conf'), join(repo, 'sshd_config'));
    symlinkSync('../outside/secret.conf', join(repo, 'relative_sshd_config'));
    symlinkSync('inside.conf', join(repo, 'also_sshd_config'));
    const scanned = scanEveryFormat(['.', '--type', 'sshd'], repo);
    expect(warningsOf(scanned, 'input/outside-boundary')).toEqual([['relative_sshd_config', undefined], ['sshd_config', undefined]]);
    // A link inside the directory is read once, where it leads.
    expect(scanned.text.match(/sshd\/password-authentication/g)).toHaveLength(1);
    expect(flatFindings(scanned.text)).toContain('inside.conf:1: high sshd/password-authentication');
  });

  it('does not follow a symlinked drop-in directory out of --root, whether absolute or climbing', () => {
    const absolute = tree('linked-dropins-absolute', { 'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n' });
    symlinkSync(join(outside, 'dropins'), join(absolute, 'etc/ssh/sshd_config.d'));
    // An absolute link target is the host's own path: inside the image it leads nowhere.
    expect(warningsOf(scanEveryFormat(['--root', '.', 'etc/ssh/sshd_config'], absolute), 'sshd/include-unmatched')).toEqual([['etc/ssh/sshd_config', 1]]);

    const climbing = tree('linked-dropins-climbing', { 'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n' });
    symlinkSync('../../../outside/dropins', join(climbing, 'etc/ssh/sshd_config.d'));
    const scanned = scanEveryFormat(['--root', '.', 'etc/ssh/sshd_config'], climbing);
    expect(warningsOf(scanned, 'input/outside-boundary')).toEqual([['etc/ssh/sshd_config', 1]]);
    expect(scanned.text).toContain('PermitRootLogin is prohibit-password');
  });

  it('resolves an absolute link inside --root within the image', () => {
    const image = tree('linked-dropins-inside', {
      'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n',
      'etc/ssh/real.d/10-passwords.conf': 'PasswordAuthentication yes\n',
    });
    symlinkSync('/etc/ssh/real.d', join(image, 'etc/ssh/sshd_config.d'));
    const { stdout } = runCli(['scan', '--root', '.', 'etc/ssh/sshd_config', '--fail-on', 'none'], { cwd: image });
    expect(flatFindings(stdout)).toContain('etc/ssh/real.d/10-passwords.conf:1: high sshd/password-authentication');
    expect(stdout).not.toContain('warning');
  });

  it('does not follow a link to a directory outside a directory walk', () => {
    const repo = tree('linked-directory', { 'sshd_config': 'PasswordAuthentication no\n' });
    symlinkSync(join(outside, 'dropins'), join(repo, 'more'));
    const scanned = scanEveryFormat(['.'], repo);
    expect(warningsOf(scanned, 'input/outside-boundary')).toEqual([['more', undefined]]);
  });

  it('says which unread Include could change a finding: the drop-in trap stays visible', () => {
    const repo = tree('trap', { 'sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\n' });
    const { stdout } = runCli(['scan', 'sshd_config', '--fail-on', 'none'], { cwd: repo });
    expect(flatFindings(stdout)).toMatch(/sshd_config:2: high sshd\/password-authentication: .* The Include at sshd_config:1 comes before this line and its files were not read/);
    expect(flatFindings(stdout)).toMatch(/sshd_config:1: \w+ sshd\/log-level: .* The Include at sshd_config:1 was not read: one of its files could set LogLevel\./);
    expect(stdout).toMatch(/^warning: sshd_config:1: Include '\/etc\/ssh\/sshd_config\.d\/\*\.conf' matches no file in \. \(read as \/etc\/ssh/m);
  });

  it("does not read outside the tree for Terraform's file(), fileexists() or fileset(), through .., an absolute path or a link", () => {
    const repo = tree('terraform-files', {
      'main.tf': [
        'locals {',
        '  rules   = yamldecode(file("rules.yaml"))',
        '  up      = file("../outside/secret.conf")',
        `  whole   = file("${join(outside, 'secret.conf')}")`,
        '  linked  = file("linked.yaml")',
        '  climb   = fileset("..", "outside/*")',
        '  walk    = fileset(".", "**")',
        `  exists  = fileexists("${join(outside, 'secret.conf')}")`,
        '}',
        'resource "aws_security_group" "web" {',
        '  ingress {',
        '    from_port   = local.rules.port',
        '    to_port     = local.rules.port',
        '    protocol    = "tcp"',
        '    cidr_blocks = local.rules.sources',
        '  }',
        '  description = join(",", [local.up, local.whole, local.linked, length(local.climb), length(local.walk), tostring(local.exists)])',
        '}',
        '',
      ].join('\n'),
      'rules.yaml': 'port: 22\nsources: [0.0.0.0/0]\n',
    });
    symlinkSync(join(outside, 'secret.conf'), join(repo, 'linked.yaml'));
    symlinkSync(join(outside, 'dropins'), join(repo, 'more'));
    const scanned = scanEveryFormat(['main.tf'], repo);
    expect(warningsOf(scanned, 'input/outside-boundary')).toEqual([
      ['main.tf', 3],
      ['main.tf', 4],
      ['main.tf', 5],
      ['main.tf', 6],
      ['main.tf', 7],
      ['main.tf', 8],
    ]);
    // The rules the tree's own YAML holds are read (by the bundled CLI, whose YAML parser loads lazily).
    expect(flatFindings(scanned.text)).toContain('main.tf:11: critical net/ssh-open-to-world');
  });

  it.skipIf(!namespaces)('follows Includes on this machine for a file at its system location (a live host audit), and only there', () => {
    const etcSsh = tree('live-host', {
      'sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n',
      'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
    });
    const live = scanWithSystemSsh(etcSsh, ['scan', '/etc/ssh/sshd_config', '--fail-on', 'none']);
    expect(flatFindings(live.stdout)).toContain('/etc/ssh/sshd_config.d/50-cloud-init.conf:1: high sshd/password-authentication');
    expect(live.stdout).not.toContain('warning');

    // The same file copied elsewhere: /etc/ssh is the host's, not the copy's, and is not read.
    const copy = tree('live-host-copy', { 'sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\n' });
    const copied = scanWithSystemSsh(etcSsh, ['scan', join(copy, 'sshd_config'), '--fail-on', 'none']);
    expect(copied.stdout).not.toContain('sshd/password-authentication');
    expect(copied.stdout).toContain(`warning: ${join(copy, 'sshd_config')}:1: Include '/etc/ssh/sshd_config.d/*.conf' matches no file in ${copy} (read as /etc/ssh`);
  });
});
