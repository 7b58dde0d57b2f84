import { quoted } from '../../model/quote.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import { evaluateJson } from './evaluate.js';
import type { FileState } from './file-state.js';
import { member, stringJson, type ArmJson, type ArmJsonObject } from './json-tree.js';
import { MAX_REFERENCE_DEPTH } from './limits.js';
import { userFunctions, type UserFunction } from './user-functions.js';
import { atLine, fromPlainJson, unknownAt, withReadableText } from './values.js';

/**
 * The parameters and variables of one template, evaluated when first read and then kept. A value given from outside
 * (--parameter key=value, or a nested deployment's `parameters`) wins over the template's defaultValue; without
 * either, a parameter is unknown.
 */
export class TemplateScope {
  private readonly parameters: ArmJsonObject | undefined;
  private readonly variables: ArmJsonObject | undefined;
  /** Variables made by the `copy` array of `variables`: name (lower case) → the copy item. */
  private readonly copiedVariables = new Map<string, ArmJsonObject>();
  private readonly parameterValues = new Map<string, IacValue>();
  private readonly variableValues = new Map<string, IacValue>();
  private readonly underway = new Set<string>();
  /** The template's user-defined functions (`functions`), which the scope of each call shares. */
  private functions: ReadonlyMap<string, UserFunction>;

  constructor(
    readonly state: FileState,
    template: ArmJsonObject,
    /** Lower-case parameter name → its value: text from the command line, or a value a parent template evaluated. */
    private readonly given: ReadonlyMap<string, string | IacValue>,
    /** Whether the given values were written in another file (a Bicep module's caller, a parameters file): each is then taken at the line that reads it. */
    private readonly givenElsewhere = false,
  ) {
    const parameters = member(template, 'parameters');
    const variables = member(template, 'variables');
    this.functions = userFunctions(template);
    this.parameters = parameters?.kind === 'object' ? parameters : undefined;
    this.variables = variables?.kind === 'object' ? variables : undefined;
    const copies = this.variables ? member(this.variables, 'copy') : undefined;
    if (copies?.kind === 'array') {
      for (const copy of copies.items) {
        const name = copy.kind === 'object' ? stringJson(member(copy, 'name')) : undefined;
        if (name !== undefined && copy.kind === 'object') this.copiedVariables.set(name.toLowerCase(), copy);
      }
    }
  }

  userFunction(name: string): UserFunction | undefined {
    return this.functions.get(name.toLowerCase());
  }

  /**
   * The scope a call of a user-defined function is evaluated in: its parameters given the call's values, and nothing
   * of the template's own parameters and variables, which ARM does not let a function read.
   */
  callScope(called: UserFunction, values: readonly IacValue[]): TemplateScope {
    const given = new Map<string, IacValue>(called.order.map((name, index) => [name.toLowerCase(), values[index]]));
    const scope = new TemplateScope(this.state, { kind: 'object', members: new Map([['parameters', { key: 'parameters', value: called.parameters }]]), line: called.line }, given);
    scope.functions = this.functions;
    return scope;
  }

  parameter(name: string, line: number): IacValue {
    const key = name.toLowerCase();
    const known = this.parameterValues.get(key);
    if (known) return known.kind === 'unknown' ? unknownAt(known, line) : known;
    const declaration = this.parameters ? member(this.parameters, name) : undefined;
    const given = this.given.get(key);
    let value: IacValue;
    if (given !== undefined) {
      value = typeof given === 'string' ? givenValue(given, declaration, line) : this.givenElsewhere ? atLine(given, line) : given;
    } else {
      if (!declaration) this.state.report('iac/invalid-resource', line, `parameter ${quoted(name)} is not declared in the template — judged as unknown; declare it`, 'warning');
      const fallback = declaration?.kind === 'object' ? member(declaration, 'defaultValue') : undefined;
      value = fallback ? this.evaluateReference(`parameters('${name}')`, fallback, line) : withReadableText(unknown(line, [`parameters('${name}')`]), `[parameters('${name}')]`);
    }
    this.parameterValues.set(key, value);
    return value;
  }

  variable(name: string, line: number): IacValue {
    const key = name.toLowerCase();
    const known = this.variableValues.get(key);
    if (known) return known.kind === 'unknown' ? unknownAt(known, line) : known;
    const copy = this.copiedVariables.get(key);
    const declaration = copy ? undefined : this.variables && key !== 'copy' ? member(this.variables, name) : undefined;
    let value: IacValue;
    if (copy) {
      // A `copy` item of `variables` evaluates as the property copy it is: wrap it so that evaluateJson expands it.
      const holder: ArmJsonObject = { kind: 'object', line: copy.line, members: new Map([['copy', { key: 'copy', value: { kind: 'array', items: [copy], line: copy.line } }]]) };
      const expanded = this.evaluateReference(`variables('${name}')`, holder, line);
      value = expanded.kind === 'object' ? ([...expanded.fields.values()][0] ?? unknown(line, [`variables('${name}')`])) : expanded;
    } else if (declaration) {
      value = this.evaluateReference(`variables('${name}')`, declaration, line);
    } else {
      this.state.report('iac/invalid-resource', line, `variable ${quoted(name)} is not declared in the template — judged as unknown; declare it`, 'warning');
      value = unknown(line, [`variables('${name}')`]);
    }
    this.variableValues.set(key, value);
    return value;
  }

  /** Evaluates a default value or variable, refusing cycles and chains deeper than MAX_REFERENCE_DEPTH. */
  private evaluateReference(reference: string, json: ArmJson, line: number): IacValue {
    if (this.underway.has(reference)) {
      this.state.report('iac/invalid-resource', line, `${quoted(reference, 80)} refers to itself — judged as unknown; break the cycle`, 'warning');
      return unknown(line, [reference]);
    }
    if (this.state.referenceDepth >= MAX_REFERENCE_DEPTH) {
      this.state.report('iac/unsupported', line, `variables and parameters refer to each other more than ${MAX_REFERENCE_DEPTH} deep — judged as unknown; simplify the template`, 'warning');
      return unknown(line, [reference]);
    }
    this.underway.add(reference);
    this.state.referenceDepth++;
    try {
      return evaluateJson(json, this, []);
    } finally {
      this.state.referenceDepth--;
      this.underway.delete(reference);
    }
  }
}

/** A --parameter value, read as the parameter's declared type says. */
function givenValue(text: string, declaration: ArmJson | undefined, line: number): IacValue {
  const type = declaration?.kind === 'object' ? stringJson(member(declaration, 'type'))?.toLowerCase() : undefined;
  if (type === 'int' && /^-?\d+$/.test(text.trim())) return scalar(Number(text.trim()), line);
  if (type === 'bool' && /^(?:true|false)$/i.test(text.trim())) return scalar(text.trim().toLowerCase() === 'true', line);
  if (type === 'array' || type === 'object' || type === 'secureobject') {
    try {
      return fromPlainJson(JSON.parse(text), line);
    } catch {
      return scalar(text, line);
    }
  }
  return scalar(text, line);
}
