import type { LoadInput } from '../../inputs/input-format.js';
import { bicepParser } from '../bicep/parser.js';
import { bicepTemplate } from '../bicep/template.js';
import { templateAssets } from './load-template.js';

/** The Bicep loader, once its parser is loaded: a file's resources and those of the modules it calls, judged as assets named within the file. */
export async function bicepLoader(): Promise<LoadInput> {
  const parser = await bicepParser();
  return (file, context) => templateAssets(bicepTemplate(parser, file, context.iac?.parameters ?? new Map(), context), file.path);
}
