import type { LoadInput } from '../../inputs/input-format.js';
import { bicepParser } from '../bicep/parser.js';
import { bicepTemplate } from '../bicep/template.js';
import { IAC_ADVICE, iacNetworkAssets } from './assets.js';

/** The Bicep loader, once its parser is loaded: a file's resources and those of the modules it calls, judged as assets named within the file. */
export async function bicepLoader(): Promise<LoadInput> {
  const parser = await bicepParser();
  return (file, context) => {
    const loaded = bicepTemplate(parser, file, context.iac?.parameters ?? new Map(), context);
    const { assets, problems } = iacNetworkAssets(loaded.resources, file.path, IAC_ADVICE.template);
    return { models: assets, problems: [...loaded.problems, ...problems], consumed: loaded.consumed };
  };
}
