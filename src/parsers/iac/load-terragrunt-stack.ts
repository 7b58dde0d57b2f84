import { dirname, join, resolve } from 'node:path';
import { CONFIG_BYTES } from '../../inputs/formats.js';
import { treeView, type HostView } from '../../inputs/host-view.js';
import { readInputFile, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import { append } from '../../model/append.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { loadAllLibraries } from '../terraform/lazy-libraries.js';
import { hclParser } from '../terraform/parser.js';
import { TerragruntConfigs } from '../terragrunt/configs.js';
import type { Generated } from '../terragrunt/unit-config.js';
import { unitSource } from '../terragrunt/unit-source.js';
import { judgedUnit } from './load-terragrunt.js';
import { stringOf, type IacValue } from './value.js';

export const STACK_FILE = 'terragrunt.stack.hcl';
/** Stacks generating stacks deeper than this are a cycle. */
const MAX_STACK_DEPTH = 8;

/**
 * A Terragrunt stack (terragrunt.stack.hcl): each `unit` it generates is judged as the unit its catalog's
 * terragrunt.hcl is, placed where `terragrunt stack generate` writes it (`.terragrunt-stack/PATH`, or PATH beside the
 * stack file with `no_dot_terragrunt_stack`) and given the block's `values`; each `stack` generates its own units
 * under its place. A catalog a stack generates from is read as part of it, not judged again on its own with its
 * values unknown. A catalog Parapet does not fetch (Git, a registry) is a warning.
 */
export async function loadTerragruntStack(path: string, context: LoadContext): Promise<LoadResult | InputProblem> {
  const found = readInputFile(path, CONFIG_BYTES);
  if ('id' in found) return found;
  const result: Required<LoadResult> = { models: [], problems: [], consumed: [] };
  await loadAllLibraries();
  await generate(found, dirname(path), undefined, 0, context, result);
  return result;
}

async function generate(file: InputFile, directory: string, values: IacValue | undefined, depth: number, context: LoadContext, result: Required<LoadResult>): Promise<void> {
  const view = treeView(context.tree ?? dirname(file.path));
  const stack = new TerragruntConfigs(await hclParser(), directory, view, context, result.problems, values).read(file);
  for (const entry of stack?.generates ?? []) {
    const at = { file: file.path, line: entry.line };
    const found = catalogOf(entry, directory, view, at, context, result.problems);
    if (!found) continue;
    const { catalog, generated } = found;
    result.consumed.push(catalog.path);
    if (entry.kind === 'unit') {
      const unit = await judgedUnit(catalog, generated, entry.values, context);
      append(result.models, unit.models);
      append(result.problems, unit.problems);
      append(result.consumed, unit.consumed ?? []);
    } else if (depth >= MAX_STACK_DEPTH) {
      result.problems.push(problemAt('iac/invalid-resource', at, `stacks generate stacks more than ${MAX_STACK_DEPTH} deep (a cycle?) — ${entry.kind} ${quoted(entry.name, 60)} is not judged`));
    } else {
      await generate(catalog, generated, entry.values, depth + 1, context, result);
    }
  }
}

/**
 * The catalog's terragrunt.hcl (or terragrunt.stack.hcl) a block generates from, read, and the place it is generated
 * at; else why not, said.
 */
function catalogOf(entry: Generated, directory: string, view: HostView, at: { file: string; line: number }, context: LoadContext, problems: InputProblem[]): { catalog: InputFile; generated: string } | undefined {
  const what = `${entry.kind} ${quoted(entry.name, 60)}`;
  const source = stringOf(entry.source);
  const place = stringOf(entry.path);
  if (source === undefined || place === undefined) {
    problems.push(problemAt('iac/unresolved', at, `${what}: its source or path could not be resolved from the code — not judged`));
    return undefined;
  }
  const written = unitSource(source);
  if (written.kind !== 'local') {
    problems.push(problemAt('iac/unsupported', at, `${what} comes from ${quoted(source, 120)}, which Parapet does not fetch: its resources are not judged — scan the plan of the unit it generates (terragrunt plan -out, then show -json), which holds them`, 'warning'));
    return undefined;
  }
  const name = entry.kind === 'unit' ? 'terragrunt.hcl' : STACK_FILE;
  const located = view.locate(join(resolve(directory, written.path), name));
  if (located.kind === 'outside') {
    problems.push(problemAt('input/outside-boundary', at, `${what} comes from ${quoted(source, 120)}, outside ${view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning'));
    return undefined;
  }
  if (located.kind !== 'found' || located.directory) {
    problems.push(problemAt('iac/invalid-resource', at, `${what} comes from ${quoted(source, 120)}, which holds no ${name} here — not judged; Terragrunt would fail too`));
    return undefined;
  }
  const catalog = context.readFile(located.path);
  if ('id' in catalog) {
    problems.push(catalog);
    return undefined;
  }
  return { catalog, generated: entry.besideStack ? join(directory, place) : join(directory, '.terragrunt-stack', place) };
}
