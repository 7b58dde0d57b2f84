import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The real OpenSSH server the differential tests hold Parapet against (apt-get install openssh-server). */
export const SSHD = '/usr/sbin/sshd';
export const sshdInstalled = existsSync(SSHD);

/** A fresh directory for a test's configurations, with the throw-away host key `sshd -T` insists on. */
export function sshdWorkspace(prefix: string): { dir: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const key = join(dir, 'hostkey');
  // sshd -T checks that its privilege separation directory exists.
  mkdirSync('/run/sshd', { recursive: true });
  spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  return { dir, key };
}

/** `sshd -T` of a configuration, for the connection `spec` describes (`-C user=…,host=…`) when one is given. */
export function sshdT(main: string, key: string, spec = ''): SpawnSyncReturns<string> {
  return spawnSync(SSHD, ['-T', '-f', main, '-h', key, ...(spec ? ['-C', spec] : [])], { encoding: 'utf8' });
}
