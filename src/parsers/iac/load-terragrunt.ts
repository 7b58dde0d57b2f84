import { dirname, relative, resolve } from 'node:path';
import { CONFIG_BYTES } from '../../inputs/formats.js';
import { treeView, type HostView } from '../../inputs/host-view.js';
import { readInputFile, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import { append } from '../../model/append.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted, shown } from '../../model/quote.js';
import { knownModule, type CallShape } from '../terraform/known-modules.js';
import { loadAllLibraries } from '../terraform/lazy-libraries.js';
import { hclParser } from '../terraform/parser.js';
import { mergedInputs } from '../terragrunt/included-inputs.js';
import { TerragruntConfigs } from '../terragrunt/configs.js';
import type { UnitConfig } from '../terragrunt/unit-config.js';
import { unitSource } from '../terragrunt/unit-source.js';
import { iacNetworkAssets } from './assets.js';
import { rootModuleResources } from './root-module.js';
import { looksLikeTerraform } from './detect-terraform.js';
import { moduleFiles } from './module-files.js';
import { scalar, stringOf, type IacResource, type IacValue } from './value.js';

/**
 * A Terragrunt unit (terragrunt.hcl): the module its `terraform { source }` names, judged as its root module with the
 * unit's `inputs` (with those of the files it includes) as its variables' values, as `terragrunt apply` deploys it —
 * a module from the scanned tree, or one from a registry Parapet knows by its interface. Each unit is its own
 * deployment: its assets are named within the unit's directory.
 */
export async function loadTerragruntUnit(path: string, context: LoadContext): Promise<LoadResult | InputProblem> {
  const found = readInputFile(path, CONFIG_BYTES);
  if ('id' in found) return found;
  return judgedUnit(found, dirname(path), undefined, context);
}

/**
 * A unit's configuration judged as the unit in `unitDirectory` — where it is written, or where a stack generates it
 * (`.terragrunt-stack/NAME`), its functions and relative paths working from there — with a stack's `values`.
 */
export async function judgedUnit(found: InputFile, unitDirectory: string, values: IacValue | undefined, context: LoadContext): Promise<LoadResult> {
  const problems: InputProblem[] = [];
  const view = treeView(context.tree ?? unitDirectory);
  await loadAllLibraries();
  const configs = new TerragruntConfigs(await hclParser(), unitDirectory, view, context, problems, values);
  const unit = configs.read(found);
  if (!unit) return { models: [], problems };
  const consumed: string[] = [];
  const path = found.path;
  let { inputs, source, sourceLine } = unit;
  for (const include of unit.includes) {
    if (include.mergeStrategy === 'no_merge') continue;
    const parent = includedConfig(include.path, { file: path, line: include.line }, configs, view, problems);
    if (!parent) continue;
    consumed.push(parent.file);
    if (parent.inputs && parent.inputs.kind !== 'object' && inputs?.kind === 'object') {
      problems.push(problemAt('iac/unresolved', { file: path, line: include.line }, `the inputs of ${shown(parent.file)} could not be resolved from the code — the values they may give this unit's module are not judged`, 'warning'));
    }
    inputs = mergedInputs(inputs, parent.inputs, include.mergeStrategy, include.line);
    if (!source && parent.source) [source, sourceLine] = [parent.source, include.line];
  }
  // Without a source, Terragrunt runs the Terraform code beside the unit; a configuration with none (one the units
  // include) deploys nothing of its own: its values matter only as each unit that includes it reads them, where what
  // cannot be read of them is said.
  if (!source) {
    // Beside the configuration: a stack copies its catalog's unit, code and all, where it generates it.
    const beside = dirname(path);
    if (!(view.list(beside) ?? []).some(looksLikeTerraform)) return { models: [], problems: [], consumed };
    [source, sourceLine] = [scalar(beside, 1), 1];
  }
  const at = { file: path, line: sourceLine ?? 1 };
  if (source.kind !== 'scalar' || typeof source.value !== 'string') {
    problems.push(problemAt('iac/unresolved', at, `terraform.source could not be resolved from the code${source.kind === 'unknown' ? ` (${shown(source.dependsOn.join(', '), 120)})` : ''} — the unit's module is not judged`));
    return { models: [], problems, consumed };
  }
  if (inputs && inputs.kind !== 'object' && inputs.kind !== 'unknown') {
    problems.push(problemAt('iac/invalid-resource', { file: path, line: inputs.line }, 'inputs is not an object — Terragrunt rejects the unit; its module is not judged'));
    return { models: [], problems, consumed };
  }
  const given = inputs?.kind === 'object' ? inputs.fields : new Map<string, IacValue>();
  if (inputs?.kind === 'unknown') problems.push(problemAt('iac/unresolved', { file: path, line: inputs.line }, `the unit's inputs could not be resolved from the code (${shown(inputs.dependsOn.join(', '), 120)}) — its module is judged with its variables' defaults`, 'warning'));
  const resources = await unitResources(source.value, at, given, unitDirectory, view, context, problems, consumed);
  const { assets, problems: judged } = iacNetworkAssets(resources, unitDirectory);
  return { models: assets, problems: [...problems, ...judged], consumed };
}

function includedConfig(path: IacValue | undefined, at: { file: string; line: number }, configs: TerragruntConfigs, view: HostView, problems: InputProblem[]): UnitConfig | undefined {
  const written = stringOf(path);
  const target = written === undefined ? undefined : configs.located(written);
  if (!target) {
    const what = written === undefined ? 'the file this include names is not known from the code' : `the file this include names, ${quoted(relative(configs.unitDirectory, resolve(configs.unitDirectory, written)), 120)}, is not a file here (Terragrunt would fail)`;
    problems.push(problemAt('iac/unsupported', at, `${what} — what it gives the unit is not judged`, 'warning'));
    return undefined;
  }
  if ('outside' in target) {
    problems.push(problemAt('input/outside-boundary', at, `the include's file is looked for outside ${view.bound} (${shown(target.outside)}) — not read, what it gives the unit is not judged; scan the directory that holds both`, 'warning'));
    return undefined;
  }
  const config = configs.config(target.file, true);
  return config === 'cycle' ? undefined : config;
}

/** The resources the unit's module deploys with its inputs. */
async function unitResources(written: string, at: { file: string; line: number }, inputs: ReadonlyMap<string, IacValue>, unitDirectory: string, view: HostView, context: LoadContext, problems: InputProblem[], consumed: string[]): Promise<IacResource[]> {
  const source = unitSource(written);
  if (source.kind === 'local') {
    const directory = resolve(unitDirectory, source.path);
    const located = view.locate(directory);
    if (located.kind === 'outside') {
      problems.push(problemAt('input/outside-boundary', at, `the unit's module ${quoted(written, 120)} is outside ${view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning'));
      return [];
    }
    if (located.kind !== 'found' || !located.directory) {
      problems.push(problemAt('iac/invalid-resource', at, `the unit's module ${quoted(written, 120)} is not a directory here — its resources are not judged; Terragrunt would fail too`));
      return [];
    }
    const files = moduleFiles(directory, context);
    append(problems, files.problems);
    const module = await rootModuleResources(files.files, directory, context, { varFiles: [], inputs }, problems);
    append(consumed, [...files.files.map((file) => file.path), ...module.consumed]);
    return module.resources;
  }
  const address = source.kind === 'registry' ? source.address : source.source;
  const known = knownModule(address, callOf(source.kind === 'registry' ? source.version : undefined, inputs));
  if (!known || 'unsupported' in known) {
    // tfr://terraform-aws-modules/… takes the namespace for the registry's host: tfr:/// is the public registry.
    const hostless = source.kind === 'remote' && source.hostless !== undefined ? ` (${quoted(source.hostless, 60)} is taken for the registry's host: tfr:/// names the public registry)` : '';
    const why = known && 'unsupported' in known ? ` (${known.unsupported})` : hostless;
    problems.push(problemAt('iac/unsupported', at, `the unit's module comes from ${quoted(written, 120)}, which Parapet does not fetch${why}: its resources are not judged — scan the plan (terragrunt plan -out, then show -json), which holds them`, 'warning'));
    return [];
  }
  if (known.note) problems.push(problemAt('iac/invalid-resource', at, `the unit's module ${known.note}`, 'warning'));
  const instance = known.module.instance(inputs, { file: at.file, line: at.line, prefix: '', name: 'inputs', problems });
  return instance.resources;
}

/** The unit as a module call, for the version and the arguments it is written for. */
function callOf(version: string | undefined, inputs: ReadonlyMap<string, IacValue>): CallShape {
  const shape = (value: IacValue) => (value.kind === 'list' ? 'list' : value.kind === 'object' ? 'map' : 'value');
  return { version, arguments: new Map([...inputs].map(([name, value]) => [name, shape(value)])) };
}
