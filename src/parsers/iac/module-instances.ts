import { join, resolve } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted, shown } from '../../model/quote.js';
import { append } from '../../model/append.js';
import { EvaluationBudget } from '../terraform/evaluate.js';
import { evaluateModule, parseModule, type LocalModuleCall, type ParsedModule } from '../terraform/module.js';
import type { IacResource } from './value.js';
import { moduleFiles } from './module-files.js';

/** Deeper calls than this are a cycle through links or hostile input, not infrastructure. */
const MAX_DEPTH = 16;
/** Module instances one root module may make, all calls and depths together, and the resources they may hold. */
const MAX_INSTANCES = 256;
const MAX_RESOURCES = 10_000;

export interface ModuleInstances {
  resources: IacResource[];
  problems: InputProblem[];
  /** The called modules' files: judged here, as part of the root module, and not again on their own. */
  consumed: string[];
}

/**
 * The resources of the modules a root module calls from the local file system, each instance with the values its
 * call gives (`module.sg.aws_security_group.this`), and of the modules they call in turn, as Terraform would plan
 * them. A module's code is read only inside the scanned tree.
 */
export async function moduleInstances(calls: LocalModuleCall[], rootDirectory: string, context: LoadContext): Promise<ModuleInstances> {
  const resources: IacResource[] = [];
  const problems = new Map<string, InputProblem>();
  const consumed = new Set<string>();
  const tree = context.tree ?? rootDirectory;
  const view = treeView(tree);
  const parsedModules = new Map<string, ParsedModule>();
  const budget = new EvaluationBudget();
  let instances = 0;
  const report = (problem: InputProblem): void => {
    const key = `${problem.id}\u0000${problem.file}\u0000${problem.line}\u0000${problem.message}`;
    if (!problems.has(key)) problems.set(key, problem);
  };

  let stopped = false;

  async function instantiate(calls: LocalModuleCall[], callerDirectory: string, prefix: string, chain: string[]): Promise<void> {
    for (const call of calls) {
      if (stopped) return;
      const at = { file: call.file, line: call.line };
      const name = `module.${shown(call.name, 60)}`;
      const directory = join(callerDirectory, call.source);
      const located = view.locate(directory);
      if (located.kind === 'outside') {
        report(problemAt('input/outside-boundary', at, `${name} comes from ${quoted(call.source, 120)}, outside ${view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning'));
        continue;
      }
      if (located.kind !== 'found' || !located.directory) {
        report(problemAt('iac/invalid-resource', at, `${name} comes from ${quoted(call.source, 120)}, which is not a directory here — its resources are not judged; terraform init would fail too`));
        continue;
      }
      if (chain.includes(resolve(directory))) {
        report(problemAt('iac/invalid-resource', at, `${name} calls a module that is calling it — Terraform rejects the cycle; it is not judged`));
        continue;
      }
      if (chain.length > MAX_DEPTH) {
        report(problemAt('iac/unsupported', at, `${name} is more than ${MAX_DEPTH} module calls deep — it is not judged; flatten the modules`));
        continue;
      }
      let parsed = parsedModules.get(resolve(directory));
      if (!parsed) {
        const read = moduleFiles(directory, context);
        read.problems.forEach(report);
        for (const file of read.files) consumed.add(file.path);
        parsed = await parseModule(read.files);
        parsedModules.set(resolve(directory), parsed);
      }
      for (const instance of call.instances) {
        const over = ++instances > MAX_INSTANCES ? `more than ${MAX_INSTANCES} instances` : resources.length > MAX_RESOURCES ? `more than ${MAX_RESOURCES} resources` : budget.exhausted ? 'more evaluation than any real module' : undefined;
        if (over) {
          report(problemAt('iac/unsupported', at, `the modules make ${over} — ${name}${shown(instance.key, 40)} and the instances after it are not judged; scan the plan (terraform show -json)`));
          stopped = true;
          return;
        }
        const instancePrefix = `${prefix}module.${call.name}${instance.key}.`;
        const loaded = await evaluateModule(parsed, { varFiles: [], addressPrefix: instancePrefix, inputs: instance.inputs, budget });
        append(resources, loaded.resources);
        loaded.problems.forEach(report);
        await instantiate(loaded.moduleCalls, directory, instancePrefix, [...chain, resolve(directory)]);
      }
    }
  }

  await instantiate(calls, rootDirectory, '', [resolve(rootDirectory)]);
  return { resources, problems: [...problems.values()], consumed: [...consumed] };
}
