import { basename, join } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import type { LoadContext } from '../../inputs/input-format.js';
import type { SourceLocation } from '../../model/location.js';
import { terraformDeclarations } from '../terraform/module.js';
import { looksLikeTerraform } from './detect-terraform.js';
import { moduleFiles } from './module-files.js';

const MAX_MODULE_DEPTH = 8;
const INSTANCE_KEY = /\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g;

/**
 * Where each resource of a plan is declared, when the module's .tf files are in the scanned tree beside the plan: the
 * root module in the plan's directory, and the local modules it calls (`source = "./modules/db"`), inside the tree.
 * Instances (`[0]`, `["a"]`) are declared by their resource block.
 */
export async function planLocator(directory: string, context: LoadContext): Promise<(address: string) => SourceLocation | undefined> {
  const declared = new Map<string, SourceLocation>();
  const view = treeView(context.tree ?? directory);
  const visit = async (moduleDirectory: string, prefix: string, depth: number): Promise<void> => {
    const { files } = moduleFiles(moduleDirectory, context);
    if (!files.some((file) => looksLikeTerraform(basename(file.path)))) return;
    const { resources, moduleCalls } = await terraformDeclarations(files);
    for (const [address, location] of resources) declared.set(`${prefix}${address}`, location);
    if (depth >= MAX_MODULE_DEPTH) return;
    for (const call of moduleCalls) {
      if (!call.source.startsWith('./') && !call.source.startsWith('../')) continue;
      const located = view.locate(join(moduleDirectory, call.source));
      if (located.kind === 'found' && located.directory) await visit(join(moduleDirectory, call.source), `${prefix}module.${call.name}.`, depth + 1);
    }
  };
  await visit(directory, '', 0);
  return declared.size === 0 ? () => undefined : (address) => declared.get(address.replace(INSTANCE_KEY, ''));
}
