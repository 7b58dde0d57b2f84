import type { InputFile } from '../../inputs/input-file.js';
import type { HostView, Located } from '../../inputs/host-view.js';
import type { SourceLocation } from '../../model/location.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { ProblemId } from '../../model/problem-kinds.js';
import { quoted } from '../../model/quote.js';
import { expandIncludeGlob, type IncludeMatches } from './include-glob.js';
import { splitLines, tokenizeLine, type DirectiveLine } from './tokenize.js';

export interface ConfigFile {
  /** The path as opened on this machine (under --root when one is given). */
  path: string;
  lines: DirectiveLine[];
}

/** What an Include line brought in. `complete` is false when some of what it names was not read. */
export interface Included {
  files: ConfigFile[];
  complete: boolean;
}

/** sshd resolves a relative Include against its configuration directory. */
const SSH_DIRECTORY = '/etc/ssh';

/**
 * Reads sshd_config and its Include targets once, however often the evaluator walks them. Include patterns are
 * resolved as sshd does (relative to /etc/ssh) in the host view, which reads nothing outside the scanned tree.
 */
export class ConfigReader {
  readonly problems: InputProblem[] = [];
  readonly files: string[] = [];
  /** Include lines some of whose files were not read, in the order they were first met. */
  readonly incomplete: SourceLocation[] = [];
  private readonly parsed = new Map<string, ConfigFile | undefined>();
  private readonly globs = new Map<string, IncludeMatches>();
  /** Where each matched path lies: an Include repeated thousands of times looks each one up once. */
  private readonly located = new Map<string, Located>();
  private readonly reported = new Set<string>();

  constructor(
    readonly main: ConfigFile,
    private readonly readFile: (path: string) => InputFile | InputProblem,
    private readonly view: HostView,
  ) {
    this.files.push(main.path);
    this.parsed.set(main.path, main);
  }

  static parse(path: string, text: string): ConfigFile {
    const lines: DirectiveLine[] = [];
    splitLines(text).forEach((raw, index) => {
      const line = tokenizeLine(raw, index + 1);
      if (line) lines.push(line);
    });
    return { path, lines };
  }

  /** The files an Include argument names, in the order sshd reads them. */
  include(argument: string, from: SourceLocation): Included {
    const pattern = argument.startsWith('/') ? argument : `${SSH_DIRECTORY}/${argument}`;
    let matches = this.globs.get(pattern);
    if (!matches) {
      matches = expandIncludeGlob(pattern, this.view);
      this.globs.set(pattern, matches);
    }
    let complete = true;
    for (const path of matches.outside) {
      complete = false;
      this.warnOutside(from, argument, path);
    }
    if (matches.paths.length === 0 && matches.missing) {
      complete = false;
      const advice = this.view.advice ? `; ${this.view.advice}` : '';
      this.report(from, 'sshd/include-unmatched', 'warning', `Include ${quoted(argument, 80)} matches no file ${this.view.where} — sshd skips it silently, and the settings are judged without what it would include${advice}`);
    }
    const files: ConfigFile[] = [];
    for (const path of matches.paths) {
      const file = this.load(path, argument, from);
      if (file) files.push(file);
      else complete = false;
    }
    if (!complete && !this.incomplete.some((location) => location.file === from.file && location.line === from.line)) this.incomplete.push(from);
    return { files, complete };
  }

  private load(hostPath: string, argument: string, from: SourceLocation): ConfigFile | undefined {
    let located = this.located.get(hostPath);
    if (!located) this.located.set(hostPath, (located = this.view.locate(hostPath)));
    if (located.kind === 'outside') {
      this.warnOutside(from, argument, located.path);
      return undefined;
    }
    if (located.kind !== 'found') {
      const reason = located.kind === 'missing' ? 'a link that leads nowhere' : `cannot be read (${located.code})`;
      this.report(from, 'sshd/include-unresolved', 'error', `Include ${quoted(argument, 80)}: ${quoted(hostPath, 80)} is ${reason} — sshd would refuse to start; its settings were not checked`);
      return undefined;
    }
    if (this.parsed.has(located.path)) return this.parsed.get(located.path);
    let file: ConfigFile | undefined;
    if (located.directory) file = { path: located.path, lines: [] };
    else {
      const read = this.readFile(located.path);
      if ('text' in read) {
        file = ConfigReader.parse(located.path, read.text);
        this.files.push(located.path);
      } else {
        this.report(from, 'sshd/include-unresolved', 'error', `Include ${quoted(argument, 80)}: ${read.message} — its settings were not checked`);
      }
    }
    this.parsed.set(located.path, file);
    return file;
  }

  private warnOutside(from: SourceLocation, argument: string, path: string): void {
    this.report(from, 'input/outside-boundary', 'warning', `Include ${quoted(argument, 80)} leads to ${quoted(path, 80)}, outside ${this.view.bound} — not read, and the settings are judged without it; ${this.view.advice}`);
  }

  private report(from: SourceLocation, id: ProblemId, level: InputProblem['level'], message: string): void {
    const key = `${from.file}:${from.line}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(problemAt(id, from, message, level));
  }
}
