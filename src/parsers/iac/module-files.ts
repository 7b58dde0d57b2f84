import { join } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import { compareText } from '../../engine/compare-text.js';
import { isAutoVarFile } from '../terraform/source-file.js';
import { looksLikeTerraform } from './detect-terraform.js';

/** The files Terraform reads in a module directory: configuration, and the variable files it loads by itself. */
function isModuleFile(name: string): boolean {
  return looksLikeTerraform(name) || isAutoVarFile(name);
}

/**
 * Every module file in `directory` as Terraform would read it, each through the scanned tree's view: a link that
 * leads out of the tree is not followed (and said), a file that cannot be read is a problem.
 */
export function moduleFiles(directory: string, context: LoadContext, except?: string): { files: InputFile[]; problems: InputProblem[] } {
  const view = treeView(context.tree ?? directory);
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const name of (view.list(directory) ?? []).filter((name) => name !== except && isModuleFile(name)).sort(compareText)) {
    const path = join(directory, name);
    const located = view.locate(path);
    if (located.kind === 'outside') {
      problems.push({ id: 'input/outside-boundary', file: path, level: 'warning', message: `a link out of ${view.bound} — not read; Terraform would read it as part of this module` });
      continue;
    }
    if (located.kind !== 'found' || located.directory) continue;
    const file = context.readFile(located.path);
    if ('id' in file) problems.push({ ...file, file: path });
    else files.push({ ...file, path });
  }
  return { files, problems };
}
