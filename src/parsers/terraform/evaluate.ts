import { append } from '../../model/append.js';
import { quoted } from '../../model/quote.js';
import { scalar, unknown, type IacUnknown, type IacValue } from '../iac/value.js';
import type { CallFiles } from './code-files.js';
import type { FunctionCall } from './function-call.js';
import { callFunction } from './functions.js';
import { MAX_NESTING, SPLAT_ELEMENT, type Expression, type ForExpression } from './syntax.js';
import { asBoolean, asNumber, asText, entries, equal, EvaluationError, list, object, OverBudget, relined, unknownOf, unknownsIn } from './values.js';

/** What names in scope mean where an expression is evaluated: `count`, `each`, a `for` variable, a dynamic block's iterator. */
export type Frame = ReadonlyMap<string, IacValue>;

/** What the module the expression is written in declares. */
export interface References {
  /** What the module's resource addresses start with: `module.sg.` in a module called as `sg`, empty in the root module. */
  readonly addressPrefix: string;
  /** `var.name`, or undefined when no such variable is declared. */
  variable(name: string): IacValue | undefined;
  /** `local.name`, or undefined when no such local is declared. */
  local(name: string): IacValue | undefined;
  isManagedResource(type: string, name: string): boolean;
  /** The instance keys (`[0]`, `["a"]`, '' without count or for_each) of a managed resource, when the code fixes them. */
  resourceInstanceKeys(type: string, name: string): string[] | undefined;
  /** The value of a managed resource's argument when the code fixes it (a literal, a resolved variable), else undefined. */
  resourceArgument(type: string, name: string, argument: string): IacValue | undefined;
  /** `module.name`: the outputs of a module this one calls, or undefined when they are not known here. */
  module(name: string): IacValue | undefined;
  /** A function of the configuration's own language besides Terraform's (Terragrunt's), or undefined. */
  ownFunction?(call: FunctionCall): IacValue | undefined;
  /** A name of the configuration's own language besides Terraform's (Terragrunt's `include`), or undefined. */
  ownName?(root: string, line: number): IacValue | undefined;
  /** A function Parapet does not evaluate was called. */
  unknownFunction(name: string, line: number): void;
  /** The files a call on `line` may read, or undefined where none are read. */
  files(line: number): CallFiles | undefined;
  /** `path.module`, `path.root`; undefined for what is not known here (`path.cwd`, the machine's own directory). */
  path(name: string): IacValue | undefined;
  /** A construct Parapet does not evaluate (a directive in an indented heredoc) was met. */
  unsupportedConstruct(what: string, line: number): void;
}

/** No template makes a longer text from a module's code: longer is hostile input. */
const MAX_TEMPLATE_TEXT = 1 << 20;

/** More evaluation steps than this for one module, or for all the instances of the modules one module calls, is hostile input. */
const BUDGET = 5_000_000;

/** The evaluation steps spent, shared by the evaluators of the modules one module calls. */
export class EvaluationBudget {
  private spent = 0;

  charge(steps: number): void {
    this.spent += steps;
    if (this.spent > BUDGET) throw new OverBudget('evaluation needs more steps than any real module');
  }

  get exhausted(): boolean {
    return this.spent > BUDGET;
  }
}

/** Evaluates expressions statically. A value the code does not fix is an IacUnknown saying what it depends on. */
export class Evaluator {
  private depth = 0;

  constructor(
    private readonly references: References,
    private readonly budget = new EvaluationBudget(),
  ) {}

  charge = (steps: number): void => this.budget.charge(steps);

  evaluate(expression: Expression, frame: Frame): IacValue {
    this.charge(1);
    if (++this.depth > MAX_NESTING * 4) {
      this.depth--;
      throw new EvaluationError('references nest too deeply');
    }
    try {
      return this.evaluateTerm(expression, frame);
    } finally {
      this.depth--;
    }
  }

  private evaluateTerm(expression: Expression, frame: Frame): IacValue {
    const line = expression.line;
    switch (expression.type) {
      case 'literal':
        return scalar(expression.value, line);
      case 'template':
        return this.template(expression.parts, frame, line);
      case 'tuple':
        return list(expression.items.map((item) => this.evaluate(item, frame)), line);
      case 'object': {
        const fields = new Map<string, IacValue>();
        for (const item of expression.items) {
          const key = this.evaluate(item.key, frame);
          if (key.kind === 'unknown') return unknownOf(line, [key]);
          fields.set(asText(key), this.evaluate(item.value, frame));
        }
        return object(fields, line);
      }
      case 'variable':
      case 'attribute':
      case 'index':
        return this.traversal(expression, frame);
      case 'splat':
        return this.splat(expression, frame);
      case 'call':
        return this.call(expression, frame);
      case 'unary':
        return this.unary(expression.operator, this.evaluate(expression.operand, frame), line);
      case 'binary':
        return this.binary(expression.operator, expression.left, expression.right, frame, line);
      case 'conditional':
        return this.conditional(expression, frame);
      case 'for':
        return this.forExpression(expression, frame);
      case 'templateFor':
        return this.templateFor(expression, frame);
      case 'templateIf': {
        const condition = this.evaluate(expression.condition, frame);
        if (condition.kind === 'unknown') return unknownOf(line, [condition]);
        return this.template(asBoolean(condition) ? expression.then : expression.otherwise, frame, line, true);
      }
      case 'unsupported':
        this.references.unsupportedConstruct(expression.what, line);
        return unknown(line, [expression.what]);
    }
  }

  /** `directive`: the parts are a directive's branch, whose value is text even when it is one interpolation. */
  private template(parts: (string | Expression)[], frame: Frame, line: number, directive = false): IacValue {
    // "${expression}" alone is the expression's value, of its own type, as Terraform reads it.
    if (!directive && parts.length === 1 && typeof parts[0] !== 'string') return this.evaluate(parts[0], frame);
    const texts: string[] = [];
    const unknowns: IacUnknown[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        texts.push(part);
        continue;
      }
      const value = this.evaluate(part, frame);
      const inner = unknownsIn(value);
      if (inner.length > 0) append(unknowns, inner);
      else texts.push(asText(value));
    }
    if (unknowns.length > 0) return unknownOf(line, unknowns);
    const text = texts.join('');
    if (text.length > MAX_TEMPLATE_TEXT) throw new OverBudget(`a template makes a text longer than ${MAX_TEMPLATE_TEXT} characters`);
    this.charge(text.length >> 6);
    return scalar(text, line);
  }

  /** `var.x`, `local.x.y[0]`, `each.value`, `aws_security_group.app.id`, `data.aws_vpc.main.cidr_block`. */
  private traversal(expression: Expression, frame: Frame): IacValue {
    const steps: Expression[] = [];
    let root = expression;
    while (root.type === 'attribute' || root.type === 'index') {
      steps.unshift(root);
      root = root.target;
    }
    const line = expression.line;
    if (root.type !== 'variable') return this.applySteps(this.evaluate(root, frame), steps, frame, line);
    const bound = frame.get(root.name);
    if (bound) return this.applySteps(relined(bound, line, this.charge), steps, frame, line);
    const first = steps[0];
    const name = first?.type === 'attribute' ? first.name : undefined;
    const written = textOf(expression);
    if ((root.name === 'var' || root.name === 'local') && name !== undefined) {
      const value = root.name === 'var' ? this.references.variable(name) : this.references.local(name);
      if (value === undefined) throw new EvaluationError(`no ${root.name === 'var' ? 'variable' : 'local value'} named ${quoted(name, 60)} is declared`);
      return this.applySteps(relined(value, line, this.charge), steps.slice(1), frame, line);
    }
    if (root.name === 'path' && name !== undefined && steps.length === 1) {
      const value = this.references.path(name);
      if (value !== undefined) return relined(value, line, this.charge);
    }
    if (root.name === 'module' && name !== undefined) {
      const outputs = this.references.module(name);
      if (outputs !== undefined) return this.applySteps(relined(outputs, line, this.charge), steps.slice(1), frame, line);
    }
    if (name !== undefined && this.references.isManagedResource(root.name, name)) return this.resourceReference(root.name, name, steps.slice(1), frame, line, written);
    const own = this.references.ownName?.(root.name, line);
    if (own) return this.applySteps(relined(own, line, this.charge), steps, frame, line);
    return unknown(line, [written]);
  }

  /** A managed resource of this module: its address, and the value when the argument read is fixed by the code. */
  private resourceReference(type: string, name: string, steps: Expression[], frame: Frame, line: number, written: string): IacValue {
    let address = `${this.references.addressPrefix}${type}.${name}`;
    let rest = steps;
    const first = rest[0];
    if (first?.type === 'index') {
      const key = this.evaluate(first.key, frame);
      address += key.kind === 'scalar' ? (typeof key.value === 'string' ? `[${JSON.stringify(key.value)}]` : `[${key.value}]`) : '[*]';
      rest = rest.slice(1);
    }
    const argument = rest[0];
    if (argument?.type === 'attribute') {
      const value = this.references.resourceArgument(type, name, argument.name);
      if (value !== undefined) return this.applySteps(relined(value, line, this.charge), rest.slice(1), frame, line);
    }
    return unknown(line, [written], address);
  }

  private applySteps(value: IacValue, steps: Expression[], frame: Frame, line: number): IacValue {
    let current = value;
    for (const step of steps) {
      if (current.kind === 'unknown') return { ...current, line };
      if (step.type === 'attribute') current = field(current, step.name);
      else if (step.type === 'index') {
        const key = this.evaluate(step.key, frame);
        if (key.kind === 'unknown') return unknownOf(line, [key, ...unknownsIn(current)]);
        if (current.kind === 'list' && current.set) throw new EvaluationError('a set has no indexes: convert it with tolist() first');
        current = current.kind === 'list' ? item(current.items, asNumber(key)) : field(current, asText(key));
      }
    }
    return current.line === line || current.kind === 'unknown' ? current : relined(current, line, this.charge);
  }

  private splat(expression: Extract<Expression, { type: 'splat' }>, frame: Frame): IacValue {
    const line = expression.line;
    const instances = this.resourceInstances(expression.target, frame, expression.text);
    const target = instances ?? this.evaluate(expression.target, frame);
    if (target.kind === 'unknown') return unknown(line, target.dependsOn.length === 1 ? [expression.text] : target.dependsOn, target.resource);
    const items = target.kind === 'list' ? target.items : target.kind === 'scalar' && target.value === null ? [] : [target];
    if (!expression.steps) return list(items, line);
    const steps = expression.steps;
    return list(items.map((each) => this.evaluate(steps, new Map([...frame, [SPLAT_ELEMENT, each]]))), line);
  }

  /**
   * `aws_security_group.this[*]`, `aws_security_group.this.*`: one value per instance of a managed resource of this
   * module whose count or for_each the code fixes, each naming its instance (how a rule attaches to its group through
   * `concat(aws_security_group.this.*.id, …)[0]`); undefined for anything else.
   */
  private resourceInstances(target: Expression, frame: Frame, text: string): IacValue | undefined {
    if (target.type !== 'attribute' || target.target.type !== 'variable' || frame.has(target.target.name)) return undefined;
    const [type, name] = [target.target.name, target.name];
    if (!this.references.isManagedResource(type, name)) return undefined;
    const keys = this.references.resourceInstanceKeys(type, name);
    if (keys === undefined) return undefined;
    return list(keys.map((key) => unknown(target.line, [text], `${this.references.addressPrefix}${type}.${name}${key}`)), target.line);
  }

  private call(expression: Extract<Expression, { type: 'call' }>, frame: Frame): IacValue {
    const references = this.references;
    const call: FunctionCall = {
      name: expression.name,
      line: expression.line,
      count: expression.args.length,
      argument: (index) => this.evaluate(expression.args[index], frame),
      charge: this.charge,
      get files() {
        return references.files(expression.line);
      },
    };
    if (expression.expandLast && expression.args.length > 0) {
      const last = this.evaluate(expression.args[expression.args.length - 1], frame);
      if (last.kind === 'unknown') return unknownOf(expression.line, [last]);
      if (last.kind !== 'list') throw new EvaluationError('the argument before ... must be a list');
      const fixed = expression.args.length - 1;
      call.count = fixed + last.items.length;
      call.argument = (index) => (index < fixed ? this.evaluate(expression.args[index], frame) : last.items[index - fixed]);
    }
    const result = callFunction(call) ?? references.ownFunction?.(call);
    if (result !== undefined) return result;
    this.references.unknownFunction(expression.name, expression.line);
    return unknown(expression.line, [`${expression.name}()`]);
  }

  private unary(operator: string, operand: IacValue, line: number): IacValue {
    if (operand.kind === 'unknown') return unknownOf(line, [operand]);
    return operator === '!' ? scalar(!asBoolean(operand), line) : scalar(-asNumber(operand), line);
  }

  private binary(operator: string, leftExpression: Expression, rightExpression: Expression, frame: Frame, line: number): IacValue {
    const left = this.evaluate(leftExpression, frame);
    if (operator === '&&' || operator === '||') {
      // false && anything is false, true || anything is true, even when the other side is unknown.
      const decided = operator === '||';
      if (left.kind !== 'unknown' && asBoolean(left) === decided) return scalar(decided, line);
      const right = this.evaluate(rightExpression, frame);
      if (right.kind !== 'unknown' && asBoolean(right) === decided) return scalar(decided, line);
      if (left.kind === 'unknown' || right.kind === 'unknown') return unknownOf(line, [left, right].filter((side): side is IacUnknown => side.kind === 'unknown'));
      return scalar(!decided, line);
    }
    const right = this.evaluate(rightExpression, frame);
    const unknowns = [...unknownsIn(left), ...unknownsIn(right)];
    if (unknowns.length > 0) return unknownOf(line, unknowns);
    switch (operator) {
      case '==':
        return scalar(equal(left, right), line);
      case '!=':
        return scalar(!equal(left, right), line);
    }
    const a = asNumber(left);
    const b = asNumber(right);
    switch (operator) {
      case '+': return scalar(a + b, line);
      case '-': return scalar(a - b, line);
      case '*': return scalar(a * b, line);
      case '/':
        if (b === 0) throw new EvaluationError('division by zero');
        return scalar(a / b, line);
      case '%':
        if (b === 0) throw new EvaluationError('modulo by zero');
        return scalar(a % b, line);
      case '<': return scalar(a < b, line);
      case '<=': return scalar(a <= b, line);
      case '>': return scalar(a > b, line);
      case '>=': return scalar(a >= b, line);
      default: throw new EvaluationError(`unknown operator ${operator}`);
    }
  }

  private conditional(expression: Extract<Expression, { type: 'conditional' }>, frame: Frame): IacValue {
    const condition = this.evaluate(expression.condition, frame);
    if (condition.kind !== 'unknown') return this.evaluate(asBoolean(condition) ? expression.whenTrue : expression.whenFalse, frame);
    const whenTrue = this.evaluate(expression.whenTrue, frame);
    const whenFalse = this.evaluate(expression.whenFalse, frame);
    const branchUnknowns = [...unknownsIn(whenTrue), ...unknownsIn(whenFalse)];
    if (branchUnknowns.length === 0 && equal(whenTrue, whenFalse)) return whenTrue;
    return unknownOf(expression.line, [condition, ...branchUnknowns]);
  }

  private templateFor(expression: Extract<Expression, { type: 'templateFor' }>, frame: Frame): IacValue {
    const line = expression.line;
    const collection = this.evaluate(expression.collection, frame);
    if (collection.kind === 'unknown') return unknownOf(line, [collection]);
    if (collection.kind === 'scalar') throw new EvaluationError('a template for directive needs a list, set, map or object');
    const texts: string[] = [];
    let length = 0;
    for (const [key, value] of entries(collection)) {
      const bindings = new Map(frame);
      if (expression.keyName !== undefined) bindings.set(expression.keyName, key);
      bindings.set(expression.valueName, value);
      const text = this.template(expression.body, bindings, line, true);
      if (text.kind === 'unknown') return unknownOf(line, [text]);
      texts.push(asText(text));
      length += texts[texts.length - 1].length;
      if (length > MAX_TEMPLATE_TEXT) throw new OverBudget(`a template makes a text longer than ${MAX_TEMPLATE_TEXT} characters`);
    }
    return scalar(texts.join(''), line);
  }

  private forExpression(expression: ForExpression, frame: Frame): IacValue {
    const line = expression.line;
    const collection = this.evaluate(expression.collection, frame);
    if (collection.kind === 'unknown') return unknownOf(line, [collection]);
    if (collection.kind === 'scalar') throw new EvaluationError('a for expression needs a list, set, map or object');
    const items: IacValue[] = [];
    const fields = new Map<string, IacValue>();
    for (const [key, value] of entries(collection)) {
      const bindings = new Map(frame);
      if (expression.keyName !== undefined) bindings.set(expression.keyName, key);
      bindings.set(expression.valueName, value);
      if (expression.condition) {
        const keep = this.evaluate(expression.condition, bindings);
        if (keep.kind === 'unknown') return unknownOf(line, [keep]);
        if (!asBoolean(keep)) continue;
      }
      const result = this.evaluate(expression.value, bindings);
      if (!expression.key) {
        items.push(result);
        continue;
      }
      const name = this.evaluate(expression.key, bindings);
      if (name.kind === 'unknown') return unknownOf(line, [name]);
      const text = asText(name);
      if (expression.grouping) {
        const group = fields.get(text);
        if (group?.kind === 'list') group.items.push(result);
        else fields.set(text, list([result], line));
      } else {
        if (fields.has(text)) throw new EvaluationError(`the for expression makes the key ${JSON.stringify(text).slice(0, 40)} twice`);
        fields.set(text, result);
      }
    }
    return expression.key ? object(fields, line) : list(items, line);
  }
}

function field(value: IacValue, name: string): IacValue {
  if (value.kind !== 'object') throw new EvaluationError(`cannot read .${name.slice(0, 40)} of ${value.kind === 'list' ? 'a list' : 'a scalar'}`);
  const found = value.fields.get(name);
  if (!found) throw new EvaluationError(`no attribute or key ${JSON.stringify(name.slice(0, 40))}`);
  return found;
}

function item(items: IacValue[], index: number): IacValue {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) throw new EvaluationError(`index ${index} is out of range`);
  return items[index];
}

function textOf(expression: Expression): string {
  if (expression.type === 'variable') return expression.name;
  if (expression.type === 'attribute' || expression.type === 'index' || expression.type === 'splat') return expression.text;
  return expression.type;
}
