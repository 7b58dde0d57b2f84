import type { Parser } from 'web-tree-sitter';
import type { InputFile } from '../../inputs/input-file.js';
import { problemAt } from '../../model/problem.js';
import { FileState, ValueBudgetExceeded } from '../arm/file-state.js';
import { MAX_VALUES } from '../arm/limits.js';
import { templateResources } from '../arm/template.js';
import type { IacLoad } from '../iac/front-end.js';
import { unknown, type IacValue } from '../iac/value.js';
import { firstSyntaxError, parseInTime } from '../tree-sitter/parse.js';
import { BicepSymbols } from './symbols.js';
import { bicepToArm } from './to-arm.js';

/**
 * A Bicep file: translated to the ARM template Bicep would build (to-arm.ts), then evaluated as ARM templates are,
 * with the values given (--parameter key=value). A parameter without a default or a given value is unknown, named as
 * the file names it. A file with a syntax error is not judged at all.
 */
export function bicepTemplate(parser: Parser, file: InputFile, parameters: ReadonlyMap<string, string>): IacLoad {
  const tree = parseInTime(parser, file.text);
  if (!tree) return { resources: [], problems: [problemAt('iac/syntax', { file: file.path, line: 1 }, 'the file takes too long to parse (malformed?) — not judged; fix it and scan again')] };
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) {
      return { resources: [], problems: [problemAt('iac/syntax', { file: file.path, line: error.startPosition.row + 1 }, `not valid Bicep (${error.isMissing ? `missing ${error.type}` : 'unexpected text'}) — the file was not judged; fix it and scan again`)] };
    }
    const state = new FileState(file.path, tree.rootNode.descendantCount);
    const symbols = new BicepSymbols(state);
    let template;
    try {
      template = bicepToArm(tree.rootNode, symbols);
    } catch (failure) {
      if (!(failure instanceof ValueBudgetExceeded)) throw failure;
      state.report('iac/unsupported', undefined, `the file holds more than ${MAX_VALUES} values — not judged; split it`, 'error');
      return { resources: [], problems: state.problems };
    }
    const given = new Map<string, string | IacValue>(symbols.unknowns);
    for (const name of symbols.parameters) if (!hasDefault(template, name)) given.set(name.toLowerCase(), unknown(1, [name]));
    for (const [key, value] of parameters) given.set(key.toLowerCase(), value);
    const resources = templateResources(template, state, given);
    for (const resource of resources) resource.address = symbols.readable(resource.address);
    return { resources, problems: state.problems };
  } finally {
    tree.delete();
  }
}

function hasDefault(template: ReturnType<typeof bicepToArm>, name: string): boolean {
  const parameters = template.members.get('parameters')?.value;
  const declaration = parameters?.kind === 'object' ? parameters.members.get(name.toLowerCase())?.value : undefined;
  return declaration?.kind === 'object' && declaration.members.has('defaultvalue');
}
