import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';

const FIXTURES = new URL('../../fixtures/sshd/', import.meta.url).pathname;

/** A copy of a fixture without its annotation lines, as a host's sshd_config, in a fresh directory. */
function hostConfig(fixture: string, mode = 0o640): { dir: string; main: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-fix-cli-'));
  const text = readFileSync(join(FIXTURES, fixture), 'utf8').split('\n').filter((line) => !/^\s*#\s*(ruleid|ok):/.test(line)).join('\n');
  const main = join(dir, 'sshd_config');
  writeFileSync(main, text);
  chmodSync(main, mode);
  return { dir, main, text };
}

function ruleIdsOf(scan: { stdout: string }): string[] {
  return (JSON.parse(scan.stdout).findings as { ruleId: string }[]).map((finding) => finding.ruleId);
}

describe('parapet fix', () => {
  it('prints the fixes as a diff and changes nothing without --write', () => {
    const { dir, main, text } = hostConfig('password-authentication/bad.sshd_config');
    const run = runCli(['fix', 'sshd_config'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^--- a\/sshd_config\n\+\+\+ b\/sshd_config\n@@ -\d+,1 \+\d+,1 @@\n-PasswordAuthentication yes\n\+PasswordAuthentication no\n/);
    expect(run.stdout).toContain('# no safe fix: sshd/allow-users at sshd_config:1 needs a decision — see parapet explain sshd/allow-users');
    expect(run.stdout).toMatch(/# \d+ findings can be fixed: run again with --write/);
    // Only the changed lines are shown: no other line of the configuration is echoed.
    expect(run.stdout).not.toContain('Subsystem');
    expect(run.status).toBe(1);
    expect(readFileSync(main, 'utf8')).toBe(text);
  });

  it('with --write edits in place, keeping the mode, and leaves only the findings that need a decision', () => {
    const { dir, main } = hostConfig('password-authentication/bad.sshd_config', 0o640);
    const before = runCli(['scan', 'sshd_config', '--format', 'json'], { cwd: dir });
    const run = runCli(['fix', 'sshd_config', '--write'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/# fixed \d+ findings in 1 file\n/);
    expect(statSync(main).mode & 0o777).toBe(0o640);
    const after = runCli(['scan', 'sshd_config', '--format', 'json'], { cwd: dir });
    expect(ruleIdsOf(before)).toContain('sshd/password-authentication');
    expect(ruleIdsOf(after).sort()).toEqual(['sshd/allow-users', 'sshd/client-alive', 'sshd/mfa', 'sshd/tcp-forwarding']);
    const again = runCli(['fix', 'sshd_config'], { cwd: dir });
    expect(again.stdout).toContain('# nothing to fix\n');
    // What remains is medium or below, and low findings do not fail --fail-on high.
    expect(runCli(['fix', 'sshd_config', '--fail-on', 'high'], { cwd: dir }).status).toBe(0);
  });

  it('edits the drop-in that wins in a host image (--root)', () => {
    const root = mkdtempSync(join(tmpdir(), 'parapet-fix-root-'));
    cpSync(join(FIXTURES, 'password-authentication/bad.dropin'), root, { recursive: true });
    const dropIn = join(root, 'etc/ssh/sshd_config.d/50-cloud-init.conf');
    const run = runCli(['fix', '--root', root, join(root, 'etc/ssh/sshd_config'), '--write']);
    expect(run.stderr).toBe('');
    expect(readFileSync(dropIn, 'utf8')).toMatch(/^PasswordAuthentication no$/m);
    const after = runCli(['scan', '--root', root, join(root, 'etc/ssh/sshd_config'), '--format', 'json']);
    expect(ruleIdsOf(after)).not.toContain('sshd/password-authentication');
  });

  it('refuses to write through a symbolic link, and writes nothing (exit 2)', () => {
    const { dir, text } = hostConfig('password-authentication/bad.sshd_config');
    mkdirSync(join(dir, 'linked'));
    symlinkSync(join(dir, 'sshd_config'), join(dir, 'linked/sshd_config'));
    const run = runCli(['fix', 'linked/sshd_config', '--write'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^parapet: not fixed: .*linked\/sshd_config is a symbolic link — fix the file it leads to — nothing written\n/m);
    expect(readFileSync(join(dir, 'sshd_config'), 'utf8')).toBe(text);
  });

  it('refuses a configuration it could not read whole (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parapet-fix-cli-'));
    writeFileSync(join(dir, 'sshd_config'), 'PasswordAuthentication yes\n');
    expect(runCli(['fix', 'missing_config'], { cwd: dir }).status).toBe(2);
  });
});

describe('parapet scan and fixes', () => {
  it('SARIF carries each fix as fixes[] with the replacement, and stays valid', () => {
    const { dir } = hostConfig('password-authentication/bad.sshd_config');
    const run = runCli(['scan', 'sshd_config', '--format', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(run.stdout);
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const results = sarif.runs[0].results as { ruleId: string; fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[] }[];
    const password = results.find((result) => result.ruleId === 'sshd/password-authentication')!;
    const [change] = password.fixes![0].artifactChanges;
    expect(change.artifactLocation.uri).toBe('sshd_config');
    expect(change.replacements).toEqual([{ deletedRegion: { startLine: expect.any(Number), startColumn: 24, endLine: expect.any(Number), endColumn: 27 }, insertedContent: { text: 'no' } }]);
    expect(results.find((result) => result.ruleId === 'sshd/allow-users')!.fixes).toBeUndefined();
  });

  it('--fix writes every fix and reports what remains', () => {
    const { dir } = hostConfig('password-authentication/bad.sshd_config');
    const run = runCli(['scan', 'sshd_config', '--fix', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('parapet: fixed sshd_config\n');
    expect(ruleIdsOf(run).sort()).toEqual(['sshd/allow-users', 'sshd/client-alive', 'sshd/mfa', 'sshd/tcp-forwarding']);
    expect(run.status).toBe(1);
  });
});
