import { relative, sep } from 'node:path';
import { append } from '../../model/append.js';
import { problemAt } from '../../model/problem.js';
import { shown } from '../../model/quote.js';
import { TERRAFORM_NETWORK_TYPES, UNJUDGED_ACCESS_TYPES, unjudgedMessage } from '../iac/terraform-types.js';
import { unknown, type IacObject, type IacResource, type IacValue } from '../iac/value.js';
import { moduleCallsOf } from './module-calls.js';
import type { KnownModule } from './known-modules.js';
import { ModuleScope, unsupportedArgument } from './module-scope.js';
import { MAX_MODULE_DEPTH, type ModuleTree, type ParsedModule, type Place } from './module-tree.js';
import { BodyEvaluator, type EvaluationIssue } from './resource-body.js';
import type { Attribute, Block } from './syntax.js';
import { EvaluationError, list, object } from './values.js';

/** The arguments of a module call that are not its variables' values. */
const CALL_ARGUMENTS = new Set(['source', 'version', 'providers']);

/** Where a module instance is: its key (`net.sg`), its address prefix (`module.net.module.sg["a"].`), the directories that called it. */
export interface InstancePlace {
  key: string;
  prefix: string;
  chain: string[];
}

/** An instance of a called module, as its caller sees it: its resources, its outputs, and what its call gets wrong. */
interface CalledInstance {
  resources(): IacResource[];
  /** An object of the outputs; unknown where Parapet does not know them (a registry module known by its rules only). */
  outputs(): IacValue;
  callMistakes(given: ReadonlySet<string>): string[];
}

/**
 * One instance of a module: the root module, with its variable files, or a module called with the values of its call,
 * which Terraform gives no variable file. `module.<name>` reads the outputs of the instances of a module it calls.
 */
export class ModuleInstance implements CalledInstance {
  readonly scope: ModuleScope;
  private readonly calls = new Map<string, { instances: { name: string; at: Place; instance: CalledInstance }[]; value: IacValue } | 'evaluating'>();
  private outputValues: IacObject | undefined;
  private stopped = false;

  constructor(
    private readonly parsed: ParsedModule,
    private readonly place: InstancePlace,
    private readonly tree: ModuleTree,
    inputs: ReadonlyMap<string, IacValue> | undefined,
    variableFiles: { file: string; values: Attribute[] }[],
  ) {
    const modulePath = place.chain.length > 1 ? relative(place.chain[0], place.chain[place.chain.length - 1]).split(sep).join('/') : '.';
    this.scope = new ModuleScope(tree.problems, place.prefix, inputs, tree.budget, (name) => this.moduleValue(name), { modulePath, files: tree.files });
    for (const { file, blocks } of parsed.configurations) this.scope.declare(file.path, blocks);
    for (const { file, values } of variableFiles) this.scope.assign(file, values);
  }

  /** The module's resources, then those of the modules it calls, each instance in turn. */
  resources(): IacResource[] {
    const resources: IacResource[] = [];
    const { prefix } = this.place;
    for (const { file, blocks } of this.parsed.configurations) {
      const bodies = this.bodies(file.path);
      for (const block of blocks) {
        if (block.type !== 'resource' || block.labels.length !== 2) continue;
        const unjudged = UNJUDGED_ACCESS_TYPES.get(block.labels[0]);
        if (unjudged !== undefined) this.tree.problems.push(problemAt('iac/unsupported', { file: file.path, line: block.line }, unjudgedMessage(shown(block.labels.join('.'), 120), unjudged), 'warning'));
        if (!TERRAFORM_NETWORK_TYPES.has(block.labels[0])) continue;
        if (!this.scope.isFirstDeclaration(block)) continue;
        const [type, name] = block.labels;
        this.scope.enterFile(file.path);
        for (const instance of bodies.instances(block.body)) {
          resources.push({ type, address: `${prefix}${type}.${name}${instance.key}`, file: file.path, line: block.line, body: bodies.body(block.body, instance.frame, block.line) });
        }
      }
    }
    if (prefix !== '') this.tree.count(resources.length);
    for (const { blocks } of this.parsed.configurations) {
      for (const call of moduleCallsOf(blocks)) {
        this.moduleValue(call.name);
        const called = this.calls.get(call.name);
        if (!called || called === 'evaluating') continue;
        for (const { name, at, instance } of called.instances) {
          if (!this.tree.judges(at, name)) return resources;
          append(resources, instance.resources());
        }
      }
    }
    return resources;
  }

  /** The module's outputs, as `module.<name>` reads them from its caller. */
  outputs(): IacObject {
    this.outputValues ??= object(this.scope.outputs(), 0);
    return this.outputValues;
  }

  callMistakes(given: ReadonlySet<string>): string[] {
    return this.scope.callMistakes(given);
  }

  /**
   * `module.<name>`: the outputs of the instances of the module called as `name` — one object, a list (count), a map
   * (for_each) — or undefined when no such module is called here, or it was neither read nor known by its interface.
   */
  private moduleValue(name: string): IacValue | undefined {
    const known = this.calls.get(name);
    if (known === 'evaluating') throw new EvaluationError(`module.${name} depends on its own outputs`);
    if (known) return known.value;
    const found = this.callNamed(name);
    const { key, chain, prefix } = this.place;
    const childKey = key === '' ? name : `${key}.${name}`;
    const library = found && this.tree.library?.modules.get(childKey);
    const knownModule = found && !library ? this.tree.library?.known?.get(childKey) : undefined;
    if (!found || (!library && !knownModule) || (library && (chain.includes(library.directory) || chain.length > MAX_MODULE_DEPTH))) return undefined;
    const { call, file } = found;
    this.calls.set(name, 'evaluating');
    const bodies = this.bodies(file);
    const instances: { name: string; at: Place; instance: CalledInstance }[] = [];
    const values: [string, IacValue][] = [];
    const at = { file, line: call.line };
    let complete = false;
    try {
      this.scope.inFile(file, () => {
        for (const instance of bodies.instances(call.block.body)) {
          const shownName = `module.${shown(name, 60)}${shown(instance.key, 40)}`;
          if (!this.tree.admits(at, shownName)) return;
          const inputs = new Map([...bodies.body(call.block.body, instance.frame, call.line).fields].filter(([argument]) => !CALL_ARGUMENTS.has(argument)));
          const childPrefix = `${prefix}module.${name}${instance.key}.`;
          const child = library
            ? new ModuleInstance(library.parsed, { key: childKey, prefix: childPrefix, chain: [...chain, library.directory] }, this.tree, inputs, [])
            : knownInstance(knownModule!, inputs, { file, line: call.line, prefix: childPrefix }, this.tree);
          if (instances.length === 0) {
            for (const mistake of child.callMistakes(new Set(inputs.keys()))) this.tree.problems.push(problemAt('iac/invalid-resource', at, `module.${shown(name, 60)} ${mistake} — Terraform rejects the call; what it leaves unknown is judged as the worst`));
          }
          instances.push({ name: shownName, at, instance: child });
          values.push([instance.key, child.outputs()]);
        }
        complete = true;
      });
    } finally {
      // A cycle through this call's outputs leaves it here: its instances so far are still judged.
      this.calls.set(name, { instances, value: complete ? callValue(call.block, values, call.line) : unknown(call.line, [`module.${name}`]) });
    }
    return (this.calls.get(name) as { value: IacValue }).value;
  }

  private callNamed(name: string): { call: ReturnType<typeof moduleCallsOf>[number]; file: string } | undefined {
    for (const { file, blocks } of this.parsed.configurations) {
      const call = moduleCallsOf(blocks).find((each) => each.name === name);
      if (call) return { call, file: file.path };
    }
    return undefined;
  }

  /** The evaluator of bodies written in `file`: what it cannot evaluate is a warning there, once. */
  private bodies(file: string): BodyEvaluator {
    const issues = new Set<string>();
    const report = (issue: EvaluationIssue): void => {
      if (issue.budget) {
        if (this.stopped) return;
        this.stopped = true;
      }
      const key = `${issue.line}:${issue.message}`;
      if (issues.has(key)) return;
      issues.add(key);
      this.tree.problems.push(problemAt('iac/unsupported', { file, line: issue.line }, shown(issue.message, 300), 'warning'));
    };
    return new BodyEvaluator(this.scope.evaluator, report);
  }
}

/** An instance of a registry module Parapet knows by its interface, made from its call's values when first asked for. */
function knownInstance(module: KnownModule, inputs: ReadonlyMap<string, IacValue>, place: { file: string; line: number; prefix: string }, tree: ModuleTree): CalledInstance {
  let made: ReturnType<KnownModule['instance']> | undefined;
  const make = () => (made ??= module.instance(inputs, { ...place, name: place.prefix.slice(0, -1), problems: tree.problems }));
  return {
    resources() {
      const { resources } = make();
      tree.count(resources.length);
      return resources;
    },
    outputs: () => make().outputs,
    callMistakes: (given) => [...given].filter((name) => module.variables && !module.variables.has(name)).map(unsupportedArgument),
  };
}

/** How `module.<name>` reads: the one instance's outputs, a list of them for `count`, a map for `for_each`. */
function callValue(block: Block, instances: [string, IacValue][], line: number): IacValue {
  if (instances.some(([key]) => key === '[*]')) return unknown(line, [`module.${block.labels[0]}`]);
  if (block.body.attributes.some((attribute) => attribute.name === 'count')) return list(instances.map(([, value]) => value), line);
  if (block.body.attributes.some((attribute) => attribute.name === 'for_each')) return object(new Map(instances.map(([key, value]) => [JSON.parse(key.slice(1, -1)) as string, value])), line);
  return instances[0]?.[1] ?? unknown(line, [`module.${block.labels[0]}`]);
}
