import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import type { IacLoad } from './front-end.js';
import { IAC_ADVICE, iacNetworkAssets } from './assets.js';

/** A template read whole (CloudFormation, ARM): its resources judged as assets named within the file. */
export function loadTemplate(read: (file: InputFile, parameters: ReadonlyMap<string, string>) => IacLoad): (file: InputFile, context: LoadContext) => LoadResult {
  return (file, context) => templateAssets(read(file, context.iac?.parameters ?? new Map()), file.path);
}

/**
 * The assets of a template's resources, named within `within`, with the other files it read (`consumed`); `advice`:
 * how to give the values it could not resolve.
 */
export function templateAssets(loaded: IacLoad & { consumed?: string[] }, within: string, advice: string = IAC_ADVICE.template): LoadResult {
  const { assets, problems } = iacNetworkAssets(loaded.resources, within, advice);
  return { models: assets, problems: [...loaded.problems, ...problems], ...(loaded.consumed ? { consumed: loaded.consumed } : {}) };
}
