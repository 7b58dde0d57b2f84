import { dirname, join, resolve } from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { treeView, type HostView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { quoted } from '../../model/quote.js';
import { FileState, ValueBudgetExceeded } from '../arm/file-state.js';
import type { ArmJsonObject } from '../arm/json-tree.js';
import { MAX_DEPLOYMENT_DEPTH, MAX_VALUES } from '../arm/limits.js';
import { templateResources } from '../arm/template.js';
import type { IacLoad } from '../iac/front-end.js';
import { scalar, unknown, type IacUnknown, type IacValue } from '../iac/value.js';
import { firstSyntaxError, parseInTime } from '../tree-sitter/parse.js';
import { withReadableParameterTypes } from './parameter-types.js';
import { BicepSymbols } from './symbols.js';
import { bicepToArm } from './to-arm.js';

/** What a Bicep file gives: its resources, its problems, and the module files it read (judged as part of it). */
export interface BicepLoad extends IacLoad {
  consumed: string[];
}

/**
 * A Bicep file: translated to the ARM template Bicep would build (to-arm.ts), the modules it calls included as the
 * nested deployments Bicep makes of them, then evaluated as ARM templates are, with the values given
 * (--parameter key=value). A parameter without a default or a given value is unknown, named as the file names it. A
 * file with a syntax error is not judged at all; a module with one is not judged, and the rest of its caller is.
 */
export function bicepTemplate(parser: Parser, file: InputFile, parameters: ReadonlyMap<string, string>, context: LoadContext): BicepLoad {
  const state = new FileState(file.path);
  const modules = new BicepModules(parser, context, state, treeView(context.tree ?? dirname(file.path)));
  let translated: Translated | undefined;
  try {
    translated = translateFile(parser, file, modules, [resolve(file.path)], false);
  } catch (failure) {
    if (!(failure instanceof ValueBudgetExceeded)) throw failure;
    state.report('iac/unsupported', undefined, `the file and its modules hold more than ${MAX_VALUES} values — not judged; split them`, 'error');
  }
  if (!translated) return { resources: [], problems: state.problems, consumed: modules.consumed };
  const given = new Map<string, string | IacValue>(translated.given);
  for (const [key, value] of parameters) given.set(key.toLowerCase(), value);
  const resources = templateResources(translated.template, state, given);
  for (const resource of resources) resource.address = translated.symbols.readable(resource.address);
  return { resources, problems: state.problems, consumed: modules.consumed };
}

interface Translated {
  template: ArmJsonObject;
  symbols: BicepSymbols;
  /** The values the template gives itself: the unknowns its translation stands in for, and its parameters without a default. */
  given: Map<string, IacValue>;
}

/**
 * One file, parsed and translated with the values and problems it meets attributed to it; undefined when it is not
 * valid Bicep. A parameter without a default is unknown, except a nullable one (`string[]?`) of a module, which is
 * null when its call does not give it, as Bicep deploys it.
 */
function translateFile(parser: Parser, file: InputFile, modules: BicepModules, chain: readonly string[], module: boolean): Translated | undefined {
  const { state } = modules;
  const tree = parseInTime(parser, withReadableParameterTypes(file.text));
  if (!tree) {
    state.report('iac/syntax', 1, 'the file takes too long to parse (malformed?) — not judged; fix it and scan again', 'error');
    return undefined;
  }
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) {
      state.report('iac/syntax', error.startPosition.row + 1, `not valid Bicep (${error.isMissing ? `missing ${error.type}` : 'unexpected text'}) — the file was not judged; fix it and scan again`, 'error');
      return undefined;
    }
    const symbols = new BicepSymbols(state, modules.unknowns);
    const template = bicepToArm(tree.rootNode, symbols, (path, call) => modules.read(path, call, dirname(file.path), chain));
    const given = new Map<string, IacValue>(symbols.unknowns);
    for (const name of symbols.parameters) {
      if (!hasDefault(template, name)) given.set(name.toLowerCase(), module && symbols.nullable.has(name) ? scalar(null, 1) : unknown(1, [name]));
    }
    return { template, symbols, given };
  } finally {
    tree.delete();
  }
}

/** The modules a scan of one Bicep file reads: inside the scanned tree only, each call at most MAX_DEPLOYMENT_DEPTH deep, no cycle. */
class BicepModules {
  readonly consumed: string[] = [];
  /** The unknowns of every file read, whose names are unique across them. */
  readonly unknowns = new Map<string, IacUnknown>();

  constructor(
    private readonly parser: Parser,
    private readonly context: LoadContext,
    readonly state: FileState,
    private readonly view: HostView,
  ) {}

  read(written: string, call: Node, directory: string, chain: readonly string[]): ArmJsonObject | undefined {
    const line = call.startPosition.row + 1;
    const named = quoted(written, 120);
    if (/^(?:br|ts)[:/]/i.test(written)) {
      this.state.report('iac/unsupported', line, `the module ${named} comes from a registry or a template spec, which Parapet does not fetch — its resources are not judged; scan its source`, 'warning');
      return undefined;
    }
    const located = this.view.locate(join(directory, written));
    if (located.kind === 'outside') {
      this.state.report('input/outside-boundary', line, `the module ${named} is outside ${this.view.bound} — not read, its resources are not judged; scan the directory that holds both`, 'warning');
      return undefined;
    }
    if (located.kind !== 'found' || located.directory) {
      this.state.report('iac/invalid-resource', line, `the module ${named} is not a file here — its resources are not judged; bicep build would fail too`, 'error');
      return undefined;
    }
    const path = resolve(located.path);
    if (chain.includes(path)) {
      this.state.report('iac/invalid-resource', line, `the module ${named} calls the file that calls it — Bicep rejects the cycle; it is not judged`, 'error');
      return undefined;
    }
    if (chain.length > MAX_DEPLOYMENT_DEPTH) {
      this.state.report('iac/unsupported', line, `the module ${named} is more than ${MAX_DEPLOYMENT_DEPTH} module calls deep — it is not judged; flatten the modules`, 'error');
      return undefined;
    }
    const file = this.context.readFile(located.path);
    if ('id' in file) {
      this.state.report(file.id, line, `the module ${named} could not be read (${file.message}) — its resources are not judged`, 'error');
      return undefined;
    }
    if (!this.consumed.includes(file.path)) this.consumed.push(file.path);
    const translated = this.state.within(file.path, () => translateFile(this.parser, file, this, [...chain, path], true));
    if (!translated) return undefined;
    translated.template.origin = { file: file.path, given: translated.given };
    return translated.template;
  }
}

function hasDefault(template: ArmJsonObject, name: string): boolean {
  const parameters = template.members.get('parameters')?.value;
  const declaration = parameters?.kind === 'object' ? parameters.members.get(name.toLowerCase())?.value : undefined;
  return declaration?.kind === 'object' && declaration.members.has('defaultvalue');
}
