import { bicepParser } from '../bicep/parser.js';
import { bicepTemplate } from '../bicep/template.js';
import { loadTemplate } from './load-template.js';

/** The Bicep loader, once its parser is loaded. */
export async function bicepLoader(): Promise<ReturnType<typeof loadTemplate>> {
  const parser = await bicepParser();
  return loadTemplate((file, parameters) => bicepTemplate(parser, file, parameters));
}
