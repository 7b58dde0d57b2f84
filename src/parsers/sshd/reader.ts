import type { InputFile } from '../../inputs/input-file.js';
import type { SourceLocation } from '../../model/location.js';
import type { InputProblem } from '../../model/problem.js';
import { expandIncludeGlob } from './include-glob.js';
import { splitLines, tokenizeLine, type DirectiveLine } from './tokenize.js';

export interface ConfigFile {
  /** The path as opened (under --root when one is given). */
  path: string;
  lines: DirectiveLine[];
}

/**
 * Reads sshd_config and its Include targets once, however often the evaluator walks them. Include patterns are
 * resolved as sshd does (relative to /etc/ssh) and then under `root`.
 */
export class ConfigReader {
  readonly problems: InputProblem[] = [];
  readonly files: string[] = [];
  private readonly parsed = new Map<string, ConfigFile | undefined>();
  private readonly globs = new Map<string, string[]>();
  private readonly reported = new Set<string>();

  constructor(
    readonly main: ConfigFile,
    private readonly readFile: (path: string) => InputFile | InputProblem,
    private readonly root = '',
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
  include(argument: string, from: SourceLocation): ConfigFile[] {
    const pattern = argument.startsWith('/') || argument.startsWith('~') ? argument : `/etc/ssh/${argument}`;
    let paths = this.globs.get(pattern);
    if (!paths) {
      const found = expandIncludeGlob(pattern, this.root);
      paths = found === 'missing-directory' ? [] : found.map((path) => this.root + path);
      this.globs.set(pattern, paths);
      if (found === 'missing-directory' || (found.length === 0 && !/[*?[]/.test(pattern))) {
        const shown = this.root ? `${this.root}${pattern}` : pattern;
        this.report(from, `Include ${argument} resolves to ${shown}, which does not exist — the drop-ins it would read were not checked; scan the host image with --root, or fix the path`);
      }
    }
    const files: ConfigFile[] = [];
    for (const path of paths) {
      const file = this.load(path, from);
      if (file) files.push(file);
    }
    return files;
  }

  private load(path: string, from: SourceLocation): ConfigFile | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const read = this.readFile(path);
    let file: ConfigFile | undefined;
    if ('text' in read) {
      file = ConfigReader.parse(path, read.text);
      this.files.push(path);
    } else if (read.message.includes('is a directory')) {
      file = { path, lines: [] };
    } else {
      this.report(from, `Include ${path}: ${read.message} — its settings were not checked`);
    }
    this.parsed.set(path, file);
    return file;
  }

  private report(from: SourceLocation, message: string): void {
    const key = `${from.file}:${from.line}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ id: 'sshd/include-unresolved', file: from.file, line: from.line, message, level: 'error' });
  }
}
