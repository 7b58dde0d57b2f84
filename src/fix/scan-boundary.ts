import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ReadBoundary } from '../inputs/host-view.js';

/**
 * The read boundary a scan of `paths` read a main file in, as collectFiles gives it: --root when given, else the
 * directory named on the command line the file was found in, or for a file named itself its directory.
 */
export function scanBoundary(mainFile: string, paths: readonly string[], root: string | undefined): ReadBoundary {
  const tree = treeOf(mainFile, paths);
  return root === undefined ? { tree } : { root, tree };
}

function treeOf(mainFile: string, paths: readonly string[]): string {
  for (const path of paths) {
    let directory: boolean;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (!directory) {
      if (resolve(path) === resolve(mainFile)) return dirname(path);
      continue;
    }
    const inside = relative(resolve(path), resolve(mainFile));
    if (!inside.startsWith('..') && !isAbsolute(inside)) return path;
  }
  return dirname(mainFile);
}
