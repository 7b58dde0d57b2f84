import { headOf, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import { looksLikeArmParameters } from '../arm/detect.js';
import { armTemplate } from '../arm/template.js';
import { armParametersDeployment } from './arm-parameters-deployment.js';
import { loadTemplate, templateAssets } from './load-template.js';

const loadTemplateFile = loadTemplate(armTemplate);

/** An ARM template, or a parameters file judged as the deployment of the file it is for, its assets named within it. */
export async function loadArm(file: InputFile, context: LoadContext): Promise<LoadResult> {
  if (!looksLikeArmParameters(headOf(file.text))) return loadTemplateFile(file, context);
  return templateAssets(await armParametersDeployment(file, context), file.path);
}
