import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import { unknown, type IacValue } from '../iac/value.js';
import { EvaluationBudget } from '../terraform/evaluate.js';
import type { FunctionCall } from '../terraform/function-call.js';
import type { CodeFiles } from '../terraform/code-files.js';
import { ModuleScope } from '../terraform/module-scope.js';
import { BodyEvaluator } from '../terraform/resource-body.js';
import type { Attribute, Block, Body } from '../terraform/syntax.js';
import { object } from '../terraform/values.js';

/** What Parapet reads of one Terragrunt configuration (a unit's terragrunt.hcl, or a file it includes). */
export interface UnitConfig {
  file: string;
  /** Its `locals`, as one object (what `read_terragrunt_config` gives of it, with `inputs`). */
  locals: IacValue;
  /** `inputs`: the module's variables' values. */
  inputs: IacValue | undefined;
  /** `terraform { source = … }`, and where it is written. */
  source: IacValue | undefined;
  sourceLine: number | undefined;
  includes: Include[];
  /** Its other attributes and blocks (`remote_state`, `terraform`, `dependency`): what reads them gets an unknown. */
  others: string[];
  /** A stack file's `unit` and `stack` blocks. */
  generates: Generated[];
}

/** A unit or stack a stack file generates: from `source`, at `path` under it, given `values`. */
export interface Generated {
  kind: 'unit' | 'stack';
  name: string;
  line: number;
  source: IacValue | undefined;
  path: IacValue | undefined;
  values: IacValue | undefined;
  /** `no_dot_terragrunt_stack = true`: generated beside the stack file, not under `.terragrunt-stack`. */
  besideStack: boolean;
}

/** An `include` block: the file it names (`path`), and how it merges. */
export interface Include {
  line: number;
  label: string | undefined;
  /** `expose = true`: the file's locals and inputs are `include.LABEL.locals`, `include.LABEL.inputs`. */
  expose: boolean;
  path: IacValue | undefined;
  mergeStrategy: 'no_merge' | 'shallow' | 'deep';
}

/** What Terragrunt gives a configuration besides Terraform's language. */
export interface TerragruntLanguage {
  /** Terragrunt's functions, called in this file, whose includes are `includes` (undefined while they are evaluated). */
  functions: (call: FunctionCall, includes: () => Include[] | undefined) => IacValue | undefined;
  /** What `file()` and its siblings read: relative to the configuration's directory. */
  files: CodeFiles;
  /** `values`: what a stack gives the unit it generates (unknown in a unit no stack generates). */
  values?: IacValue;
  /** What an include with `expose = true` gives of the file its path names (`include.root.locals`), when it is read. */
  exposed: (path: IacValue | undefined, line: number) => IacValue | undefined;
}

/**
 * A configuration's values, evaluated as Terraform evaluates a module's (its `locals` are locals; Terraform's
 * functions are known), with Terragrunt's functions and exposed includes as `terragrunt` gives them. What other units
 * give (`dependency.vpc.outputs.vpc_id`) is unknown, judged as the worst it could be.
 */
export function readUnitConfig(file: InputFile, body: Body, problems: InputProblem[], terragrunt: TerragruntLanguage): UnitConfig {
  // Read when first named; an include's path that names `include` itself is unknown.
  let exposed: IacValue | 'evaluating' | 'none' | undefined;
  const names = (root: string, line: number) => {
    if (root === 'values') return terragrunt.values;
    if (root !== 'include') return undefined;
    if (exposed === undefined) {
      exposed = 'evaluating';
      exposed = exposedIncludes(includes() ?? [], terragrunt, line) ?? 'none';
    }
    return typeof exposed === 'object' ? exposed : undefined;
  };
  const functions = (call: FunctionCall) => terragrunt.functions(call, includes);
  const scope = new ModuleScope(problems, '', undefined, new EvaluationBudget(), undefined, { modulePath: '.', files: terragrunt.files, functions, names });
  scope.declare(file.path, body.blocks);
  const reported = new Set<string>();
  const bodies = new BodyEvaluator(scope.evaluator, (issue) => {
    const key = `${issue.line}:${issue.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problemAt('iac/unsupported', { file: file.path, line: issue.line }, shown(issue.message, 300), 'warning'));
  });
  const value = (attribute: Attribute | undefined) =>
    attribute && scope.inFile(file.path, () => bodies.body({ attributes: [attribute], blocks: [] }, new Map(), attribute.line).fields.get(attribute.name));
  // Read when first needed; what their paths need of them (a function naming the include) is unknown.
  let included: Include[] | 'evaluating' | undefined;
  const includes = () => {
    if (included === undefined) {
      included = 'evaluating';
      included = body.blocks.filter((block) => block.type === 'include').map((block) => includeOf(block, value));
    }
    return included === 'evaluating' ? undefined : included;
  };
  const source = body.blocks.find((block) => block.type === 'terraform')?.body.attributes.find((attribute) => attribute.name === 'source');
  const localNames = body.blocks.filter((block) => block.type === 'locals').flatMap((block) => block.body.attributes.map((attribute) => attribute.name));
  const locals = object(new Map(localNames.map((name) => [name, scope.inFile(file.path, () => scope.local(name)) ?? unknown(1, [`local.${name}`])])), 1);
  return {
    file: file.path,
    locals,
    inputs: inputsOf(body.attributes.find((attribute) => attribute.name === 'inputs'), value),
    source: value(source),
    sourceLine: source?.line,
    includes: includes() ?? [],
    generates: body.blocks.filter((block) => (block.type === 'unit' || block.type === 'stack') && block.labels.length === 1).map((block) => generatedBy(block, value)),
    others: [...new Set([...body.attributes.map((attribute) => attribute.name), ...body.blocks.map((block) => block.type)])].filter((name) => name !== 'locals' && name !== 'inputs'),
  };
}

function includeOf(block: Block, value: (attribute: Attribute | undefined) => IacValue | undefined): Include {
  const attribute = (name: string) => block.body.attributes.find((each) => each.name === name);
  const strategy = attribute('merge_strategy')?.value;
  const mergeStrategy = strategy?.type === 'literal' && (strategy.value === 'no_merge' || strategy.value === 'deep') ? strategy.value : 'shallow';
  const expose = attribute('expose')?.value;
  return { line: block.line, label: block.labels.length === 1 ? block.labels[0] : undefined, expose: expose?.type === 'literal' && expose.value === true, path: value(attribute('path')), mergeStrategy };
}

/** `include`: each labelled include with `expose = true`, by its label; a bare one is `include` itself (`include.locals`). */
function exposedIncludes(includes: Include[], terragrunt: TerragruntLanguage, line: number): IacValue | undefined {
  const fields = new Map<string, IacValue>();
  for (const { label, expose, path } of includes) {
    if (!expose) continue;
    if (label === undefined) return terragrunt.exposed(path, line) ?? unknown(line, ['include']);
    fields.set(label, terragrunt.exposed(path, line) ?? unknown(line, [`include.${label}`]));
  }
  return fields.size > 0 ? object(fields, line) : undefined;
}

function generatedBy(block: Block, value: (attribute: Attribute | undefined) => IacValue | undefined): Generated {
  const attribute = (name: string) => block.body.attributes.find((each) => each.name === name);
  const beside = value(attribute('no_dot_terragrunt_stack'));
  return {
    kind: block.type === 'unit' ? 'unit' : 'stack',
    name: block.labels[0],
    line: block.line,
    source: value(attribute('source')),
    path: value(attribute('path')),
    values: value(attribute('values')),
    besideStack: beside?.kind === 'scalar' && beside.value === true,
  };
}

/**
 * `inputs`, each key of the object written evaluated on its own: one that cannot be read (a missing attribute, a
 * function not evaluated) is unknown, the others stay known. An object whose keys are computed is evaluated whole.
 */
function inputsOf(attribute: Attribute | undefined, value: (attribute: Attribute | undefined) => IacValue | undefined): IacValue | undefined {
  if (attribute?.value.type !== 'object') return value(attribute);
  const fields = new Map<string, IacValue>();
  for (const { key, value: written } of attribute.value.items) {
    if (key.type !== 'literal' || typeof key.value !== 'string') return value(attribute);
    fields.set(key.value, value({ name: key.value, value: written, line: written.line }) ?? unknown(written.line, [key.value]));
  }
  return object(fields, attribute.line);
}
