import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { shown } from '../model/quote.js';

export const CONFIG_NAME = '.parapet.yml';

/**
 * The `.parapet.yml` that governs the scanned paths: the first found upward from each path (a directory itself
 * included), up to the repository root (a directory holding `.git`) and never above it, so that a scan of a checkout
 * is not governed by a file outside it. Paths governed by different files are a usage error: the policy of a scan is
 * one file. A link named .parapet.yml is refused: the policy is a file of the tree, not whatever it points at.
 * `ceiling`: a directory the search never goes above either (the Action's workspace).
 */
export function findConfig(paths: readonly string[], ceiling?: string): { file?: string } | { usageError: string } {
  const found = new Set<string>();
  let unconfigured = false;
  for (const path of paths) {
    const file = configAbove(path, ceiling === undefined ? undefined : resolve(ceiling));
    if (typeof file === 'object') return file;
    if (file) found.add(file);
    else unconfigured = true;
  }
  if (found.size > 1 || (found.size === 1 && unconfigured)) {
    return { usageError: `the scanned paths are governed by different ${CONFIG_NAME} files (${[...found].map((file) => shown(file, 200)).join(', ')}${unconfigured ? ', and none' : ''}): scan them separately, or name one with --config` };
  }
  return { file: [...found][0] };
}

function configAbove(path: string, ceiling: string | undefined): string | undefined | { usageError: string } {
  let directory = resolve(path);
  try {
    if (!statSync(directory).isDirectory()) directory = dirname(directory);
  } catch {
    directory = dirname(directory);
  }
  for (;;) {
    const candidate = join(directory, CONFIG_NAME);
    const stat = lstatSync(candidate, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) return { usageError: `${shown(candidate, 300)} is a link: Parapet reads its configuration only from a file` };
    if (stat) return candidate;
    const parent = dirname(directory);
    if (parent === directory || directory === ceiling || existsSync(join(directory, '.git'))) return undefined;
    directory = parent;
  }
}
