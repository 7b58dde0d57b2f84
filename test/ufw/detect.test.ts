import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/inputs/formats.js';
import { readHead } from '../../src/inputs/input-file.js';
import { looksLikeUfw } from '../../src/parsers/ufw/detect.js';
import { CORPUS } from './load.js';

const ALL_CORPORA = join(import.meta.dirname, '../corpus');
const UFW_INPUTS = /^(status(-verbose|-numbered)?\.txt|user6?\.rules)$/;

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('looksLikeUfw', () => {
  const ufwFiles = filesUnder(CORPUS).filter((path) => UFW_INPUTS.test(basename(path)));

  it.each(ufwFiles)('claims %s, and detection picks the ufw format for it', (path) => {
    const { head } = readHead(path);
    expect(looksLikeUfw(basename(path), head)).toBe(true);
    expect(detectFormat(basename(path), head)?.type).toBe('ufw');
  });

  it.each(filesUnder(CORPUS).filter((path) => !UFW_INPUTS.test(basename(path))))('leaves the rest of a ufw capture alone: %s', (path) => {
    expect(looksLikeUfw(basename(path), readHead(path).head)).toBe(false);
  });

  const others = ['sshd', 'windows', 'aws', 'azure', 'gcp', 'iptables', 'nftables', 'iac'].flatMap((family) => filesUnder(join(ALL_CORPORA, family)));
  it.each(others)('never claims another input type: %s', (path) => {
    expect(looksLikeUfw(basename(path), readHead(path).head)).toBe(false);
  });

  it('reads the status line with CRLF line ends and after # comment lines', () => {
    expect(looksLikeUfw('x', 'Status: active\r\n')).toBe(true);
    expect(looksLikeUfw('x', '# captured on bastion-1\n\nStatus: inactive\n')).toBe(true);
    expect(looksLikeUfw('x', 'Port 22\nStatus: active\n')).toBe(false);
    expect(looksLikeUfw('x', '{"Status": "active"}')).toBe(false);
  });
});
