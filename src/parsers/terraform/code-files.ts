import { posix, relative, resolve, sep } from 'node:path';
import { treeView, type HostView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { braceExpansions, isWildcard, segmentMatches } from './glob.js';
import { EvaluationError, OverBudget } from './values.js';
import { withoutTrailingSlashes } from '../../model/trailing-slashes.js';

/** Where a function call is written, for the problem a read outside the scanned tree is. */
export type CallSite = { file: string; line: number };

/** What `file()`, `fileexists()` and `fileset()` find at one call: undefined when the path leaves the scanned tree (said once, at the call). */
export interface CallFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean | undefined;
  glob(directory: string, pattern: string): string[] | undefined;
}

/** More directory entries than this walked by one fileset() is hostile input. */
const MAX_ENTRIES = 10_000;
const MAX_DEPTH = 32;

/**
 * The files a module's code reads, as Terraform reads them: relative to the root module's directory (where
 * `terraform plan` runs), and here only inside the scanned tree, through links that stay inside it. A file is read
 * once, with the checks every scanned file gets (size, encoding), however many instances read it.
 */
export class CodeFiles {
  private readonly view: HostView;
  private readonly texts = new Map<string, string | EvaluationError>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly rootDirectory: string,
    tree: string,
    private readonly readFile: (path: string) => InputFile | InputProblem,
    private readonly problems: InputProblem[],
  ) {
    this.view = treeView(tree);
  }

  /** The files as the call at `at` reads them. */
  at(at: CallSite): CallFiles {
    return { read: (path) => this.read(path, at), exists: (path) => this.exists(path, at), glob: (directory, pattern) => this.glob(directory, pattern, at) };
  }

  /** `path.module` for a module in `directory`: its path from the root module, `.` for the root module itself. */
  modulePath(directory: string): string {
    return relative(resolve(this.rootDirectory), resolve(directory)).split(sep).join('/') || '.';
  }

  read(path: string, at: CallSite): string | undefined {
    const located = this.view.locate(resolve(this.rootDirectory, path));
    if (located.kind === 'outside') return this.outside(path, at);
    if (located.kind !== 'found') throw new EvaluationError(`no file exists at ${quoted(path, 80)}`);
    if (located.directory) throw new EvaluationError(`${quoted(path, 80)} is a directory, not a file`);
    let text = this.texts.get(located.path);
    if (text === undefined) {
      const read = this.readFile(located.path);
      // Terraform's file() reads UTF-8 only: a UTF-16 or Latin-1 file is its error, where a scanned file is decoded.
      text = 'id' in read ? new EvaluationError(`${quoted(path, 80)} cannot be read: ${read.message}`) : read.encoding === 'utf-8' ? read.text : new EvaluationError(`the contents of ${quoted(path, 80)} are not valid UTF-8, which Terraform's file() rejects`);
      this.texts.set(located.path, text);
    }
    if (text instanceof EvaluationError) throw text;
    return text;
  }

  exists(path: string, at: CallSite): boolean | undefined {
    const located = this.view.locate(resolve(this.rootDirectory, path));
    if (located.kind === 'outside') return this.outside(path, at);
    if (located.kind === 'found' && located.directory) throw new EvaluationError(`${quoted(path, 80)} is a directory, not a file`);
    return located.kind === 'found';
  }

  /** The regular files under `directory` that `pattern` matches, as paths from `directory` with `/`, sorted. */
  glob(directory: string, pattern: string, at: CallSite): string[] | undefined {
    const base = posix.normalize(resolve(this.rootDirectory, directory).split(sep).join('/'));
    const found = new Set<string>();
    const budget = { entries: 0 };
    for (const expansion of braceExpansions(pattern)) {
      // As Go's filepath.Join: `..` resolved, a trailing / dropped (`*/` matches files).
      const joined = posix.join(base, expansion);
      const full = withoutTrailingSlashes(joined) || joined.slice(0, 1);
      const segments = full.split('/');
      const fixed = segments.findIndex((segment) => segment === '**' || isWildcard(segment));
      const start = fixed < 0 ? segments.length : fixed;
      const prefix = segments.slice(0, start).join('/') || '/';
      const located = this.view.locate(prefix);
      if (located.kind === 'outside') return this.outside(`${directory}/${pattern}`, at);
      if (located.kind !== 'found') continue;
      if (fixed < 0) {
        if (!located.directory) found.add(posix.relative(base, prefix));
        continue;
      }
      if (this.walk(prefix, segments.slice(start), budget, 0, (path) => found.add(posix.relative(base, path))) === 'outside') return this.outside(`${directory}/${pattern}`, at);
    }
    return [...found].sort();
  }

  /** Matches `segments` below `directory`; 'outside' when a link on the way leaves the tree. */
  private walk(directory: string, segments: string[], budget: { entries: number }, depth: number, add: (path: string) => void): 'outside' | void {
    if (depth > MAX_DEPTH) throw new OverBudget(`fileset() goes more than ${MAX_DEPTH} directories deep`);
    const [segment, ...rest] = segments;
    const names = this.view.list(directory) ?? [];
    budget.entries += names.length;
    if (budget.entries > MAX_ENTRIES) throw new OverBudget(`fileset() walks more than ${MAX_ENTRIES} files and directories`);
    if (segment === '**' && rest.length > 0 && this.walk(directory, rest, budget, depth + 1, add) === 'outside') return 'outside';
    for (const name of names.sort()) {
      const matchesHere = segment === '**' || segmentMatches(segment, name);
      if (!matchesHere) continue;
      const path = `${directory === '/' ? '' : directory}/${name}`;
      const located = this.view.locate(path);
      if (located.kind === 'outside') return 'outside';
      if (located.kind !== 'found') continue;
      if (located.directory) {
        const next = segment === '**' ? segments : rest;
        if (next.length > 0 && this.walk(path, next, budget, depth + 1, add) === 'outside') return 'outside';
      } else if (rest.length === 0) add(path);
    }
  }

  private outside(path: string, at: CallSite): undefined {
    const key = `${at.file}\u0000${at.line}\u0000${path}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.problems.push(problemAt('input/outside-boundary', at, `the code reads ${quoted(path, 80)}, outside ${this.view.bound} — not read, what it gives is judged unknown; scan the directory that holds both`, 'warning'));
    }
    return undefined;
  }
}
