import { dirname, join, resolve } from 'node:path';
import type { Node, Parser } from 'web-tree-sitter';
import { treeView, type HostView } from '../../inputs/host-view.js';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext } from '../../inputs/input-format.js';
import { quoted } from '../../model/quote.js';
import { FileState, ValueBudgetExceeded } from '../arm/file-state.js';
import type { ArmJsonObject } from '../arm/json-tree.js';
import { MAX_DEPLOYMENT_DEPTH, MAX_VALUES } from '../arm/limits.js';
import { reportUndeclared, type AssignedParameters } from '../arm/parameters-file.js';
import { TemplateScope } from '../arm/scope.js';
import { commandLineValues, templateResources } from '../arm/template.js';
import type { IacLoad } from '../iac/front-end.js';
import { scalar, unknown, type IacResource, type IacUnknown, type IacValue } from '../iac/value.js';
import { firstSyntaxError, parseInTime } from '../tree-sitter/parse.js';
import { literalString } from './arm-expression.js';
import { withReadableTypes } from './readable-types.js';
import { knownRegistryModule } from './registry-modules.js';
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
 * parameters file (`.bicepparam`) is the Bicep file it uses, deployed with its values. A file with a syntax error is
 * not judged at all; a module with one is not judged, and the rest of its caller is.
 */
export function bicepTemplate(parser: Parser, file: InputFile, parameters: ReadonlyMap<string, string>, context: LoadContext): BicepLoad {
  const state = new FileState(file.path);
  const modules = new BicepModules(parser, context, state, treeView(context.tree ?? dirname(file.path)));
  const resources = withinBudget(state, () => (isParametersFile(file.path) ? deployedWith(file, parameters, modules) : deployed(file, new Map(), parameters, modules)));
  return { resources, problems: state.problems, consumed: modules.consumed };
}

/**
 * A Bicep file deployed with the values of a JSON parameters file (`--parameters main.parameters.json`), whose
 * evaluation `state` is: what it meets in the Bicep file is that file's. `consumed` holds the Bicep file and its modules.
 */
export function bicepDeployment(parser: Parser, target: InputFile, values: ReadonlyMap<string, IacValue>, parameters: ReadonlyMap<string, string>, context: LoadContext, state: FileState, assigned: AssignedParameters): { resources: IacResource[]; consumed: string[] } {
  const modules = new BicepModules(parser, context, state, treeView(context.tree ?? dirname(target.path)));
  const resources = withinBudget(state, () => state.within(target.path, () => deployed(target, values, parameters, modules, assigned)));
  return { resources, consumed: [target.path, ...modules.consumed] };
}

function withinBudget(state: FileState, deploy: () => IacResource[]): IacResource[] {
  try {
    return deploy();
  } catch (failure) {
    if (!(failure instanceof ValueBudgetExceeded)) throw failure;
    state.report('iac/unsupported', undefined, `the file and what it reads hold more than ${MAX_VALUES} values — not judged; split them`, 'error');
    return [];
  }
}

export function isParametersFile(path: string): boolean {
  return path.toLowerCase().endsWith('.bicepparam');
}

/**
 * A Bicep file's resources, deployed with `values` (a parameters file's) and the command line's, which win. A
 * parameter the parameters file assigns and the Bicep file does not declare is an error at its line, as the deployment
 * is rejected.
 */
function deployed(file: InputFile, values: ReadonlyMap<string, IacValue>, parameters: ReadonlyMap<string, string>, modules: BicepModules, assigned?: AssignedParameters): IacResource[] {
  const translated = translateFile(file, modules, [resolve(file.path)], false);
  if (!translated) return [];
  if (assigned) {
    const declared = new Set([...translated.symbols.parameters].map((name) => name.toLowerCase()));
    reportUndeclared(assigned, (name) => declared.has(name), file.path, modules.state);
  }
  const resources = templateResources(translated.template, modules.state, commandLineValues(parameters, new Map([...translated.given, ...values])), values.size > 0);
  for (const resource of resources) resource.address = translated.symbols.readable(resource.address);
  return resources;
}

/**
 * A parameters file: its values (`param name = value`, which may read its own variables), evaluated, and the Bicep file
 * its `using` names deployed with them. Problems met there are that file's.
 */
function deployedWith(file: InputFile, parameters: ReadonlyMap<string, string>, modules: BicepModules): IacResource[] {
  const { state } = modules;
  // The grammar reads declarations: `param name = value` is written as one with a type, on the same line.
  const translated = translateFile({ ...file, text: file.text.replace(/^([ \t]*param[ \t]+[A-Za-z_]\w*[ \t]*)=/gm, '$1object =') }, modules, [resolve(file.path)], false);
  if (!translated) return [];
  if (!translated.using) {
    state.report('iac/invalid-resource', 1, 'the parameters file names no Bicep file (`using \'./main.bicep\'`) — nothing is judged with its values; name the file it is for', 'warning');
    return [];
  }
  const scope = new TemplateScope(state, translated.template, translated.given);
  const values = new Map<string, IacValue>();
  const names = new Map<string, { name: string; line: number }>();
  const declarations = translated.template.members.get('parameters')?.value;
  for (const name of translated.symbols.parameters) {
    values.set(name.toLowerCase(), scope.parameter(name, 1));
    const declaration = declarations?.kind === 'object' ? declarations.members.get(name.toLowerCase())?.value : undefined;
    names.set(name.toLowerCase(), { name, line: declaration?.line ?? 1 });
  }
  const target = modules.locate(translated.using.path, translated.using.line, dirname(file.path), [resolve(file.path)], 'the Bicep file');
  if (!target) return [];
  return state.within(target.path, () => deployed(target, values, parameters, modules, { file: file.path, names }));
}

interface Translated {
  template: ArmJsonObject;
  symbols: BicepSymbols;
  /** The values the template gives itself: the unknowns its translation stands in for, and its parameters without a default. */
  given: Map<string, IacValue>;
  /** A parameters file's `using`: the Bicep file its values are for. */
  using?: { path: string; line: number };
}

/**
 * One file, parsed and translated with the values and problems it meets attributed to it; undefined when it is not
 * valid Bicep. A parameter without a default is unknown, except a nullable one (`string[]?`) of a module, which is
 * null when its call does not give it, as Bicep deploys it.
 */
function translateFile(file: InputFile, modules: BicepModules, chain: readonly string[], module: boolean): Translated | undefined {
  const { state } = modules;
  const tree = parseInTime(modules.parser, withReadableTypes(file.text));
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
    const symbols = new BicepSymbols(state, modules.unknowns, (written, call) => modules.readBeside(written, call.startPosition.row + 1, dirname(file.path)));
    const template = bicepToArm(tree.rootNode, symbols, (path, call) => modules.read(path, call, dirname(file.path), chain));
    const given = new Map<string, IacValue>(symbols.unknowns);
    for (const name of symbols.parameters) {
      if (!hasDefault(template, name)) given.set(name.toLowerCase(), module && symbols.nullable.has(name) ? scalar(null, 1) : unknown(1, [name]));
    }
    const using = tree.rootNode.namedChildren.find((child) => child?.type === 'using_statement')?.namedChildren.find((child) => child?.type === 'string');
    const usingPath = using ? literalString(using) : undefined;
    return { template, symbols, given, ...(using && usingPath !== undefined ? { using: { path: usingPath, line: using.startPosition.row + 1 } } : {}) };
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
    readonly parser: Parser,
    private readonly context: LoadContext,
    readonly state: FileState,
    private readonly view: HostView,
  ) {}

  read(written: string, call: Node, directory: string, chain: readonly string[]): ArmJsonObject | undefined {
    const line = call.startPosition.row + 1;
    const known = knownRegistryModule(written, line);
    if (known) return known;
    if (/^(?:br|ts)[:/]/i.test(written)) {
      this.state.report('iac/unsupported', line, `the module ${quoted(written, 120)} comes from a registry or a template spec, which Parapet does not fetch — its resources are not judged; scan its source`, 'warning');
      return undefined;
    }
    const file = this.locate(written, line, directory, chain, 'the module');
    if (!file) return undefined;
    const translated = this.state.within(file.path, () => translateFile(file, this, [...chain, resolve(file.path)], true));
    if (!translated) return undefined;
    translated.template.origin = { file: file.path, given: translated.given };
    return translated.template;
  }

  /** A file a build-time function reads (`loadJsonContent('rules.json')`): its text, read inside the scanned tree. */
  readBeside(written: string, line: number, directory: string): string | undefined {
    return this.locate(written, line, directory, [], 'the file read at build time', 'what it gives is judged unknown')?.text;
  }

  /** The file a module call or a `using` names, read inside the scanned tree; undefined when it cannot be (said at `line`). */
  locate(written: string, line: number, directory: string, chain: readonly string[], what: string, consequence = 'its resources are not judged'): InputFile | undefined {
    const named = `${what} ${quoted(written, 120)}`;
    const located = this.view.locate(join(directory, written));
    if (located.kind === 'outside') {
      this.state.report('input/outside-boundary', line, `${named} is outside ${this.view.bound} — not read, ${consequence}; scan the directory that holds both`, 'warning');
      return undefined;
    }
    if (located.kind !== 'found' || located.directory) {
      this.state.report('iac/invalid-resource', line, `${named} is not a file here — ${consequence}; bicep build would fail too`, 'error');
      return undefined;
    }
    if (chain.includes(resolve(located.path))) {
      this.state.report('iac/invalid-resource', line, `${named} calls the file that calls it — Bicep rejects the cycle; it is not judged`, 'error');
      return undefined;
    }
    if (chain.length > MAX_DEPLOYMENT_DEPTH) {
      this.state.report('iac/unsupported', line, `${named} is more than ${MAX_DEPLOYMENT_DEPTH} module calls deep — it is not judged; flatten the modules`, 'error');
      return undefined;
    }
    const file = this.context.readFile(located.path);
    if ('id' in file) {
      this.state.report(file.id, line, `${named} could not be read (${file.message}) — ${consequence}`, 'error');
      return undefined;
    }
    if (!this.consumed.includes(file.path)) this.consumed.push(file.path);
    return file;
  }
}

function hasDefault(template: ArmJsonObject, name: string): boolean {
  const parameters = template.members.get('parameters')?.value;
  const declaration = parameters?.kind === 'object' ? parameters.members.get(name.toLowerCase())?.value : undefined;
  return declaration?.kind === 'object' && declaration.members.has('defaultvalue');
}
