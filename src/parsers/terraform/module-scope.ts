import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted, shown } from '../../model/quote.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import type { CallFiles, CodeFiles } from './code-files.js';
import type { FunctionCall } from './function-call.js';
import { EvaluationBudget, Evaluator, type References } from './evaluate.js';
import type { Attribute, Block, Body, Expression } from './syntax.js';
import { BodyEvaluator } from './resource-body.js';
import { converted, typeConstraint, type TypeConstraint } from './type-constraints.js';
import { EvaluationError, OverBudget, unknownsIn } from './values.js';

interface Declared<T> {
  file: string;
  value: T;
}

/** A variable: its default, and the type its value is converted to. */
interface DeclaredVariable extends Declared<Expression | undefined> {
  type: TypeConstraint | undefined;
  line: number;
}

/** Where a module is: `path.module` (from the root module, `.` for itself), and the files its code may read. */
export interface ModulePlace {
  modulePath: string;
  files: CodeFiles | undefined;
  /** Functions of the configuration's language besides Terraform's (a Terragrunt configuration's). */
  functions?: (call: FunctionCall) => IacValue | undefined;
  /** Names of the configuration's language besides Terraform's (a Terragrunt configuration's `include`). */
  names?: (root: string, line: number) => IacValue | undefined;
}

const EMPTY = new Map();
const JUDGED_UNKNOWN = 'it is judged unknown';

/**
 * What one module declares (variables, locals, managed resources) and the values its variable files give, as the
 * References the evaluator resolves names with. Locals are evaluated once, when first read; a cycle among them is
 * reported and unknown.
 */
export class ModuleScope implements References {
  readonly evaluator: Evaluator;
  private readonly variables = new Map<string, DeclaredVariable>();
  private readonly assigned = new Map<string, Declared<Expression>>();
  private readonly variableValues = new Map<string, IacValue>();
  private readonly locals = new Map<string, Declared<Expression>>();
  private readonly localValues = new Map<string, IacValue | 'evaluating'>();
  private readonly resources = new Map<string, Declared<Body>>();
  private readonly outputBlocks = new Map<string, Declared<Expression>>();
  private readonly resourceArguments = new Map<string, IacValue | undefined | 'evaluating'>();
  private readonly instanceKeys = new Map<string, string[] | undefined | 'evaluating'>();
  private readonly reported = new Set<string>();
  /** Where each variable and local is first declared, and the names declared more than once. */
  private readonly declaredAt = new Map<string, { file: string; line: number }>();
  private readonly ambiguous = new Set<string>();
  private file = '';

  /**
   * `inputs`: in a module called by another, the values its call gives the variables (evaluated where the call is
   * written); they take the place of variable files, which give values to the root module only.
   */
  constructor(
    private readonly problems: InputProblem[],
    readonly addressPrefix = '',
    private readonly inputs: ReadonlyMap<string, IacValue> = EMPTY,
    budget?: EvaluationBudget,
    private readonly modules: (name: string) => IacValue | undefined = () => undefined,
    private readonly place: ModulePlace = { modulePath: '.', files: undefined },
  ) {
    this.evaluator = new Evaluator(this, budget);
  }

  files(line: number): CallFiles | undefined {
    return this.place.files?.at({ file: this.file, line });
  }

  path(name: string): IacValue | undefined {
    if (name === 'module') return scalar(this.place.modulePath, 0);
    if (name === 'root') return scalar('.', 0);
    return undefined;
  }

  module(name: string): IacValue | undefined {
    return this.modules(name);
  }

  /** The module's outputs, each evaluated where it is declared; one Terraform would reject is reported and unknown. */
  outputs(): Map<string, IacValue> {
    const values = new Map<string, IacValue>();
    for (const [name, declared] of this.outputBlocks) {
      if (this.ambiguous.has(`output.${name}`)) values.set(name, unknown(declared.value.line, [`output.${name}`]));
      else values.set(name, this.inFile(declared.file, () => this.settle(declared.value, `output.${name}`)));
    }
    return values;
  }

  declare(file: string, blocks: Block[]): void {
    for (const block of blocks) {
      if (block.type === 'variable' && block.labels.length === 1) {
        const name = block.labels[0];
        if (!this.isNew(`var.${name}`, file, block.line, JUDGED_UNKNOWN)) continue;
        const argument = (wanted: string) => block.body.attributes.find((attribute) => attribute.name === wanted)?.value;
        const type = argument('type');
        this.variables.set(name, { file, value: argument('default'), type: type && typeConstraint(type), line: block.line });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) if (this.isNew(`local.${attribute.name}`, file, attribute.line, JUDGED_UNKNOWN)) this.locals.set(attribute.name, { file, value: attribute.value });
      } else if (block.type === 'resource' && block.labels.length === 2) {
        const address = `${block.labels[0]}.${block.labels[1]}`;
        if (this.isNew(address, file, block.line, 'this declaration is not judged')) this.resources.set(address, { file, value: block.body });
      } else if (block.type === 'output' && block.labels.length === 1) {
        const value = block.body.attributes.find((attribute) => attribute.name === 'value')?.value;
        if (value && this.isNew(`output.${block.labels[0]}`, file, block.line, JUDGED_UNKNOWN)) this.outputBlocks.set(block.labels[0], { file, value });
      }
    }
  }

  /** Whether this resource block is the first of its address: a second one is a problem, and is not judged. */
  isFirstDeclaration(block: Block): boolean {
    return this.resources.get(`${block.labels[0]}.${block.labels[1]}`)?.value === block.body;
  }

  /**
   * Whether `name` (`var.x`, `local.x`, a resource's address) is declared here for the first time. A second declaration
   * is a problem, as Terraform rejects the module; which of the two it means would be a guess (`outcome` says what
   * Parapet does instead).
   */
  private isNew(name: string, file: string, line: number, outcome: string): boolean {
    const first = this.declaredAt.get(name);
    if (!first) {
      this.declaredAt.set(name, { file, line });
      return true;
    }
    this.ambiguous.add(name);
    const where = first.file === file ? `line ${first.line}` : `${first.file}:${first.line}`;
    this.problems.push(problemAt('iac/syntax', { file, line }, `${shown(name, 120)} is declared again (first at ${where}): Terraform accepts each name once in a module — ${outcome}`));
    return false;
  }

  /** Values from a variable file; a later file overrides an earlier one, as Terraform's precedence says. */
  assign(file: string, values: Attribute[]): void {
    for (const attribute of values) this.assigned.set(attribute.name, { file, value: attribute.value });
  }

  /** Where the resources evaluated next are written, for the problems their evaluation reports. */
  enterFile(file: string): void {
    this.file = file;
  }

  /**
   * What a call of this module that gives `given` gets wrong, as Terraform refuses it: an argument no variable takes
   * ("Unsupported argument"), a variable without a default it leaves out ("Missing required argument").
   */
  callMistakes(given: ReadonlySet<string>): string[] {
    const unsupported = [...given].filter((name) => !this.variables.has(name)).map(unsupportedArgument);
    const missing = [...this.variables].filter(([name, declared]) => declared.value === undefined && !given.has(name)).map(([name]) => `leaves out ${quoted(name, 60)}, which has no default ("Missing required argument")`);
    return [...unsupported, ...missing];
  }

  variable(name: string): IacValue | undefined {
    const declared = this.variables.get(name);
    if (!declared) return undefined;
    if (this.ambiguous.has(`var.${name}`)) return unknown(0, [`var.${name}`]);
    const cached = this.variableValues.get(name);
    if (cached) return cached;
    const input = this.inputs.get(name);
    const given = this.assigned.get(name) ?? (declared.value ? { file: declared.file, value: declared.value } : undefined);
    let value: IacValue;
    if (input) value = this.inFile(declared.file, () => this.typed(input, `var.${name}`, declared.type, declared.line));
    else if (given) value = this.inFile(given.file, () => this.settle(given.value, `var.${name}`, declared.type));
    else value = unknown(0, [`var.${name}`]);
    this.variableValues.set(name, value);
    return value;
  }

  local(name: string): IacValue | undefined {
    const declared = this.locals.get(name);
    if (!declared) return undefined;
    if (this.ambiguous.has(`local.${name}`)) return unknown(declared.value.line, [`local.${name}`]);
    const cached = this.localValues.get(name);
    if (cached === 'evaluating') {
      this.problems.push(problemAt('iac/invalid-resource', { file: declared.file, line: declared.value.line }, `local.${quoted(name).slice(1, -1)} depends on itself — break the cycle; it is judged unknown`));
      throw new CycleFound(name);
    }
    if (cached) return cached;
    this.localValues.set(name, 'evaluating');
    let value: IacValue;
    try {
      value = this.inFile(declared.file, () => this.settle(declared.value, `local.${name}`));
    } catch (error) {
      if (!(error instanceof CycleFound)) throw error;
      value = unknown(declared.value.line, [`local.${name}`]);
    }
    this.localValues.set(name, value);
    return value;
  }

  isManagedResource(type: string, name: string): boolean {
    return this.resources.has(`${type}.${name}`);
  }

  resourceInstanceKeys(type: string, name: string): string[] | undefined {
    const address = `${type}.${name}`;
    const known = this.instanceKeys.get(address);
    if (known !== undefined || this.instanceKeys.has(address)) return known === 'evaluating' ? undefined : known;
    const declared = this.resources.get(address);
    if (!declared) return undefined;
    this.instanceKeys.set(address, 'evaluating');
    // Problems with the count are reported where the resource itself is evaluated.
    const keys = this.inFile(declared.file, () => new BodyEvaluator(this.evaluator, () => {}).instances(declared.value).map((instance) => instance.key));
    const fixed = keys.includes('[*]') ? undefined : keys;
    this.instanceKeys.set(address, fixed);
    return fixed;
  }

  resourceArgument(type: string, name: string, argument: string): IacValue | undefined {
    const key = `${type}.${name}.${argument}`;
    if (this.resourceArguments.has(key)) {
      const cached = this.resourceArguments.get(key);
      return cached === 'evaluating' ? undefined : cached;
    }
    const declared = this.resources.get(`${type}.${name}`)!;
    const expression = declared.value.attributes.find((attribute) => attribute.name === argument)?.value;
    let value: IacValue | undefined;
    if (expression) {
      this.resourceArguments.set(key, 'evaluating');
      try {
        const evaluated = this.inFile(declared.file, () => this.evaluator.evaluate(expression, EMPTY));
        value = unknownsIn(evaluated).length === 0 ? evaluated : undefined;
      } catch (error) {
        if (error instanceof OverBudget || error instanceof CycleFound) throw error;
        if (!(error instanceof EvaluationError)) throw error;
      }
    }
    this.resourceArguments.set(key, value);
    return value;
  }

  ownFunction(call: FunctionCall): IacValue | undefined {
    return this.place.functions?.(call);
  }

  ownName(root: string, line: number): IacValue | undefined {
    return this.place.names?.(root, line);
  }

  unknownFunction(name: string, line: number): void {
    const key = `${this.file}\u0000${name}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(problemAt('iac/unsupported', { file: this.file, line }, `function ${quoted(name)} is not evaluated — its values are judged unknown`, 'warning'));
  }

  unsupportedConstruct(what: string, line: number): void {
    const key = `${this.file}\u0000construct\u0000${what}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(problemAt('iac/unsupported', { file: this.file, line }, `${what === 'template directive or strip marker' ? 'an indented heredoc (<<-) with a template directive (%{ if }, %{ for }) or a strip marker (~)' : shown(what, 40)} is not evaluated — its value is judged unknown`, 'warning'));
  }

  /**
   * A variable's or local's value, of the variable's type; what Terraform would reject is reported and unknown. A cycle
   * goes on up to its start.
   */
  private settle(expression: Expression, name: string, type?: TypeConstraint): IacValue {
    let value: IacValue;
    try {
      value = this.evaluator.evaluate(expression, EMPTY);
    } catch (error) {
      return this.refused(error, name, expression.line);
    }
    return this.typed(value, name, type, expression.line);
  }

  /** A variable's value converted to its type; one Terraform refuses for the type is reported and unknown. */
  private typed(value: IacValue, name: string, type: TypeConstraint | undefined, line: number): IacValue {
    try {
      return type ? converted(value, type, (inner) => this.evaluator.evaluate(inner, EMPTY)) : value;
    } catch (error) {
      return this.refused(error, name, line);
    }
  }

  private refused(error: unknown, name: string, line: number): IacValue {
    if (!(error instanceof EvaluationError)) throw error;
    this.problems.push(problemAt('iac/unsupported', { file: this.file, line }, `${shown(name, 60)}: ${shown(error.message, 200)} — judged as unknown`, 'warning'));
    return unknown(line, [name]);
  }

  /** Runs `run` with the problems it reports placed in `file`. */
  inFile<T>(file: string, run: () => T): T {
    const outer = this.file;
    this.file = file;
    try {
      return run();
    } finally {
      this.file = outer;
    }
  }
}

/** Thrown through the evaluation of a cycle of locals, up to the local that started it. */
class CycleFound extends Error {
  constructor(readonly local: string) {
    super(`local.${local} depends on itself`);
  }
}

/** What a module call that gives an argument no variable takes is told. */
export function unsupportedArgument(name: string): string {
  return `gives ${quoted(name, 60)}, which no variable of the module takes ("Unsupported argument")`;
}
