import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import type { ReadBoundary } from '../../src/inputs/host-view.js';
import type { LoadResult } from '../../src/inputs/input-format.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { loadUfw } from '../../src/parsers/ufw/load.js';

export const CORPUS = join(import.meta.dirname, '../corpus/ufw');

const context = { settings: DEFAULT_RULE_SETTINGS, readFile: (path: string) => readInputFile(path, 16 * 1024 * 1024) };

/** Loads a file through the real input path (read, decode, loadUfw); `boundary` as a scan with --root (a host image) gives it. */
export function loadUfwFile(path: string, boundary: ReadBoundary = {}): LoadResult {
  const file = readInputFile(path, 16 * 1024 * 1024);
  if (!('text' in file)) throw new Error(`cannot read ${path}: ${file.message}`);
  return loadUfw(file, { ...context, ...boundary });
}

/** Loads text written to a fresh temporary file (named `name`). */
export function loadUfwText(text: string, name = 'status.txt'): LoadResult & { path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'parapet-ufw-')), name);
  writeFileSync(path, text);
  return { ...loadUfwFile(path), path };
}

/** Hands text straight to the parser, as the input layer would after decoding (any text, NUL bytes included). */
export function parseUfwText(text: string, path = '/scan/status.txt'): LoadResult {
  return loadUfw({ path, text, encoding: 'utf-8' }, context);
}

export function onlyAsset(result: LoadResult): NetworkAsset {
  if (result.models.length !== 1 || result.models[0].kind !== 'network') throw new Error(`expected one network asset, got ${result.models.length}: ${JSON.stringify(result.problems)}`);
  return result.models[0];
}
