import { basename } from 'node:path';
import type { LoadContext } from '../../inputs/input-format.js';
import type { SourceLocation } from '../../model/location.js';
import type { ParsedModule } from '../terraform/module-tree.js';
import { parseModule } from '../terraform/module.js';
import { looksLikeTerraform } from './detect-terraform.js';
import { localModules } from './local-modules.js';
import { moduleFiles } from './module-files.js';

const INSTANCE_KEY = /\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g;

/**
 * Where each resource of a plan is declared, when the module's .tf files are in the scanned tree beside the plan: the
 * root module in the plan's directory, and the modules it calls, read as a scan of the root module reads them (local
 * ones, and fetched ones where terraform init put them). Instances (`[0]`, `["a"]`) are declared by their resource block.
 */
export async function planLocator(directory: string, context: LoadContext): Promise<(address: string) => SourceLocation | undefined> {
  const { files } = moduleFiles(directory, context);
  if (!files.some((file) => looksLikeTerraform(basename(file.path)))) return () => undefined;
  const root = await parseModule(files);
  const declared = new Map<string, SourceLocation>();
  declare(declared, root, '');
  for (const [key, { parsed }] of (await localModules(root, directory, context)).library.modules) declare(declared, parsed, key.split('.').map((name) => `module.${name}.`).join(''));
  return declared.size === 0 ? () => undefined : (address) => locate(declared, address.replace(INSTANCE_KEY, ''));
}

/**
 * A resource by its address; one of a module that is not read here (from a registry, not fetched) is where the
 * innermost call of it that is.
 */
function locate(declared: Map<string, SourceLocation>, address: string): SourceLocation | undefined {
  const found = declared.get(address);
  if (found) return found;
  const steps = address.split('.');
  for (let end = steps.length - 2; end >= 2; end -= 2) {
    if (steps[end - 2] !== 'module') continue;
    const call = declared.get(steps.slice(0, end).join('.'));
    if (call) return call;
  }
  return undefined;
}

/** Each resource block and module call of a module, by its address (the first block of one, as Terraform rejects a second). */
function declare(declared: Map<string, SourceLocation>, module: ParsedModule, prefix: string): void {
  for (const { file, blocks } of module.configurations) {
    for (const block of blocks) {
      const address = block.type === 'module' ? `${prefix}module.${block.labels[0]}` : `${prefix}${block.labels[0]}.${block.labels[1]}`;
      const declares = (block.type === 'resource' && block.labels.length === 2) || (block.type === 'module' && block.labels.length === 1);
      if (declares && !declared.has(address)) declared.set(address, { file: file.path, line: block.line });
    }
  }
}
