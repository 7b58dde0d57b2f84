import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEAK_ALGORITHMS } from '../../rules/sshd/weak-algorithm-names.js';

/** Every algorithm the installed OpenSSH knows, as `ssh -Q` lists it: the names a real sshd_config can use. */
function supported(query: string): string[] {
  return execFileSync('ssh', ['-Q', query], { encoding: 'utf8' }).split('\n').filter((name) => name !== '');
}

function weakOf(keyword: string, names: string[]): string[] {
  const entry = WEAK_ALGORITHMS.find((candidate) => candidate.keyword === keyword);
  if (!entry) throw new Error(`no entry for ${keyword}`);
  return names.filter(entry.isWeak).sort();
}

describe('weak algorithm names, over everything `ssh -Q` lists', () => {
  it('ciphers: CBC modes and 3DES, never CTR, GCM or ChaCha20', () => {
    expect(weakOf('Ciphers', supported('cipher'))).toEqual(['3des-cbc', 'aes128-cbc', 'aes192-cbc', 'aes256-cbc']);
  });

  it('MACs: every MD5 and SHA-1 variant (-96, -etm), never SHA-2 or UMAC', () => {
    expect(weakOf('MACs', supported('mac'))).toEqual([
      'hmac-md5',
      'hmac-md5-96',
      'hmac-md5-96-etm@openssh.com',
      'hmac-md5-etm@openssh.com',
      'hmac-sha1',
      'hmac-sha1-96',
      'hmac-sha1-96-etm@openssh.com',
      'hmac-sha1-etm@openssh.com',
    ]);
  });

  it('key exchange: group1 and every SHA-1 exchange, never group14-sha256 or the curves', () => {
    expect(weakOf('KexAlgorithms', supported('kex'))).toEqual([
      'diffie-hellman-group-exchange-sha1',
      'diffie-hellman-group1-sha1',
      'diffie-hellman-group14-sha1',
    ]);
  });

  it('signatures: ssh-rsa and ssh-dss (SHA-1) and their certificates, never rsa-sha2-*', () => {
    const expected = ['ssh-dss', 'ssh-dss-cert-v01@openssh.com', 'ssh-rsa', 'ssh-rsa-cert-v01@openssh.com'];
    expect(weakOf('HostKeyAlgorithms', supported('HostKeyAlgorithms'))).toEqual(expected);
    expect(weakOf('PubkeyAcceptedAlgorithms', supported('PubkeyAcceptedAlgorithms'))).toEqual(expected);
  });

  it("OpenSSH's own default MACs list enables hmac-sha1", () => {
    const hostKey = join(mkdtempSync(join(tmpdir(), 'parapet-hostkey-')), 'key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
    const defaults = execFileSync('/usr/sbin/sshd', ['-T', '-f', '/dev/null', '-h', hostKey], { encoding: 'utf8' });
    const macs = /^macs (.*)$/m.exec(defaults)?.[1].split(',') ?? [];
    expect(weakOf('MACs', macs)).toEqual(['hmac-sha1', 'hmac-sha1-etm@openssh.com']);
  });
});
