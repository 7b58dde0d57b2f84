import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHead } from '../../src/inputs/input-file.js';
import { looksLikeWindowsFirewall } from '../../src/parsers/netsh/detect.js';
import { CORPUS } from './helpers.js';

const ALL_CORPORA = join(import.meta.dirname, '../corpus');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name === 'SOURCES.md' ? [] : [path];
  });
}

const detect = (path: string) => looksLikeWindowsFirewall(basename(path), readHead(path).head);

describe('looksLikeWindowsFirewall', () => {
  it('claims every Windows capture of the corpus (English, German, UTF-16LE, CP850, PowerShell JSON)', () => {
    const files = filesUnder(CORPUS);
    expect(files.filter((path) => !detect(path))).toEqual([]);
  });

  it.each(['sshd', 'ufw', 'aws', 'azure', 'gcp', 'iptables', 'nftables', 'iac'])('claims no %s capture', (folder) => {
    const files = filesUnder(join(ALL_CORPORA, folder));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter(detect)).toEqual([]);
  });

  it('claims netsh layout in an unknown language, so that it is refused with a clear error rather than skipped', () => {
    expect(looksLikeWindowsFirewall('fr.txt', '\r\nNom de la règle :                     Bureau\r\n' + '-'.repeat(70) + '\r\n')).toBe(true);
  });

  it('does not claim JSON without the PowerShell keys, nor an sshd_config mentioning a rule name', () => {
    expect(looksLikeWindowsFirewall('x.json', '[{"direction": "Inbound", "access": "Allow"}]')).toBe(false);
    expect(looksLikeWindowsFirewall('sshd_config', '# Rule Name: keep\nPort 22\n')).toBe(false);
  });
});
