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

/** The asset of the host's own traffic: the one model that is not the forwarded traffic of route rules. */
export function hostAsset(result: LoadResult): NetworkAsset {
  const host = result.models.filter((model): model is NetworkAsset => model.kind === 'network' && model.asset.name !== 'forwarded traffic');
  if (host.length !== 1) throw new Error(`expected one network asset for the host, got ${host.length}: ${JSON.stringify(result.problems)}`);
  return host[0];
}

/** The asset of the traffic ufw forwards by its route rules, if the input makes one. */
export function forwardedAsset(result: LoadResult): NetworkAsset | undefined {
  return result.models.find((model): model is NetworkAsset => model.kind === 'network' && model.asset.name === 'forwarded traffic');
}
