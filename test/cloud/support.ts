import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULE_SETTINGS, type Model } from '../../src/engine/rule.js';
import type { LoadStream } from '../../src/inputs/input-format.js';
import { textStream } from '../../src/inputs/input-stream.js';
import type { InputProblem } from '../../src/model/problem.js';
import type { NetworkAsset, NetworkRule } from '../../src/network/model.js';

export const CORPUS = join(import.meta.dirname, '../corpus');

/** What a cloud loader gives once its models have been read to the end. */
export interface Loaded {
  models: Model[];
  problems: InputProblem[];
}

export function loadText(load: LoadStream, text: string, path = '/in/export.json'): Loaded {
  const result = load(textStream(path, text), {
    settings: DEFAULT_RULE_SETTINGS,
    readFile: (file) => ({ id: 'input/unreadable', file, message: 'not available', level: 'error' }),
  });
  const models = [...result.models];
  return { models, problems: result.problems };
}

export function loadCorpus(load: LoadStream, relativePath: string): { result: Loaded; assets: NetworkAsset[]; lines: string[] } {
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
