import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { rootedView, treeView, type HostView } from '../inputs/host-view.js';
import { describeIoError } from '../inputs/input-file.js';
import type { InputProblem } from '../model/problem.js';
import { quoted, shown } from '../model/quote.js';

/** A file to consider. `explicit` files were named on the command line: an unrecognised one is an error, not a skip. */
export interface Candidate {
  path: string;
  explicit: boolean;
  /** The directory named on the command line it was found in (for a file named itself, its directory). */
  tree: string;
}

/** Version control, packages, and Terragrunt's cache of copies of the units and modules it runs (judged where they are written). */
const NEVER_DESCEND = new Set(['.git', 'node_modules', '.hg', '.svn', '.terragrunt-cache', '.terragrunt-stack']);

/**
 * Expands the command-line paths into files. A path named on the command line is read as named; in a directory, a
 * symbolic link is followed only to a file inside that directory (under --root, resolved inside the image), and links
 * to directories are not followed (no loops, no escapes).
 */
export function collectFiles(paths: readonly string[], root?: string): { candidates: Candidate[]; problems: InputProblem[] } {
  const candidates: Candidate[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (candidate: Candidate) => {
    const key = resolve(candidate.path);
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(candidate);
  };
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) new DirectoryWalk(path, root, add, problems).walk(path);
      else add({ path, explicit: true, tree: dirname(path) });
    } catch (error) {
      problems.push({ id: 'input/unreadable', file: path, message: describeIoError(error), level: 'error' });
    }
  }
  return { candidates, problems };
}

class DirectoryWalk {
  private readonly view: HostView;

  constructor(
    private readonly top: string,
    private readonly root: string | undefined,
    private readonly add: (candidate: Candidate) => void,
    private readonly problems: InputProblem[],
  ) {
    this.view = treeView(top);
  }

  walk(directory: string): void {
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch (error) {
      this.problems.push({ id: 'input/unreadable', file: directory, message: `cannot list directory: ${describeIoError(error)}`, level: 'error' });
      return;
    }
    for (const name of names) {
      const path = join(directory, name);
      let entry;
      try {
        entry = lstatSync(path);
      } catch (error) {
        this.problems.push({ id: 'input/unreadable', file: path, message: describeIoError(error), level: 'error' });
        continue;
      }
      if (entry.isDirectory()) {
        if (!NEVER_DESCEND.has(name)) this.walk(path);
      } else if (entry.isFile()) {
        this.add({ path, explicit: false, tree: this.top });
      } else if (entry.isSymbolicLink()) {
        this.follow(path);
      }
    }
  }

  /**
   * A link is read where it leads when that is a file inside the scanned directory (under --root, as the host would
   * resolve it inside the image); it is resolved a step at a time, so nothing outside is even looked at.
   */
  private follow(link: string): void {
    const fromRoot = this.root === undefined ? undefined : relative(resolve(this.root), resolve(link));
    const located = fromRoot !== undefined && !fromRoot.startsWith('..')
      ? rootedView(this.root!).locate(`/${fromRoot.split(sep).join('/')}`)
      : this.view.locate(link);
    const inside = located.kind === 'found' ? relative(resolve(this.top), located.path) : '..';
    if (located.kind === 'found' && !inside.startsWith('..') && !isAbsolute(inside)) {
      // Links to directories are not followed: what they hold inside the scanned directory is found where it lies.
      if (!located.directory) this.add({ path: join(this.top, inside), explicit: false, tree: this.top });
      return;
    }
    const message =
      located.kind === 'missing' ? `a symbolic link that leads nowhere${this.root === undefined ? '' : ` under --root ${shown(this.root)}`} — not read`
      : located.kind === 'unreadable' ? `a symbolic link that cannot be followed (${located.code}) — not read`
      : `a symbolic link to ${quoted(located.path, 80)}, outside the scanned directory ${shown(this.top)} — not followed; scan its target itself if it is meant`;
    this.problems.push({ id: 'input/outside-boundary', file: link, message, level: 'warning' });
  }
}
