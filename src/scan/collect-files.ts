import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputProblem } from '../model/problem.js';
import { describeIoError } from '../inputs/input-file.js';

/** A file to consider. `explicit` files were named on the command line: an unrecognised one is an error, not a skip. */
export interface Candidate {
  path: string;
  explicit: boolean;
}

const NEVER_DESCEND = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Expands the command-line paths into files. Symbolic links to directories are not followed (no loops, no escapes). */
export function collectFiles(paths: readonly string[]): { candidates: Candidate[]; problems: InputProblem[] } {
  const candidates: Candidate[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path, candidates, problems);
      else candidates.push({ path, explicit: true });
    } catch (error) {
      problems.push({ id: 'input/unreadable', file: path, message: describeIoError(error), level: 'error' });
    }
  }
  return { candidates, problems };
}

function walk(directory: string, candidates: Candidate[], problems: InputProblem[]): void {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (error) {
    problems.push({ id: 'input/unreadable', file: directory, message: `cannot list directory: ${describeIoError(error)}`, level: 'error' });
    return;
  }
  for (const name of names) {
    const path = join(directory, name);
    let entry;
    try {
      entry = lstatSync(path);
    } catch (error) {
      problems.push({ id: 'input/unreadable', file: path, message: describeIoError(error), level: 'error' });
      continue;
    }
    if (entry.isDirectory()) {
      if (!NEVER_DESCEND.has(name)) walk(path, candidates, problems);
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(path))) {
      candidates.push({ path, explicit: false });
    }
  }
}

function isFileBehindLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
