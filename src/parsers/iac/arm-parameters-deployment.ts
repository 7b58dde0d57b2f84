import { basename, dirname, join } from 'node:path';
import { treeView } from '../../inputs/host-view.js';
import { headOf, type InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { looksLikeArmTemplate, templatesPairedWith } from '../arm/detect.js';
import { FileState } from '../arm/file-state.js';
import { isObjectJson, member, parseTemplateJson } from '../arm/json-tree.js';
import { parameterValues, reportUndeclared } from '../arm/parameters-file.js';
import { commandLineValues, readTemplate, templateResources } from '../arm/template.js';
import type { IacResource } from './value.js';

/**
 * A parameters file (deploymentParameters.json#) as it is deployed: the template or Bicep file it is paired with by
 * name (templatesPairedWith), evaluated with its values and the command line's, which win. The file it is for is read
 * as part of it (`consumed`); what is met there is that file's.
 */
export async function armParametersDeployment(file: InputFile, context: LoadContext): Promise<{ resources: IacResource[]; problems: InputProblem[]; consumed: string[] }> {
  const none = (problem: InputProblem) => ({ resources: [], problems: [problem], consumed: [] });
  const parsed = parseTemplateJson(file.text);
  if (!parsed.ok) return none(problemAt('iac/syntax', { file: file.path, line: parsed.line }, `${parsed.reason} — the parameters file was not used; fix it and scan again`));
  const parameters = parsed.root.kind === 'object' ? member(parsed.root, 'parameters') : undefined;
  if (!isObjectJson(parameters)) {
    return none(problemAt('iac/syntax', { file: file.path, line: parsed.root.line }, 'the file names the deploymentParameters $schema but holds no "parameters" object — not used; fix it and scan again'));
  }
  const target = pairedFile(file, context);
  if ('id' in target) return none(target);
  const given = context.iac?.parameters ?? new Map<string, string>();
  const assigned = { file: file.path, names: new Map([...parameters.members.values()].map(({ key, value }) => [key.toLowerCase(), { name: key, line: value.line }])) };
  if (target.path.toLowerCase().endsWith('.bicep')) {
    const state = new FileState(file.path, parsed.values);
    const values = parameterValues(parameters, state);
    const [{ bicepParser }, { bicepDeployment }] = await Promise.all([import('../bicep/parser.js'), import('../bicep/template.js')]);
    const deployed = bicepDeployment(await bicepParser(), target, values, given, context, state, assigned);
    return { ...deployed, problems: state.problems };
  }
  const template = readTemplate(target);
  if ('id' in template) return { resources: [], problems: [template], consumed: [target.path] };
  const state = new FileState(file.path, parsed.values + template.values);
  const values = parameterValues(parameters, state);
  const declared = member(template.template, 'parameters');
  reportUndeclared(assigned, (name) => isObjectJson(declared) && member(declared, name) !== undefined, target.path, state);
  const resources = state.within(target.path, () => templateResources(template.template, state, commandLineValues(given, values), true));
  return { resources, problems: state.problems, consumed: [target.path] };
}

/** The template or Bicep file beside a parameters file that its name pairs it with, read inside the scanned tree; else why none is used. */
function pairedFile(file: InputFile, context: LoadContext): InputFile | InputProblem {
  const directory = dirname(file.path);
  const view = treeView(context.tree ?? directory);
  const names = templatesPairedWith(basename(file.path));
  for (const name of names) {
    const located = view.locate(join(directory, name));
    if (located.kind === 'outside') {
      return problemAt('input/outside-boundary', { file: file.path, line: 1 }, `the file it is for, ${quoted(name)}, is outside ${view.bound} — not read, nothing is judged with its values; scan the directory that holds both`, 'warning');
    }
    if (located.kind === 'unreadable') return problemAt('input/unreadable', { file: file.path, line: 1 }, `the file it is for, ${quoted(name)}, could not be read (${located.code}) — nothing is judged with its values`);
    if (located.kind !== 'found' || located.directory) continue;
    const read = context.readFile(located.path);
    if ('id' in read) return problemAt(read.id, { file: file.path, line: 1 }, `the file it is for, ${quoted(name)}, could not be read (${read.message}) — nothing is judged with its values`);
    if (name.toLowerCase().endsWith('.json') && !looksLikeArmTemplate(name, headOf(read.text))) continue;
    return read;
  }
  const expected = names.length > 0 ? names.map((name) => quoted(name)).join(' or ') : 'NAME.json or NAME.bicep beside NAME.parameters.json';
  return problemAt('iac/unresolved', { file: file.path, line: 1 }, `a parameters file, for no template found here (${expected}) — nothing is judged with its values; scan it beside its template, or pass them with --parameter`, 'warning');
}
