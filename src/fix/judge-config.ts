import { RULES } from '../../rules/index.js';
import type { RuleSettings } from '../engine/rule.js';
import { runRules } from '../engine/run-rules.js';
import type { ReadBoundary } from '../inputs/host-view.js';
import { readInputFile } from '../inputs/input-file.js';
import { CONFIG_BYTES } from '../inputs/formats.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import type { SshdConfigModel } from '../model/sshd-config.js';
import { loadSshdConfig } from '../parsers/sshd/load.js';

/** One sshd configuration as a scan read it: its main file, and what bounded its reading. */
export interface ConfigUnderFix {
  mainFile: string;
  boundary: ReadBoundary;
  settings: RuleSettings;
}

export interface JudgedConfig {
  model: SshdConfigModel;
  findings: Finding[];
  problems: InputProblem[];
}

/**
 * Reads a configuration as the scan did (the same parser, read boundary and rules), with some files' texts replaced
 * by edited ones held in memory: what sshd would make of the result before anything is written.
 */
export function judgeConfig(config: ConfigUnderFix, edited: ReadonlyMap<string, string> = new Map()): JudgedConfig | InputProblem {
  const readFile = (path: string) => {
    const text = edited.get(path);
    return text === undefined ? readInputFile(path, CONFIG_BYTES) : { path, text, encoding: 'utf-8' as const };
  };
  const main = readFile(config.mainFile);
  if (!('text' in main)) return main;
  const loaded = loadSshdConfig(main, { ...config.boundary, settings: config.settings, readFile });
  const model = loaded.models[0] as SshdConfigModel;
  return { model, findings: runRules(RULES, [model], config.settings), problems: loaded.problems };
}
