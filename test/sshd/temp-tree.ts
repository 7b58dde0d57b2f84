import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readInputFile } from '../../src/inputs/input-file.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { LoadResult } from '../../src/inputs/input-format.js';
import type { SshdConfigModel } from '../../src/model/sshd-config.js';
import { loadSshdConfig } from '../../src/parsers/sshd/load.js';

/** Writes files (path → text, relative to a fresh temp dir) and returns the dir. `@DIR@` in texts is replaced by it. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'parapet-sshd-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text.replaceAll('@DIR@', dir));
  }
  return dir;
}

/**
 * Loads a main file through the real input pipeline, as a scan would. Trees name their files by absolute paths, as
 * a host's files do, so they are read as this machine's (`--root /`) unless a root is given.
 */
export function load(path: string, root = '/'): LoadResult & { model: SshdConfigModel } {
  const file = readInputFile(path, 16 * 1024 * 1024);
  if (!('text' in file)) throw new Error(file.message);
  const result = loadSshdConfig(file, { root, settings: DEFAULT_RULE_SETTINGS, readFile: (other) => readInputFile(other, 16 * 1024 * 1024) });
  return { ...result, model: result.models[0] as SshdConfigModel };
}

/** The value lines `sshd -T` would print for a keyword, from sshdEffective's output. */
export function valuesOf(stdout: string, keyword: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`${keyword} `)).map((line) => line.slice(keyword.length + 1));
}
