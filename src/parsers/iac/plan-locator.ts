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
  return declared.size === 0 ? () => undefined : (address) => declared.get(address.replace(INSTANCE_KEY, ''));
}

/** Each resource block of a module, by its address (the first block of one, as Terraform rejects a second). */
function declare(declared: Map<string, SourceLocation>, module: ParsedModule, prefix: string): void {
  for (const { file, blocks } of module.configurations) {
    for (const block of blocks) {
      const address = `${prefix}${block.labels[0]}.${block.labels[1]}`;
      if (block.type === 'resource' && block.labels.length === 2 && !declared.has(address)) declared.set(address, { file: file.path, line: block.line });
    }
  }
}
