import { resolve } from 'node:path';
import type { Model, Rule, RuleSettings } from '../engine/rule.js';
import { RuleRunner } from '../engine/run-rules.js';
import type { Finding } from '../model/finding.js';
import { append } from '../model/append.js';
import type { InputProblem } from '../model/problem.js';
import { shownError } from '../model/shown-error.js';
import { readInputFile } from '../inputs/input-file.js';
import type { IacOptions, InputFormat, LoadContext, LoadResult } from '../inputs/input-format.js';
import { CONFIG_BYTES } from '../inputs/formats.js';

export interface JudgeOptions {
  rules: readonly Rule[];
  settings: RuleSettings;
  /** --root: resolve absolute paths inside inputs under this directory. */
  root?: string;
  /** --var-file and --parameter: values infrastructure code is deployed with. */
  iac?: IacOptions;
  /** Keep only this many findings, the most severe: what a report that shows no more asks for (SARIF). */
  limit?: number;
  /** The report's base directory: fingerprints take file paths relative to it (see assetIdentity). */
  identityBase?: string;
}

export interface Judged {
  findings: Finding[];
  /** Findings left out for the limit. */
  omitted: number;
  problems: InputProblem[];
  /** Files that were judged (including included drop-ins). */
  scannedFiles: string[];
  /** Those of them whose format has comments: where `parapet-ignore` comments can stand. */
  commentedFiles: string[];
}

/**
 * Judges input files one at a time, in any order, as a scan finds them or a sweep writes them: the findings do not
 * depend on the order (they are sorted, and two files never share an asset). A file another one consumed (a drop-in
 * its main config included) is not judged again.
 */
export class FileJudge {
  private readonly runner: RuleRunner;
  private readonly problems: InputProblem[] = [];
  /** The problems said, by what they say and where: a file several inputs read (a Terragrunt root.hcl) says each once. */
  private readonly said = new Set<string>();
  private readonly scannedFiles: string[] = [];
  private readonly commentedFiles: string[] = [];
  private readonly consumed = new Set<string>();
  private readonly listed = new Set<string>();

  constructor(private readonly options: JudgeOptions) {
    this.runner = new RuleRunner(options.rules, options.settings, options.limit, options.identityBase);
  }

  /** `tree`: the directory named on the command line the file was found in, which nothing it includes may leave. */
  async judge(path: string, format: InputFormat, tree: string): Promise<void> {
    if (this.consumed.has(resolve(path))) return;
    const { root, settings, iac } = this.options;
    const context: LoadContext = { root, tree, settings, iac, readFile: (file) => readInputFile(file, CONFIG_BYTES) };
    const loaded = await this.load(format, path, context);
    if ('id' in loaded) {
      this.report(loaded);
      return;
    }
    for (const problem of loaded.problems) this.report(problem);
    // A file read by several inputs (a Bicep file two parameters files deploy) is one file scanned.
    const files: string[] = [];
    for (const file of [path, ...(loaded.consumed ?? [])]) {
      if (this.listed.has(resolve(file))) continue;
      this.listed.add(resolve(file));
      files.push(file);
    }
    for (const file of loaded.consumed ?? []) this.consumed.add(resolve(file));
    append(this.scannedFiles, files);
    if (format.comments) append(this.commentedFiles, files);
  }

  /** A problem found outside any file's judgement (one that could not be read or recognised). */
  report(problem: InputProblem): void {
    const key = `${problem.id}\u0000${problem.level}\u0000${problem.file}\u0000${problem.line}\u0000${problem.message}`;
    if (this.said.has(key)) return;
    this.said.add(key);
    this.problems.push(problem);
  }

  judged(): Judged {
    return { findings: this.runner.findings(), omitted: this.runner.omitted, problems: this.problems, scannedFiles: this.scannedFiles, commentedFiles: this.commentedFiles };
  }

  /** Reads one file and judges its models as the parser hands them over: a large export is judged group by group and never held whole. */
  private async load(format: InputFormat, path: string, context: LoadContext): Promise<Omit<LoadResult, 'models'> | InputProblem> {
    let loaded: LoadResult<Iterable<Model>> | InputProblem | undefined;
    try {
      loaded = await format.load(path, context);
      if ('id' in loaded) return loaded;
      for (const model of loaded.models) this.runner.judge(model);
      return loaded;
    } catch (error) {
      // A parser or a rule that throws is Parapet's fault, not the input's: what was judged before stays judged.
      const failed: InputProblem = { id: 'internal/failed', file: path, message: `Parapet failed while judging this ${format.type} input (${shownError(error)}) — the rest of the file was not judged; please report this`, level: 'error' };
      return { problems: [...(loaded && !('id' in loaded) ? loaded.problems : []), failed] };
    }
  }
}
