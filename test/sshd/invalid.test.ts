import { describe, expect, it } from 'vitest';
import { sshdEffective } from '../../src/cli/sshd-effective.js';
import { load, writeTree } from './temp-tree.js';

/** The (line, message start) pairs the model lists as refused by sshd. */
function refusals(main: string, dropIns: Record<string, string> = {}): [number, string][] {
  const dir = writeTree({ sshd_config: main, ...dropIns });
  return load(`${dir}/sshd_config`).model.invalid.map((issue) => [issue.location.line, issue.message]);
}

describe('configurations sshd refuses', () => {
  it('names the exact line of each refused directive', () => {
    const main = [
      'Port 22',
      'FooBar yes',
      'PasswordAuthentication maybe',
      'X11Forwarding no yes',
      'MaxAuthTries ten',
      'LogLevel "VERBOSE',
      'PermitRootLogin',
      'LoginGraceTime 5x',
      'Ciphers aes128-ctr,bogus',
      'Match User alice',
      '  Ciphers aes128-ctr',
      'Match User',
      'Match All User bob',
      'Match Address 192.0.2.1/8',
    ].join('\n');
    expect(refusals(main)).toEqual([
      [2, 'Bad configuration option: FooBar'],
      [3, "unsupported option 'maybe'."],
      [4, 'keyword X11Forwarding extra arguments at end of line'],
      [5, 'MaxAuthTries integer value invalid.'],
      [6, 'invalid quotes'],
      [7, 'no argument after keyword "PermitRootLogin"'],
      [8, 'invalid time value.'],
      [9, "Bad SSH2 cipher spec 'aes128-ctr,bogus'."],
      [11, "Directive 'Ciphers' is not allowed within a Match block"],
      [12, "Missing Match criteria for 'User' — Bad Match condition"],
      [13, "'all' cannot be combined with other Match attributes — Bad Match condition"],
      [14, "Invalid Match address argument '192.0.2.1/8' — Bad Match condition"],
    ]);
  });

  it('refuses RHEL-only keywords, as Debian\'s sshd does', () => {
    expect(refusals('KerberosUseKuserok yes\nGSSAPIEnablek5users yes\n').map(([line]) => line)).toEqual([1, 2]);
  });

  it('accepts deprecated and ignored keywords', () => {
    expect(refusals('Protocol 2\nUsePrivilegeSeparation sandbox\nRSAAuthentication yes\n')).toEqual([]);
  });

  it('refuses an Include loop and names the Include line', () => {
    const issues = refusals('Include @DIR@/loop.conf\n', { 'loop.conf': 'PermitRootLogin no\nInclude @DIR@/loop.conf\n' });
    expect(issues).toEqual([[2, 'Too many recursive configuration includes']]);
  });

  it('refuses AuthenticationMethods no enabled method can satisfy', () => {
    expect(refusals('PasswordAuthentication no\nAuthenticationMethods password\n')).toEqual([[2, 'AuthenticationMethods cannot be satisfied by enabled authentication methods']]);
  });

  it('exits 2 with file:line: message where sshd would exit 255', () => {
    const dir = writeTree({ sshd_config: 'PermitRootLogin no\nPasswordAuthentication maybe\n' });
    const result = sshdEffective(`${dir}/sshd_config`, {}, '/');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${dir}/sshd_config:2: unsupported option 'maybe'\\. — `));
  });

  it('exits 2 for an unknown connection field and for a LocalPort block without lport, like sshd', () => {
    const dir = writeTree({ sshd_config: 'Match LocalPort 22\n  X11Forwarding yes\n' });
    expect(sshdEffective(`${dir}/sshd_config`, { usr: 'alice' }, '/')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('Invalid test mode specification usr=alice') });
    expect(sshdEffective(`${dir}/sshd_config`, { user: 'alice' }, '/')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("'lport' not in connection test specification") });
    expect(sshdEffective(`${dir}/sshd_config`, { lport: 'x' }, '/').exitCode).toBe(2);
  });

  it('warns when an Include matches nothing: a missing file or directory, not an empty glob in a directory that exists', () => {
    const dir = writeTree({ sshd_config: 'Include /nonexistent-parapet/x.conf\nInclude @DIR@/missing/*.conf\nInclude @DIR@/d/*.conf\n', 'd/readme.txt': '' });
    const { problems, model } = load(`${dir}/sshd_config`);
    expect(problems.map((problem) => [problem.id, problem.line, problem.level])).toEqual([
      ['sshd/include-unmatched', 1, 'warning'],
      ['sshd/include-unmatched', 2, 'warning'],
    ]);
    expect(model.unreadIncludes.map((location) => location.line)).toEqual([1, 2]);
    expect(model.invalid).toEqual([]);
  });

  it('is an error when an Include names a file that is there but cannot be read', () => {
    const dir = writeTree({ sshd_config: 'Include @DIR@/big.conf\n', 'big.conf': 'x'.repeat(17 * 1024 * 1024) });
    const { problems } = load(`${dir}/sshd_config`);
    expect(problems.map((problem) => [problem.id, problem.line, problem.level])).toEqual([['sshd/include-unresolved', 1, 'error']]);
  });
});
