import { basename, dirname, resolve } from 'node:path';
import type { InputProblem } from '../model/problem.js';
import { describeIoError, readHead } from '../inputs/input-file.js';
import type { InputFormat } from '../inputs/input-format.js';
import { detectFormat, formatByType } from '../inputs/formats.js';
import { FileJudge, type Judged, type JudgeOptions } from './file-judge.js';
import { CONFIG_NAME } from '../policy/find-config.js';
import { collectFiles, type Candidate } from './collect-files.js';
import { compareText } from '../engine/compare-text.js';

export interface ScanOptions extends JudgeOptions {
  paths: readonly string[];
  /** --type: skip detection and read every file as this type. */
  type?: string;
}

export interface ScanResult extends Judged {
  /** Files in scanned directories that are not any input type Parapet reads. */
  skippedFiles: string[];
}

interface Recognised {
  candidate: Candidate;
  format: InputFormat;
  head: string;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const { candidates, problems } = collectFiles(options.paths, options.root);
  const forced = options.type ? formatByType(options.type) : undefined;
  const judge = new FileJudge(options);
  const recognised: Recognised[] = [];
  const skippedFiles: string[] = [];

  for (const problem of problems) judge.report(problem);
  for (const candidate of candidates) {
    const outcome = recognise(candidate, forced);
    if ('format' in outcome) recognised.push({ candidate, ...outcome });
    else if (outcome.problem) judge.report(outcome.problem);
    // Parapet's own configuration is read as such (src/policy/), not skipped as an input it does not know.
    else if (basename(candidate.path) !== CONFIG_NAME) skippedFiles.push(candidate.path);
  }
  for (const { candidate, format } of inReadingOrder(recognised)) await judge.judge(candidate.path, format, candidate.tree);

  const judged = judge.judged();
  if (judged.scannedFiles.length === 0 && !judged.problems.some((problem) => problem.level === 'error')) {
    judged.problems.push({
      id: 'input/nothing-scanned',
      file: options.paths.join(', '),
      message: `found no input Parapet reads (${skippedFiles.length} files looked at) — nothing was judged; name the type with --type if detection missed it`,
      level: 'error',
    });
  }
  // A file no format claims may still have been read by another input (a module's terraform.tfvars, an sshd drop-in).
  const read = new Set(judged.scannedFiles.map((file) => resolve(file)));
  return { ...judged, skippedFiles: skippedFiles.filter((file) => !read.has(resolve(file))) };
}

function recognise(candidate: Candidate, forced: InputFormat | undefined): { format: InputFormat; head: string } | { problem?: InputProblem } {
  let head: string;
  let binary: boolean;
  try {
    ({ head, binary } = readHead(candidate.path));
  } catch (error) {
    return { problem: { id: 'input/unreadable', file: candidate.path, message: describeIoError(error), level: 'error' } };
  }
  if (forced) return { format: forced, head };
  if (binary) {
    return candidate.explicit ? { problem: { id: 'input/binary', file: candidate.path, message: 'binary file (contains NUL bytes) — not scanned', level: 'error' } } : {};
  }
  const format = detectFormat(basename(candidate.path), head);
  if (format) return { format, head };
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

/**
 * The order files are judged in, so that a file that reads others claims them before they are judged on their own:
 * drop-in directories (`*.d/`) after the main configs that include them, files that may read what their head does not
 * name (Terragrunt stacks) before the others, a module after the modules that call it (and after their callers); else
 * by path.
 */
function inReadingOrder(recognised: Recognised[]): Recognised[] {
  const readers = new Map<string, Set<string>>();
  // A file that reads its own directory (a Terragrunt unit without a source: the code beside it) comes before it.
  const readsItsDirectory = new Set<string>();
  for (const { candidate, format, head } of recognised) {
    const directory = resolve(dirname(candidate.path));
    for (const path of format.reads?.(basename(candidate.path), head) ?? []) {
      const read = resolve(directory, path);
      if (read === directory) {
        readsItsDirectory.add(candidate.path);
        continue;
      }
      const known = readers.get(read);
      if (known) known.add(directory);
      else readers.set(read, new Set([directory]));
    }
  }
  const depths = new Map<string, number>();
  const depthOf = (directory: string, level: number): number => {
    const known = depths.get(directory);
    if (known !== undefined) return known;
    // A cycle, or a chain longer than any real one: the order is a preference, not a promise.
    if (level > MAX_READING_DEPTH) return 0;
    depths.set(directory, 0);
    let depth = 0;
    for (const reader of readers.get(directory) ?? []) depth = Math.max(depth, 1 + depthOf(reader, level + 1));
    depths.set(directory, depth);
    return depth;
  };
  // What reads a file is a directory (a Terraform module) or a file (a Bicep module): a file is as deep as either.
  const depthOfFile = (path: string) => Math.max(depthOf(resolve(dirname(path)), 0), depthOf(resolve(path), 0));
  const keyed = recognised.map((each) => ({
    each,
    dropIn: Number(isInDropInDirectory(each.candidate.path)),
    bounded: Number(!each.format.readsBeyondItsHead?.(basename(each.candidate.path))),
    depth: depthOfFile(each.candidate.path),
    beside: Number(!readsItsDirectory.has(each.candidate.path)),
  }));
  keyed.sort((a, b) => a.dropIn - b.dropIn || a.bounded - b.bounded || a.depth - b.depth || a.beside - b.beside || compareText(a.each.candidate.path, b.each.candidate.path));
  return keyed.map(({ each }) => each);
}

const MAX_READING_DEPTH = 32;

function isInDropInDirectory(path: string): boolean {
  return basename(dirname(path)).endsWith('.d');
}
