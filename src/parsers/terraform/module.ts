import type { InputFile } from '../../inputs/input-file.js';
import type { SourceLocation } from '../../model/location.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { IacLoad } from '../iac/front-end.js';
import type { IacObject, IacResource, IacValue } from '../iac/value.js';
import { hclParser } from './parser.js';
import { ModuleScope } from './module-scope.js';
import type { EvaluationBudget } from './evaluate.js';
import { applyOverrides, isOverrideFile } from './override-files.js';
import { replacedByTofu } from './tofu-files.js';
import { BodyEvaluator, type EvaluationIssue } from './resource-body.js';
import { autoVarFileRank, baseName, isAutoVarFile, readConfiguration, readVariableFile } from './source-file.js';
import type { Block } from './syntax.js';
import { compareKeys } from './values.js';
import { TERRAFORM_NETWORK_TYPES } from '../iac/terraform-types.js';
import { quoted, shown } from '../../model/quote.js';
import { append } from '../../model/append.js';

/** A call of a module whose code is on the local file system (`source = "./modules/sg"`), with its instances' inputs. */
export interface LocalModuleCall {
  name: string;
  source: string;
  file: string;
  line: number;
  /** One per instance the call's count or for_each makes: the text after `module.name` (`[0]`) and the values given. */
  instances: { key: string; inputs: Map<string, IacValue> }[];
}

export interface ModuleOptions {
  varFiles: InputFile[];
  /** `module.sg.` for the module called as `sg`: what its resources' addresses start with. */
  addressPrefix?: string;
  /** The values the module's call gives its variables. */
  inputs?: ReadonlyMap<string, IacValue>;
  /** What the evaluation may spend, shared with other modules' (the instances of one root module's calls). */
  budget?: EvaluationBudget;
}

/** The arguments of a module call that are not its variables' values. */
const CALL_ARGUMENTS = new Set(['source', 'version', 'providers']);

/** A module's files read: OpenTofu's replacements made, the override files merged, the variable files in Terraform's order. */
export interface ParsedModule {
  configurations: { file: InputFile; blocks: Block[] }[];
  autoVarFiles: InputFile[];
  problems: InputProblem[];
}

/**
 * One Terraform module: every .tf / .tf.json file of one directory, with its variable files; and the modules it calls
 * from the local file system, their arguments evaluated.
 */
export async function terraformModule(files: InputFile[], options: ModuleOptions): Promise<IacLoad & { moduleCalls: LocalModuleCall[] }> {
  return evaluateModule(await parseModule(files), options);
}

export async function parseModule(files: InputFile[]): Promise<ParsedModule> {
  const parser = await hclParser();
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

/**
 * A parsed module evaluated: as the root module, with its variable files, or as a module called with `inputs`, which
 * Terraform gives no variable file (not even its own terraform.tfvars).
 */
export async function evaluateModule(parsed: ParsedModule, options: ModuleOptions): Promise<IacLoad & { moduleCalls: LocalModuleCall[] }> {
  const parser = await hclParser();
  const { configurations } = parsed;
  const problems = [...parsed.problems];
  const prefix = options.addressPrefix ?? '';
  const scope = new ModuleScope(problems, prefix, options.inputs, options.budget);
  for (const { file, blocks } of configurations) scope.declare(file.path, blocks);
  for (const file of options.inputs ? [] : [...parsed.autoVarFiles, ...options.varFiles]) {
    const read = readVariableFile(parser, file);
    if ('problem' in read) problems.push(read.problem);
    else scope.assign(file.path, read.values);
  }

  const resources: IacResource[] = [];
  const moduleCalls: LocalModuleCall[] = [];
  let stopped = false;
  for (const { file, blocks } of configurations) {
    const issues = new Set<string>();
    const report = (issue: EvaluationIssue): void => {
      if (issue.budget) {
        if (stopped) return;
        stopped = true;
      }
      const key = `${issue.line}:${issue.message}`;
      if (issues.has(key)) return;
      issues.add(key);
      problems.push(problemAt('iac/unsupported', { file: file.path, line: issue.line }, shown(issue.message, 300), 'warning'));
    };
    const bodies = new BodyEvaluator(scope.evaluator, report);
    append(problems, fetchedModuleWarnings(file, blocks));
    scope.enterFile(file.path);
    for (const call of moduleCallsOf(blocks).filter((each) => isLocalSource(each.source))) {
      const instances = bodies.instances(call.block.body).map((instance) => ({ key: instance.key, inputs: moduleInputs(bodies.body(call.block.body, instance.frame, call.line)) }));
      moduleCalls.push({ name: call.name, source: call.source, file: file.path, line: call.line, instances });
    }
    for (const block of blocks) {
      if (block.type !== 'resource' || block.labels.length !== 2 || !TERRAFORM_NETWORK_TYPES.has(block.labels[0])) continue;
      if (!scope.isFirstDeclaration(block)) continue;
      const [type, name] = block.labels;
      scope.enterFile(file.path);
      for (const instance of bodies.instances(block.body)) {
        resources.push({ type, address: `${prefix}${type}.${name}${instance.key}`, file: file.path, line: block.line, body: bodies.body(block.body, instance.frame, block.line) });
      }
    }
  }
  return { resources, problems, moduleCalls };
}

function moduleInputs(call: IacObject): Map<string, IacValue> {
  return new Map([...call.fields].filter(([name]) => !CALL_ARGUMENTS.has(name)));
}

/** Where each resource block and each local module call (a `./` or `../` source) is declared. */
export async function terraformDeclarations(files: InputFile[]): Promise<{ resources: Map<string, SourceLocation>; moduleCalls: { name: string; source: string; file: string; line: number }[] }> {
  const parser = await hclParser();
  const resources = new Map<string, SourceLocation>();
  const moduleCalls: { name: string; source: string; file: string; line: number }[] = [];
  for (const file of files) {
    // An override file's blocks are merged into the others: a resource is declared where its base block is.
    if (isAutoVarFile(file.path) || isOverrideFile(file.path)) continue;
    const read = readConfiguration(parser, file);
    if ('problem' in read) continue;
    for (const block of read.body.blocks) {
      if (block.type === 'resource' && block.labels.length === 2) {
        const address = `${block.labels[0]}.${block.labels[1]}`;
        if (!resources.has(address)) resources.set(address, { file: file.path, line: block.line });
      }
    }
    for (const { name, source, line } of moduleCallsOf(read.body.blocks)) if (isLocalSource(source)) moduleCalls.push({ name, source, line, file: file.path });
  }
  return { resources, moduleCalls };
}

/** The module calls of a file whose source is a string, where it is written. */
function moduleCallsOf(blocks: Block[]): { name: string; source: string; line: number; block: Block }[] {
  const calls: { name: string; source: string; line: number; block: Block }[] = [];
  for (const block of blocks) {
    if (block.type !== 'module' || block.labels.length !== 1) continue;
    const source = block.body.attributes.find((attribute) => attribute.name === 'source')?.value;
    if (source?.type === 'literal' && typeof source.value === 'string') calls.push({ name: block.labels[0], source: source.value, line: block.line, block });
  }
  return calls;
}

/** A warning at each module call whose code Terraform would fetch: Parapet judges what is in the tree only. */
function fetchedModuleWarnings(file: InputFile, blocks: Block[]): InputProblem[] {
  return moduleCallsOf(blocks)
    .filter((call) => !isLocalSource(call.source))
    .map((call) => {
      const message = `module.${shown(call.name, 60)} comes from ${quoted(call.source, 120)}, which Parapet does not fetch: its resources are judged only where its code is in the scanned tree (terraform init puts it in .terraform/modules) — or scan the plan (terraform show -json), which holds them`;
      return problemAt('iac/unsupported', { file: file.path, line: call.line }, message, 'warning');
    });
}

/** Terraform reads a module from the local file system when its source starts with ./ or ../; any other it fetches. */
const isLocalSource = (source: string): boolean => /^\.\.?[/\\]/.test(source);
