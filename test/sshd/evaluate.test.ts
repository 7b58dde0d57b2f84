import { describe, expect, it } from 'vitest';
import { sshdEffective } from '../../src/cli/sshd-effective.js';
import { valuesOf, writeTree } from './temp-tree.js';

const ALICE = { user: 'alice', host: 'ws1.example.com', addr: '203.0.113.5', laddr: '10.0.0.1', lport: '22' };

/** sshd -T for one config text (drop-ins under @DIR@), as value lines of one keyword. */
function effective(main: string, keyword: string, spec: Record<string, string> = ALICE, dropIns: Record<string, string> = {}): string[] {
  const dir = writeTree({ sshd_config: main, ...dropIns });
  const result = sshdEffective(`${dir}/sshd_config`, spec, '/');
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return valuesOf(result.stdout, keyword);
}

describe('sshd_config evaluation (OpenSSH 9.2p1 semantics)', () => {
  it('uses the first value of a keyword and prints it as sshd -T does', () => {
    expect(effective('PasswordAuthentication no\nPasswordAuthentication yes\n', 'passwordauthentication')).toEqual(['no']);
    expect(effective('PermitRootLogin prohibit-password\n', 'permitrootlogin')).toEqual(['without-password']);
    expect(effective('permitrootlogin=No\n', 'permitrootlogin')).toEqual(['no']);
    expect(effective('LogLevel "verbose" # why\n', 'loglevel')).toEqual(['VERBOSE']);
    expect(effective('LoginGraceTime 1m30s\n', 'logingracetime')).toEqual(['90']);
    expect(effective('ClientAliveInterval 5m\n', 'clientaliveinterval')).toEqual(['300']);
    expect(effective('AllowTcpForwarding all\n', 'allowtcpforwarding')).toEqual(['yes']);
  });

  it('accumulates AllowUsers, DenyUsers, AllowGroups, DenyGroups across lines', () => {
    expect(effective('AllowUsers alice bob\nAllowUsers carol\n', 'allowusers')).toEqual(['alice', 'bob', 'carol']);
    expect(effective('DenyGroups a\nDenyGroups b c\n', 'denygroups')).toEqual(['a', 'b', 'c']);
  });

  it('lets AuthenticationMethods take the first line only', () => {
    expect(effective('AuthenticationMethods publickey publickey,password\nAuthenticationMethods password\n', 'authenticationmethods')).toEqual(['publickey publickey,password']);
  });

  it('treats ChallengeResponseAuthentication as an alias sharing KbdInteractiveAuthentication\'s slot', () => {
    expect(effective('ChallengeResponseAuthentication no\nKbdInteractiveAuthentication yes\n', 'kbdinteractiveauthentication')).toEqual(['no']);
  });

  it('expands algorithm lists against the compiled-in defaults', () => {
    expect(effective('Ciphers -aes*\n', 'ciphers')).toEqual(['chacha20-poly1305@openssh.com']);
    expect(effective('MACs ^hmac-sha1\n', 'macs')[0].split(',').slice(0, 2)).toEqual(['hmac-sha1', 'umac-64-etm@openssh.com']);
    expect(effective('KexAlgorithms +diffie-hellman-group1-sha1\n', 'kexalgorithms')[0].endsWith(',diffie-hellman-group1-sha1')).toBe(true);
  });

  it('prints the compiled-in defaults of Debian 12 for an empty file', () => {
    const expected: Record<string, string> = { passwordauthentication: 'yes', kbdinteractiveauthentication: 'yes', permitrootlogin: 'without-password', usepam: 'no', x11forwarding: 'no', maxauthtries: '6', authenticationmethods: 'any' };
    for (const [keyword, value] of Object.entries(expected)) expect(effective('', keyword)).toEqual([value]);
  });

  it('reads Include files in lexical order at the point of the Include, so drop-ins win over later lines', () => {
    const dropIns = { 'd/20-b.conf': 'PasswordAuthentication no\nX11Forwarding yes\n', 'd/10-a.conf': 'PasswordAuthentication yes\n' };
    const main = 'Include @DIR@/d/*.conf\nPasswordAuthentication no\nX11Forwarding no\n';
    expect(effective(main, 'passwordauthentication', ALICE, dropIns)).toEqual(['yes']);
    expect(effective(main, 'x11forwarding', ALICE, dropIns)).toEqual(['yes']);
  });

  it('ends a Match block at the end of the included file that opened it', () => {
    const dropIns = { 'd/a.conf': 'Match User bob\nX11Forwarding yes\n' };
    expect(effective('Include @DIR@/d/a.conf\nX11Forwarding no\n', 'x11forwarding', { user: 'alice' }, dropIns)).toEqual(['no']);
    expect(effective('Include @DIR@/d/a.conf\nX11Forwarding no\n', 'x11forwarding', { user: 'bob' }, dropIns)).toEqual(['yes']);
  });

  it('applies an Include inside a Match block only to connections that match it', () => {
    const dropIns = { 'x11.conf': 'X11Forwarding yes\n' };
    const main = 'Match User alice\n  Include @DIR@/x11.conf\n';
    expect(effective(main, 'x11forwarding', { user: 'alice' }, dropIns)).toEqual(['yes']);
    expect(effective(main, 'x11forwarding', { user: 'bob' }, dropIns)).toEqual(['no']);
  });

  it('lets a matching block override the global value wherever it stands; the first matching block wins', () => {
    const main = 'Match User alice\n  PermitRootLogin yes\nMatch Address 203.0.113.0/24\n  PermitRootLogin no\n  MaxSessions 2\nMatch all\n';
    expect(effective(`${main}`, 'permitrootlogin')).toEqual(['yes']);
    expect(effective(`${main}`, 'maxsessions')).toEqual(['2']);
    expect(effective(`PermitRootLogin no\n${main}`, 'permitrootlogin', { user: 'bob', addr: '198.51.100.1' })).toEqual(['no']);
  });

  it('replaces the global AllowUsers list with a matching block\'s list', () => {
    expect(effective('AllowUsers alice bob\nMatch User alice\n  AllowUsers carol\n', 'allowusers')).toEqual(['carol']);
  });

  it('matches patterns, negation, CIDR, host names, ports and groups like sshd', () => {
    const when = (criteria: string, spec: Record<string, string>) => effective(`Match ${criteria}\n  X11Forwarding yes\n`, 'x11forwarding', spec)[0];
    expect(when('User !bob,*', { user: 'alice' })).toBe('yes');
    expect(when('User !bob,*', { user: 'bob' })).toBe('no');
    expect(when('User al?ce', { user: 'alice' })).toBe('yes');
    expect(when('Address 203.0.113.0/24', { addr: '203.0.113.5' })).toBe('yes');
    expect(when('Address 203.0.113.0/24', { addr: '203.0.114.5' })).toBe('no');
    expect(when('Address !10.1.0.0/16,10.0.0.0/8', { addr: '10.1.2.3' })).toBe('no');
    expect(when('Address 2001:db8::/32', { addr: '2001:db8::1' })).toBe('yes');
    expect(when('Host *.EXAMPLE.com', { host: 'ws1.Example.COM' })).toBe('yes');
    expect(when('Host *.example.com', { host: 'example.com' })).toBe('no');
    expect(when('Host *.example.com', { host: 'ws1.Example.COM' })).toBe('yes');
    expect(when('LocalPort 2222', { lport: '2222' })).toBe('yes');
    expect(when('LocalAddress 10.0.0.0/24 User alice', { laddr: '10.0.0.1', user: 'bob' })).toBe('no');
    expect(when('Group root', { user: 'root' })).toBe('yes');
    expect(when('Group root,!root', { user: 'root' })).toBe('no');
    expect(when('Group root', { user: 'no-such-user-here' })).toBe('no');
    expect(when('User alice', {})).toBe('no');
  });

  it('applies Match All to the global configuration too', () => {
    expect(effective('Match All\nCiphers aes128-ctr\n', 'ciphers')).toEqual(['aes128-ctr']);
  });
});
