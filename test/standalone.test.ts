import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repository = join(import.meta.dirname, '..');
/** What is not part of a clone: installed, built, or ignored scratch output (see .gitignore). */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'dist', 'tmp', '.prof', join('bench', 'out')]);
const thisFile = relative(repository, import.meta.filename);

function filesUnder(directory: string): string[] {
  return readdirSync(join(repository, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (NOT_IN_A_CLONE.has(path)) return [];
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

describe('the repository stands on its own', () => {
  it('no file names a path of the machine it was written on, or a folder beside the repository', () => {
    const offending = filesUnder('').filter((path) => path !== thisFile).flatMap((path) =>
      readFileSync(join(repository, path), 'latin1')
        .split('\n')
        .flatMap((line, index) => (/\/work\/|\.\.\/shared\b/.test(line) ? [`${path}:${index + 1}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
