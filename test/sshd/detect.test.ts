import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeSshdConfig } from '../../src/parsers/sshd/detect.js';

const CORPUS = join(import.meta.dirname, '../corpus');
const filesUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? filesUnder(path) : [path];
});

describe('looksLikeSshdConfig', () => {
  it('claims sshd_config files and drop-ins by name', () => {
    expect(looksLikeSshdConfig('/img/etc/ssh/sshd_config', '')).toBe(true);
    expect(looksLikeSshdConfig('/img/etc/ssh/sshd_config.d/50-cloud-init.conf', '')).toBe(true);
    expect(looksLikeSshdConfig('sshd_config.d/other.txt', '')).toBe(false);
  });

  it('claims sshd content under any name, and not ssh_config client files', () => {
    expect(looksLikeSshdConfig('hardened.conf', 'PermitRootLogin no\nPasswordAuthentication no\n')).toBe(true);
    expect(looksLikeSshdConfig('x', 'Host *\n  ForwardAgent no\n  StrictHostKeyChecking yes\n  PasswordAuthentication no\n')).toBe(false);
  });

  it('claims every sshd capture and none of the firewall or cloud captures', () => {
    for (const path of filesUnder(CORPUS)) {
      if (path.endsWith('SOURCES.md') || path.endsWith('STUBS.md') || path.endsWith('.j2')) continue;
      const head = readFileSync(path).subarray(0, 65536).toString('utf8');
      const name = path.replace(/^.*\//, '');
      expect([path, looksLikeSshdConfig(name, head)]).toEqual([path, path.includes('/corpus/sshd/')]);
    }
  });
});
