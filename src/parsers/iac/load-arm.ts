import { basename, dirname, join } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import { headOf, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import { quoted } from '../../model/quote.js';
import { looksLikeArmParameters, parametersPairedWith } from '../arm/detect.js';
import { armTemplate } from '../arm/template.js';
import { armParametersDeployment } from './arm-parameters-deployment.js';
import { IAC_ADVICE } from './assets.js';
import { templateAssets } from './load-template.js';

/**
 * An ARM template, or a parameters file judged as the deployment of the file it is for, its assets named within it. A
 * template scanned without the parameters file beside it says where its unresolved values are given.
 */
export async function loadArm(file: InputFile, context: LoadContext): Promise<LoadResult> {
  if (looksLikeArmParameters(headOf(file.text))) return templateAssets(await armParametersDeployment(file, context), file.path);
  return templateAssets(armTemplate(file, context.iac?.parameters ?? new Map()), file.path, adviceFor(file, context));
}

function adviceFor(file: InputFile, context: LoadContext): string {
  const name = parametersPairedWith(basename(file.path));
  if (name === undefined) return IAC_ADVICE.template;
  const located = treeView(context.tree ?? dirname(file.path)).locate(join(dirname(file.path), name));
  return located.kind === 'found' && !located.directory ? `${IAC_ADVICE.template}, or scan the template with ${quoted(name)} beside it, which gives them` : IAC_ADVICE.template;
}
