import { join, resolve } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted, shown } from '../../model/quote.js';
import { isLocalSource, MAX_MODULE_DEPTH, moduleCallsOf, type ModuleLibrary, type ParsedModule } from '../terraform/module-instance.js';
import { parseModule } from '../terraform/module.js';
import { moduleFiles } from './module-files.js';

export interface LocalModules {
  library: ModuleLibrary;
  problems: InputProblem[];
  /** The called modules' files: judged as part of the root module, and not again on their own. */
  consumed: string[];
}

/**
 * The modules a root module calls from the local file system, and those they call in turn, read and parsed once each.
 * A module's code is read only inside the scanned tree; a source that is not a directory, and a cycle of calls, are
 * errors, as `terraform init` and `plan` fail on them.
 */
export async function localModules(root: ParsedModule, rootDirectory: string, context: LoadContext): Promise<LocalModules> {
  const modules = new Map<string, ParsedModule>();
  const problems: InputProblem[] = [];
  const consumed: string[] = [];
  const view = treeView(context.tree ?? rootDirectory);

  async function read(caller: ParsedModule, callerDirectory: string, chain: string[]): Promise<void> {
    for (const { file, blocks } of caller.configurations) {
      for (const call of moduleCallsOf(blocks).filter((each) => isLocalSource(each.source))) {
        const at = { file: file.path, line: call.line };
        const name = `module.${shown(call.name, 60)}`;
        const directory = join(callerDirectory, call.source);
        const located = view.locate(directory);
        if (located.kind === 'outside') {
          problems.push(problemAt('input/outside-boundary', at, `${name} comes from ${quoted(call.source, 120)}, outside ${view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning'));
        } else if (located.kind !== 'found' || !located.directory) {
          problems.push(problemAt('iac/invalid-resource', at, `${name} comes from ${quoted(call.source, 120)}, which is not a directory here — its resources are not judged; terraform init would fail too`));
        } else if (chain.includes(resolve(directory))) {
          problems.push(problemAt('iac/invalid-resource', at, `${name} calls a module that is calling it — Terraform rejects the cycle; it is not judged`));
        } else if (chain.length > MAX_MODULE_DEPTH) {
          problems.push(problemAt('iac/unsupported', at, `${name} is more than ${MAX_MODULE_DEPTH} module calls deep — it is not judged; flatten the modules`));
        } else if (!modules.has(resolve(directory))) {
          const files = moduleFiles(directory, context);
          problems.push(...files.problems);
          consumed.push(...files.files.map((each) => each.path));
          const parsed = await parseModule(files.files);
          // Said once, whether the module makes one instance, many, or none (count = 0): Terraform reads it all the same.
          problems.push(...parsed.problems);
          modules.set(resolve(directory), parsed);
          await read(parsed, directory, [...chain, resolve(directory)]);
        }
      }
    }
  }

  await read(root, rootDirectory, [resolve(rootDirectory)]);
  return { library: { module: (directory, source) => modules.get(resolve(join(directory, source))) }, problems, consumed };
}
