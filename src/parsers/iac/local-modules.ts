import { isAbsolute, join, resolve } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { append } from '../../model/append.js';
import { quoted, shown } from '../../model/quote.js';
import { isLocalSource, moduleCallsOf } from '../terraform/module-calls.js';
import { MAX_MODULE_DEPTH, type ModuleLibrary, type ParsedModule } from '../terraform/module-tree.js';
import { parseModule } from '../terraform/module.js';
import { callShape, knownModule, type KnownModule } from '../terraform/known-modules.js';
import { moduleFiles } from './module-files.js';

export interface LocalModules {
  library: ModuleLibrary;
  problems: InputProblem[];
  /** The called modules' files: judged as part of the root module, and not again on their own. */
  consumed: string[];
}

/** Where `terraform init` records the modules it fetched, relative to the root module. */
const MODULES_JSON = join('.terraform', 'modules', 'modules.json');

/**
 * The modules a root module calls, and those they call in turn, read and parsed once each: from the local file system
 * (`./modules/sg`), or, for a module Terraform fetches (a registry, Git), where `terraform init` put it, as its
 * .terraform/modules/modules.json says. A module's code is read only inside the scanned tree; a source that is not a
 * directory, and a cycle of calls, are errors, as `terraform init` and `plan` fail on them; a fetched module that was
 * not fetched is a warning.
 */
export async function localModules(root: ParsedModule, rootDirectory: string, context: LoadContext): Promise<LocalModules> {
  const modules = new Map<string, { directory: string; parsed: ParsedModule }>();
  const parsedByDirectory = new Map<string, ParsedModule>();
  const problems: InputProblem[] = [];
  const consumed: string[] = [];
  const known = new Map<string, KnownModule>();
  const view = treeView(context.tree ?? rootDirectory);
  const fetched = fetchedModules(rootDirectory, context, problems);

  async function read(caller: ParsedModule, callerDirectory: string, callerKey: string, chain: string[]): Promise<void> {
    for (const { file, blocks } of caller.configurations) {
      for (const call of moduleCallsOf(blocks)) {
        const at = { file: file.path, line: call.line };
        const name = `module.${shown(call.name, 60)}`;
        const key = callerKey === '' ? call.name : `${callerKey}.${call.name}`;
        const fetchedDirectory = fetched.get(key);
        if (!isLocalSource(call.source) && fetchedDirectory === undefined) {
          const recognised = knownModule(call.source, callShape(call.block));
          if (recognised && 'module' in recognised) {
            known.set(key, recognised.module);
            if (recognised.note) problems.push(problemAt('iac/invalid-resource', at, `${name} ${recognised.note}`, 'warning'));
            continue;
          }
          const message = `${name} comes from ${quoted(call.source, 120)}, which Parapet does not fetch${recognised ? ` (${recognised.unsupported})` : ''}: its resources are judged only where terraform init put its code in the scanned tree (.terraform/modules) — or scan the plan (terraform show -json), which holds them`;
          problems.push(problemAt('iac/unsupported', at, message, 'warning'));
          continue;
        }
        const directory = isLocalSource(call.source) ? join(callerDirectory, call.source) : fetchedDirectory!;
        const located = view.locate(directory);
        if (located.kind === 'outside') {
          problems.push(problemAt('input/outside-boundary', at, `${name} comes from ${quoted(call.source, 120)}, outside ${view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning'));
        } else if (located.kind !== 'found' || !located.directory) {
          problems.push(problemAt('iac/invalid-resource', at, `${name} comes from ${quoted(call.source, 120)}, which is not a directory here — its resources are not judged; terraform init would fail too`));
        } else if (chain.includes(resolve(directory))) {
          problems.push(problemAt('iac/invalid-resource', at, `${name} calls a module that is calling it — Terraform rejects the cycle; it is not judged`));
        } else if (chain.length > MAX_MODULE_DEPTH) {
          problems.push(problemAt('iac/unsupported', at, `${name} is more than ${MAX_MODULE_DEPTH} module calls deep — it is not judged; flatten the modules`));
        } else {
          let parsed = parsedByDirectory.get(resolve(directory));
          if (!parsed) {
            const files = moduleFiles(directory, context);
            append(problems, files.problems);
            append(consumed, files.files.map((each) => each.path));
            parsed = await parseModule(files.files);
            // Said once, whether the module makes one instance, many, or none (count = 0): Terraform reads it all the same.
            append(problems, parsed.problems);
            parsedByDirectory.set(resolve(directory), parsed);
          }
          if (modules.has(key)) continue;
          modules.set(key, { directory: resolve(directory), parsed });
          await read(parsed, directory, key, [...chain, resolve(directory)]);
        }
      }
    }
  }

  await read(root, rootDirectory, '', [resolve(rootDirectory)]);
  let resourceBlocks = 0;
  for (const parsed of parsedByDirectory.values()) for (const { blocks } of parsed.configurations) resourceBlocks += blocks.filter((block) => block.type === 'resource').length;
  return { library: { modules, known, resourceBlocks }, problems, consumed };
}

/** The directories `terraform init` fetched modules into, by key, from modules.json when the root module has one. */
function fetchedModules(rootDirectory: string, context: LoadContext, problems: InputProblem[]): Map<string, string> {
  const directories = new Map<string, string>();
  const path = join(rootDirectory, MODULES_JSON);
  const located = treeView(context.tree ?? rootDirectory).locate(path);
  if (located.kind !== 'found' || located.directory) return directories;
  const read = context.readFile(located.path);
  if ('id' in read) {
    problems.push({ ...read, file: path });
    return directories;
  }
  let entries: unknown;
  try {
    entries = (JSON.parse(read.text) as { Modules?: unknown }).Modules;
  } catch {
    entries = undefined;
  }
  if (!Array.isArray(entries)) {
    problems.push(problemAt('iac/syntax', { file: path, line: 1 }, 'not the modules.json terraform init writes (an object whose Modules is a list) — the fetched modules are not judged; run terraform init again', 'warning'));
    return directories;
  }
  for (const entry of entries as { Key?: unknown; Dir?: unknown }[]) {
    if (typeof entry?.Key !== 'string' || typeof entry.Dir !== 'string' || entry.Key === '') continue;
    directories.set(entry.Key, isAbsolute(entry.Dir) ? entry.Dir : join(rootDirectory, entry.Dir));
  }
  return directories;
}
