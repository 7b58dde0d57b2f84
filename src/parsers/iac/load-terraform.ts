import { basename, dirname, resolve } from 'node:path';
import { CONFIG_BYTES } from '../../inputs/formats.js';
import { readInputFile, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import type { InputProblem } from '../../model/problem.js';
import { iacNetworkAssets } from './assets.js';
import { moduleFiles } from './module-files.js';
import { rootModuleResources } from './root-module.js';

/**
 * A Terraform module: the file that was found (or named with --type terraform) and the other module files of its
 * directory, read whole, with the modules it calls from the scanned tree; the others and the called modules' files
 * are consumed, so that each directory is judged once, with the values its callers give.
 */
export async function loadTerraformModule(path: string, context: LoadContext): Promise<LoadResult | InputProblem> {
  const found = readInputFile(path, CONFIG_BYTES);
  if ('id' in found) return found;
  const directory = dirname(path);
  const siblings = moduleFiles(directory, context, basename(path));
  const problems = [...siblings.problems];
  const varFiles: InputFile[] = [];
  // As `terraform plan -var-file` does, the files give values to the root module only: the directory named on the
  // command line. A module below it gets its values from its caller, which the code does not fix: never guessed safe.
  const isRoot = context.tree !== undefined && resolve(context.tree) === resolve(directory);
  for (const varFile of isRoot ? (context.iac?.varFiles ?? []) : []) {
    const read = context.readFile(varFile);
    if ('id' in read) problems.push(read);
    else varFiles.push(read);
  }
  const { resources, consumed } = await rootModuleResources([found, ...siblings.files], directory, context, { varFiles }, problems);
  const { assets, problems: judged } = iacNetworkAssets(resources, directory);
  return { models: assets, problems: [...problems, ...judged], consumed: [...siblings.files.map((file) => file.path), ...consumed] };
}
