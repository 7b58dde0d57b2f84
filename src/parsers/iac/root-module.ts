import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { append } from '../../model/append.js';
import type { InputProblem } from '../../model/problem.js';
import { CodeFiles } from '../terraform/code-files.js';
import { evaluateModule, parseModule } from '../terraform/module.js';
import { localModules } from './local-modules.js';
import type { IacResource, IacValue } from './value.js';

/**
 * A root module's files, parsed and evaluated with the modules it calls and the values it is given (variable files;
 * a Terragrunt unit's inputs): its resources, and the called modules' files, read as part of it. Problems go to
 * `problems`.
 */
export async function rootModuleResources(
  files: InputFile[],
  directory: string,
  context: LoadContext,
  values: { varFiles: InputFile[]; inputs?: ReadonlyMap<string, IacValue> },
  problems: InputProblem[],
): Promise<{ resources: IacResource[]; consumed: string[] }> {
  const parsed = await parseModule(files);
  const called = await localModules(parsed, directory, context);
  const codeFiles = new CodeFiles(directory, context.tree ?? directory, context.readFile, problems);
  const loaded = await evaluateModule(parsed, { ...values, directory, library: called.library, codeFiles });
  append(problems, called.problems);
  append(problems, loaded.problems);
  return { resources: loaded.resources, consumed: called.consumed };
}
