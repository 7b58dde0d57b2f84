import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { IacLoad } from '../iac/front-end.js';
import type { IacResource, IacValue } from '../iac/value.js';
import { FileState, ValueBudgetExceeded } from './file-state.js';
import { isObjectJson, member, parseTemplateJson, type ArmJsonObject } from './json-tree.js';
import { MAX_VALUES } from './limits.js';
import { walkResources } from './resources.js';
import { TemplateScope } from './scope.js';

/**
 * An ARM template (JSON deploymentTemplate): its NSGs and security rules with expressions evaluated as far as the
 * template and the given parameters (--parameter key=value) allow. A template that is not JSON is not judged at all.
 */
export function armTemplate(file: InputFile, parameters: ReadonlyMap<string, string>): IacLoad {
  const read = readTemplate(file);
  if ('id' in read) return { resources: [], problems: [read] };
  const state = new FileState(file.path, read.values);
  return { resources: templateResources(read.template, state, commandLineValues(parameters)), problems: state.problems };
}

/** A template file's template and how many JSON values it holds, or why it holds none. */
export function readTemplate(file: InputFile): { template: ArmJsonObject; values: number } | InputProblem {
  const parsed = parseTemplateJson(file.text);
  if (!parsed.ok) return problemAt('iac/syntax', { file: file.path, line: parsed.line }, `${parsed.reason} — the template was not judged; fix it and scan again`);
  if (parsed.root.kind !== 'object') return problemAt('iac/syntax', { file: file.path, line: parsed.root.line }, 'the template is not a JSON object — not judged; scan a deploymentTemplate file');
  const template = templateOf(parsed.root);
  if (template === undefined) {
    return problemAt('iac/syntax', { file: file.path, line: parsed.root.line }, 'the file names a deploymentTemplate $schema but holds no template (no "resources") — not judged; scan the template itself');
  }
  return { template, values: parsed.values };
}

/** --parameter key=value, by lower-case name: they win over a parameters file's values. */
export function commandLineValues(parameters: ReadonlyMap<string, string>, over: ReadonlyMap<string, IacValue> = new Map()): Map<string, string | IacValue> {
  const given = new Map<string, string | IacValue>(over);
  for (const [key, value] of parameters) given.set(key.toLowerCase(), value);
  return given;
}

/**
 * The resources of a template, evaluated with the values `given` (lower-case parameter name → text from the command
 * line, or a value already evaluated, in another file when `givenElsewhere`). Problems go to `state`.
 */
export function templateResources(template: ArmJsonObject, state: FileState, given: ReadonlyMap<string, string | IacValue>, givenElsewhere = false): IacResource[] {
  const resources: IacResource[] = [];
  try {
    walkResources(member(template, 'resources'), { scope: new TemplateScope(state, template, given, givenElsewhere), loops: [], deploymentDepth: 0, out: resources });
  } catch (error) {
    // The evaluation's depth is bounded (MAX_EVALUATION_DEPTH) well below the stack; this is the last line of defence.
    if (error instanceof RangeError) {
      state.report('iac/unsupported', undefined, `the template nests too deeply to evaluate — the resources after the first ${resources.length} were not judged; simplify it`, 'error');
      return resources;
    }
    if (!(error instanceof ValueBudgetExceeded)) throw error;
    state.report('iac/unsupported', undefined, `the template expands to more than ${MAX_VALUES} values beyond its own (copy loops inside copy loops?) — the resources after the first ${resources.length} were not judged; reduce the copy counts`, 'error');
  }
  return resources;
}

/**
 * The template: the file itself, or the one a wrapper holds in `properties.template` (a Blueprint template artifact,
 * an exported deployment); undefined when there is none. A template without resources has an empty "resources".
 */
function templateOf(root: ArmJsonObject): ArmJsonObject | undefined {
  if (member(root, 'resources') !== undefined) return root;
  const properties = member(root, 'properties');
  const wrapped = isObjectJson(properties) ? member(properties, 'template') : undefined;
  return isObjectJson(wrapped) && member(wrapped, 'resources') !== undefined ? wrapped : undefined;
}
