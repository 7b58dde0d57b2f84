import { basename, dirname, resolve } from 'node:path';
import type { Model, Rule, RuleSettings } from '../engine/rule.js';
import { RuleRunner } from '../engine/run-rules.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { shownError } from '../model/shown-error.js';
import { describeIoError, readHead, readInputFile } from '../inputs/input-file.js';
import type { IacOptions, InputFormat, LoadContext, LoadResult } from '../inputs/input-format.js';
import { CONFIG_BYTES, detectFormat, formatByType } from '../inputs/formats.js';
import { collectFiles, type Candidate } from './collect-files.js';
import { compareText } from '../engine/compare-text.js';

export interface ScanOptions {
  paths: readonly string[];
  rules: readonly Rule[];
  settings: RuleSettings;
  /** --type: skip detection and read every file as this type. */
  type?: string;
  /** --root: resolve absolute paths inside inputs under this directory. */
  root?: string;
  /** --var-file and --parameter: values infrastructure code is deployed with. */
  iac?: IacOptions;
  /** Keep only this many findings, the most severe: what a report that shows no more asks for (SARIF). */
  limit?: number;
}

export interface ScanResult {
  findings: Finding[];
  /** Findings left out for the limit. */
  omitted: number;
  problems: InputProblem[];
  /** Files that were judged (including included drop-ins). */
  scannedFiles: string[];
  /** Files in scanned directories that are not any input type Parapet reads. */
  skippedFiles: string[];
}

interface Recognised {
  candidate: Candidate;
  format: InputFormat;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const { candidates, problems } = collectFiles(options.paths, options.root);
  const forced = options.type ? formatByType(options.type) : undefined;
  const recognised: Recognised[] = [];
  const skippedFiles: string[] = [];

  for (const candidate of candidates) {
    const outcome = recognise(candidate, forced);
    if ('format' in outcome) recognised.push({ candidate, format: outcome.format });
    else if (outcome.problem) problems.push(outcome.problem);
    else skippedFiles.push(candidate.path);
  }

  const runner = new RuleRunner(options.rules, options.settings, options.limit);
  const scannedFiles: string[] = [];
  const consumed = new Set<string>();
  const readFile = (path: string) => readInputFile(path, CONFIG_BYTES);
  for (const { candidate, format } of recognised.sort(mainFilesFirst)) {
    if (consumed.has(resolve(candidate.path))) continue;
    const context: LoadContext = { root: options.root, tree: candidate.tree, settings: options.settings, iac: options.iac, readFile };
    const loaded = await loadSafely(format, candidate.path, context, runner);
    if ('id' in loaded) {
      problems.push(loaded);
      continue;
    }
    problems.push(...loaded.problems);
    scannedFiles.push(candidate.path);
    for (const path of loaded.consumed ?? []) {
      consumed.add(resolve(path));
      scannedFiles.push(path);
    }
  }

  if (scannedFiles.length === 0 && !problems.some((problem) => problem.level === 'error')) {
    problems.push({
      id: 'input/nothing-scanned',
      file: options.paths.join(', '),
      message: `found no input Parapet reads (${skippedFiles.length} files looked at) — nothing was judged; name the type with --type if detection missed it`,
      level: 'error',
    });
  }
  return { findings: runner.findings(), omitted: runner.omitted, problems, scannedFiles, skippedFiles };
}

/** Reads one file and judges its models as the parser hands them over: a large export is judged group by group and never held whole. */
async function loadSafely(format: InputFormat, path: string, context: LoadContext, runner: RuleRunner): Promise<Omit<LoadResult, 'models'> | InputProblem> {
  let loaded: LoadResult<Iterable<Model>> | InputProblem | undefined;
  try {
    loaded = await format.load(path, context);
    if ('id' in loaded) return loaded;
    for (const model of loaded.models) runner.judge(model);
    return loaded;
  } catch (error) {
    // A parser or a rule that throws is Parapet's fault, not the input's: what was judged before stays judged.
    const failed: InputProblem = { id: 'internal/failed', file: path, message: `Parapet failed while judging this ${format.type} input (${shownError(error)}) — the rest of the file was not judged; please report this`, level: 'error' };
    return { problems: [...(loaded && !('id' in loaded) ? loaded.problems : []), failed] };
  }
}

function recognise(candidate: Candidate, forced: InputFormat | undefined): { format: InputFormat } | { problem?: InputProblem } {
  let head: string;
  let binary: boolean;
  try {
    ({ head, binary } = readHead(candidate.path));
  } catch (error) {
    return { problem: { id: 'input/unreadable', file: candidate.path, message: describeIoError(error), level: 'error' } };
  }
  if (forced) return { format: forced };
  if (binary) {
    return candidate.explicit ? { problem: { id: 'input/binary', file: candidate.path, message: 'binary file (contains NUL bytes) — not scanned', level: 'error' } } : {};
  }
  const format = detectFormat(basename(candidate.path), head);
  if (format) return { format };
  if (!candidate.explicit) return {};
  return {
    problem: {
      id: 'input/unrecognised',
      file: candidate.path,
      message: 'not recognised as any input type Parapet reads — name the type with --type (see `parapet scan --help`)',
      level: 'error',
    },
  };
}

/** Drop-in directories (`*.d/`) come last, so that the main config that includes them is read first and claims them. */
function mainFilesFirst(a: Recognised, b: Recognised): number {
  return Number(isInDropInDirectory(a.candidate.path)) - Number(isInDropInDirectory(b.candidate.path)) || compareText(a.candidate.path, b.candidate.path);
}

function isInDropInDirectory(path: string): boolean {
  return basename(dirname(path)).endsWith('.d');
}
