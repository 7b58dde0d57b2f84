import type { Node } from 'web-tree-sitter';
import { cut } from '../arm/evaluate.js';
import type { FileState } from '../arm/file-state.js';
import { unknown, type IacUnknown } from '../iac/value.js';

/** A resource a Bicep file declares, as its symbol names it. */
export interface BicepResource {
  type: string;
  /**
   * The ARM expression of its whole name ('nsg-web/allow-ssh' for a child), worked out when first asked (a declaration
   * may be used above where it is written); undefined when a loop makes it.
   */
  readonly name: string | undefined;
  /** How the mappers name it: its name as written, for references that stand for the resource. */
  address: string;
}

/** The namespace `bicep build` gives a file's user-defined functions. */
export const BICEP_FUNCTIONS = '__bicep';

/**
 * What the declarations of a Bicep file name: its parameters, variables and resources, and the unknowns the
 * translation to ARM stands in for with parameters of their own (`__bicep_unknown_N`, given as unknown values).
 */
export class BicepSymbols {
  readonly parameters = new Set<string>();
  /** The parameters whose type is nullable (`string[]?`): null where no value is given. */
  readonly nullable = new Set<string>();
  readonly variables = new Set<string>();
  /** User-defined functions (`func`), called in the template as `__bicep.name(…)`. */
  readonly functions = new Set<string>();
  readonly resources = new Map<string, BicepResource>();
  /** Module calls and imported names: values this file does not hold (a module's outputs, another file's exports). */
  readonly elsewhere = new Map<string, 'module' | 'import'>();
  /** Lower-case parameter name → the unknown it stands for, in this file. */
  readonly unknowns = new Map<string, IacUnknown>();

  /**
   * `all`: the unknowns of every file of one scan (a file and the modules it calls), whose names are unique across
   * them. `readBeside`: the text of a file the Bicep file names (`loadTextContent('rules.json')`), read as Bicep reads
   * it when it builds, or undefined when it cannot be (said where the call is).
   */
  constructor(
    readonly state: FileState,
    private readonly all: Map<string, IacUnknown> = new Map(),
    readonly readBeside: (written: string, call: Node) => string | undefined = () => undefined,
  ) {}

  /**
   * A name the ARM evaluator made readable (its unknown parts as `[expression]`), with the expression written as the
   * Bicep names it: `parameters('location')` as `location`, a stand-in for an unknown as its Bicep text.
   */
  readable(text: string): string {
    if (!text.includes('(')) return text;
    return text.replace(/(parameters|variables)\('([^']*)'\)/g, (whole, _kind: string, name: string) => this.all.get(name)?.dependsOn[0] ?? name);
  }

  resource(symbol: string): BicepResource | undefined {
    return this.resources.get(symbol);
  }

  /**
   * An ARM expression whose value is unknown, depending on the Bicep text of `node`. With a `reason`, a warning says
   * why it is not evaluated; without, the value is one only the deployment knows (a resource's runtime state).
   */
  unknown(node: Node, reason?: string, resource?: string): string {
    const line = node.startPosition.row + 1;
    if (reason !== undefined) this.state.report('iac/unsupported', line, `${reason} — its value is judged as unknown; give the value with --parameter`, 'warning');
    const name = `__bicep_unknown_${this.all.size}`;
    const value = unknown(line, [cut(node.text.replace(/\s+/g, ' '))], resource);
    this.unknowns.set(name, value);
    this.all.set(name, value);
    return `parameters('${name}')`;
  }
}
