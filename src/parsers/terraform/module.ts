import { resolve } from 'node:path';
import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { IacLoad } from '../iac/front-end.js';
import type { IacValue } from '../iac/value.js';
import type { CodeFiles } from './code-files.js';
import { ModuleInstance } from './module-instance.js';
import { ModuleTree, type ModuleLibrary, type ParsedModule } from './module-tree.js';
import { applyOverrides, isOverrideFile } from './override-files.js';
import { hclParser } from './parser.js';
import { loadLibrariesFor } from './lazy-libraries.js';
import { autoVarFileRank, baseName, isAutoVarFile, readConfiguration, readVariableFile } from './source-file.js';
import type { Attribute, Block } from './syntax.js';
import { replacedByTofu } from './tofu-files.js';
import { compareKeys } from './values.js';

export interface ModuleOptions {
  varFiles: InputFile[];
  /** The module's directory. */
  directory?: string;
  /** The modules it calls, read: without them, `module.x` is unknown and their resources are not judged. */
  library?: ModuleLibrary;
  /** The files the code may read with file() and fileset(): without them, what they give is unknown. */
  codeFiles?: CodeFiles;
  /** The root module's variables' values given otherwise than in variable files: a Terragrunt unit's `inputs`. */
  inputs?: ReadonlyMap<string, IacValue>;
}

/**
 * One Terraform module: every .tf / .tf.json file of one directory, with its variable files, and the instances of the
 * modules it calls from the local file system, as Terraform would plan them.
 */
export async function terraformModule(files: InputFile[], options: ModuleOptions): Promise<IacLoad> {
  return evaluateModule(await parseModule(files), options);
}

/** A module's files read: OpenTofu's replacements made, the override files merged, the variable files in Terraform's order. */
export async function parseModule(files: InputFile[]): Promise<ParsedModule> {
  const parser = await hclParser();
  await loadLibrariesFor(files.map((file) => file.text));
  const problems: InputProblem[] = [];
  const configurations: { file: InputFile; blocks: Block[] }[] = [];
  const overrides: { file: InputFile; blocks: Block[] }[] = [];
  const autoVarFiles: InputFile[] = [];
  const replaced = replacedByTofu(files.map((file) => file.path));
  for (const file of files) {
    const tofu = replaced.get(file.path);
    if (tofu !== undefined) {
      const message = `not judged: ${quoted(baseName(tofu), 80)} replaces it in this module, as OpenTofu reads it (Terraform reads this file and no .tofu file) — if Terraform deploys this module, scan its plan`;
      problems.push(problemAt('iac/unsupported', { file: file.path, line: 1 }, message, 'warning'));
      continue;
    }
    if (isAutoVarFile(file.path)) {
      autoVarFiles.push(file);
      continue;
    }
    const read = readConfiguration(parser, file);
    if ('problem' in read) problems.push(read.problem);
    else (isOverrideFile(file.path) ? overrides : configurations).push({ file, blocks: read.body.blocks });
  }
  applyOverrides(configurations, overrides, problems);
  autoVarFiles.sort((left, right) => {
    const [leftRank, leftName] = autoVarFileRank(left.path);
    const [rightRank, rightName] = autoVarFileRank(right.path);
    return leftRank - rightRank || compareKeys(leftName, rightName);
  });
  return { configurations, autoVarFiles, problems };
}

/** A parsed module evaluated as the root module, with its variable files, and the instances of the modules it calls. */
export async function evaluateModule(parsed: ParsedModule, options: ModuleOptions): Promise<IacLoad> {
  const parser = await hclParser();
  const problems = [...parsed.problems];
  const variableFiles: { file: string; values: Attribute[] }[] = [];
  for (const file of [...parsed.autoVarFiles, ...options.varFiles]) {
    const read = readVariableFile(parser, file);
    if ('problem' in read) problems.push(read.problem);
    else variableFiles.push({ file: file.path, values: read.values });
  }
  const tree = new ModuleTree(options.library, options.codeFiles);
  const chain = options.directory === undefined ? [] : [resolve(options.directory)];
  const root = new ModuleInstance(parsed, { key: '', prefix: '', chain }, tree, options.inputs, variableFiles);
  const resources = root.resources();
  // Each instance of a module reports what it cannot evaluate: once is enough.
  const reported = new Map<string, InputProblem>();
  for (const problem of [...problems, ...tree.problems]) reported.set(`${problem.id}\u0000${problem.file}\u0000${problem.line}\u0000${problem.message}`, problem);
  return { resources, problems: [...reported.values()] };
}
