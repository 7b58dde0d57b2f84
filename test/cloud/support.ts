import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { InputFile } from '../../src/inputs/input-file.js';
import type { LoadInput, LoadResult } from '../../src/inputs/input-format.js';
import type { NetworkAsset, NetworkRule } from '../../src/network/model.js';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

export function inputFile(path: string, text: string): InputFile {
  return { path, bytes: Buffer.from(text, 'utf8'), text, encoding: 'utf-8' };
}

export function loadText(load: LoadInput, text: string, path = '/in/export.json'): LoadResult {
  return load(inputFile(path, text), {
    settings: DEFAULT_RULE_SETTINGS,
    readFile: (file) => ({ id: 'input/unreadable', file, message: 'not available', level: 'error' }),
  });
}

export function loadCorpus(load: LoadInput, relativePath: string): { result: LoadResult; assets: NetworkAsset[]; lines: string[] } {
  const path = join(CORPUS, relativePath);
  const text = readFileSync(path, 'utf8');
  const result = loadText(load, text, path);
  return { result, assets: result.models as NetworkAsset[], lines: text.split('\n') };
}

/** A rule without its line: what must be equal whichever export shape it came from. */
export function withoutLines(rule: NetworkRule): Omit<NetworkRule, 'location'> {
  const { location: _location, ...rest } = rule;
  return rest;
}

export function lineText(lines: string[], line: number): string {
  return lines[line - 1] ?? '';
}
