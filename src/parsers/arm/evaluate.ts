import { quoted } from '../../model/quote.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import type { Argument, ArmFunction, CallSite, Evaluation, LoopFrame } from './call-site.js';
import { canonicalKey } from './canonical-keys.js';
import { ArmExpressionError, parseArmExpression, type ArmExpression } from './expression-syntax.js';
import { ARM_FUNCTIONS } from './functions.js';
import { member, type ArmJson, type ArmJsonObject } from './json-tree.js';
import { MAX_COPY_COUNT, MAX_DEPENDS_ON_TEXT } from './limits.js';
import type { TemplateScope } from './scope.js';
import { atLine, fieldOf, list, numberOf, object, textOf, unknownAt } from './values.js';

/**
 * A template value as IacValues: strings "[…]" evaluated, objects with a `copy` array (property and variable copy)
 * expanded. Values keep the line where they are written; what an expression computes is on the expression's line.
 */
export function evaluateJson(json: ArmJson, scope: TemplateScope, loops: readonly LoopFrame[]): IacValue {
  scope.state.count(1);
  return scope.state.nested(json.line, () => evaluateJsonValue(json, scope, loops), () => unknown(json.line, ['nested too deeply']));
}

function evaluateJsonValue(json: ArmJson, scope: TemplateScope, loops: readonly LoopFrame[]): IacValue {
  if (json.kind === 'scalar') return typeof json.value === 'string' ? evaluateTemplateString(json.value, json.line, scope, loops) : scalar(json.value, json.line);
  if (json.kind === 'array') return list(json.items.map((item) => evaluateJson(item, scope, loops)), json.line);
  const fields = new Map<string, IacValue>();
  const copies = member(json, 'copy');
  for (const { key, value } of json.members.values()) {
    if (copies?.kind === 'array' && key.toLowerCase() === 'copy') continue;
    fields.set(canonicalKey(key), evaluateJson(value, scope, loops));
  }
  if (copies?.kind === 'array') {
    for (const copy of copies.items) {
      if (copy.kind !== 'object') continue;
      const expanded = expandCopy(copy, scope, loops);
      if (expanded) fields.set(canonicalKey(expanded.name), expanded.value);
    }
  }
  return object(fields, json.line);
}

/** A string of a template: an expression when it is "[…]", a literal "[" when it starts "[[". */
export function evaluateTemplateString(text: string, line: number, scope: TemplateScope, loops: readonly LoopFrame[]): IacValue {
  if (!isExpression(text)) return scalar(text.startsWith('[[') ? text.slice(1) : text, line);
  const source = text.slice(1, -1);
  const parsed = parsedExpression(source, scope);
  if (parsed instanceof Error) {
    const limit = parsed instanceof ArmExpressionError && parsed.reason === 'limit';
    scope.state.report(limit ? 'iac/unsupported' : 'iac/syntax', line,
      limit ? `${parsed.message} — not evaluated, judged as unknown; simplify the expression` : `expression is not valid: ${parsed.message} — the value is judged as unknown; fix the expression`,
      limit ? 'warning' : 'error');
    return unknown(line, [cut(text)]);
  }
  const value = evaluateExpression(parsed, source, { scope, loops, line });
  return value.kind === 'unknown' ? unknownAt(value, line) : value;
}

export function isExpression(text: string): boolean {
  return text.length >= 2 && text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

/** What a copy item { name, count, input } makes: `name` → the list of its instances. */
function expandCopy(copy: ArmJsonObject, scope: TemplateScope, loops: readonly LoopFrame[]): { name: string; value: IacValue } | undefined {
  const nameJson = member(copy, 'name');
  const name = nameJson ? textOf(evaluateJson(nameJson, scope, loops)) : undefined;
  const input = member(copy, 'input');
  if (name === undefined || !input) {
    scope.state.report('iac/invalid-resource', copy.line, 'a property copy without a name or an input — not evaluated; give each copy item a name, a count and an input', 'warning');
    return undefined;
  }
  const count = loopCount(member(copy, 'count'), copy.line, scope, loops);
  const items: IacValue[] = [];
  for (const index of count.indexes) {
    const frame: LoopFrame = { name, resource: false, index, countDependsOn: count.dependsOn };
    items.push(evaluateJson(input, scope, [...loops, frame]));
  }
  return { name, value: list(items, copy.line) };
}

/** The instances of a copy loop: 0…count-1 when the count is known (at most MAX_COPY_COUNT), one unknown index otherwise. */
export function loopCount(countJson: ArmJson | undefined, line: number, scope: TemplateScope, loops: readonly LoopFrame[]): { indexes: (number | undefined)[]; dependsOn: string[] } {
  const count = countJson ? evaluateJson(countJson, scope, loops) : unknown(line, ['copy count']);
  if (count.kind === 'unknown') return { indexes: [undefined], dependsOn: count.dependsOn };
  const known = numberOf(count);
  if (known === undefined || !Number.isInteger(known) || known < 0) {
    scope.state.report('iac/invalid-resource', count.line, 'copy count is not a whole number of zero or more — the loop is judged as one instance with an unknown index; fix the count', 'warning');
    return { indexes: [undefined], dependsOn: ['copy count'] };
  }
  if (known > MAX_COPY_COUNT) {
    scope.state.report('iac/unsupported', count.line, `copy count ${known} is more than the ${MAX_COPY_COUNT} instances Parapet evaluates — only the first ${MAX_COPY_COUNT} were judged; split the loop`, 'error');
  }
  return { indexes: Array.from({ length: Math.min(known, MAX_COPY_COUNT) }, (_, index) => index), dependsOn: [] };
}

function parsedExpression(source: string, scope: TemplateScope): ArmExpression | Error {
  const cache = scope.state.parsedExpressions;
  let parsed = cache.get(source);
  if (parsed === undefined) {
    try {
      parsed = parseArmExpression(source);
    } catch (error) {
      parsed = error instanceof Error ? error : new Error(String(error));
    }
    cache.set(source, parsed);
  }
  return parsed;
}

function evaluateExpression(node: ArmExpression, source: string, evaluation: Evaluation): IacValue {
  const { line } = evaluation;
  return evaluation.scope.state.nested(line, () => evaluateExpressionNode(node, source, evaluation), () => unknown(line, [cut(source.slice(node.start, node.end))]));
}

function evaluateExpressionNode(node: ArmExpression, source: string, evaluation: Evaluation): IacValue {
  const { line, scope } = evaluation;
  switch (node.kind) {
    case 'string':
    case 'number':
      return scalar(node.value, line);
    case 'property': {
      const target = evaluateExpression(node.target, source, evaluation);
      if (target.kind === 'unknown') return unknownAt(target, line);
      const field = target.kind === 'object' ? fieldOf(target, node.name) : undefined;
      if (field) return field;
      scope.state.report('iac/invalid-resource', line, `${target.kind === 'object' ? 'the object has no property' : 'a property of a value that is not an object:'} ${quoted(node.name)} — judged as unknown; fix the expression`, 'warning');
      return unknown(line, [cut(source.slice(node.start, node.end))]);
    }
    case 'index': {
      const target = evaluateExpression(node.target, source, evaluation);
      const index = evaluateExpression(node.index, source, evaluation);
      if (target.kind === 'unknown') return unknownAt(target, line);
      if (index.kind === 'unknown') return unknownAt(index, line);
      const position = numberOf(index);
      if (target.kind === 'list' && position !== undefined && position >= 0 && position < target.items.length) return target.items[position];
      const key = textOf(index);
      const field = target.kind === 'object' && key !== undefined ? fieldOf(target, key) : undefined;
      if (field) return field;
      scope.state.report('iac/invalid-resource', line, 'an index that is not in the list or object — judged as unknown; fix the expression', 'warning');
      return unknown(line, [cut(source.slice(node.start, node.end))]);
    }
    case 'call':
      return evaluateCall(node, source, evaluation);
  }
}

function evaluateCall(node: Extract<ArmExpression, { kind: 'call' }>, source: string, evaluation: Evaluation): IacValue {
  const text = cut(source.slice(node.start, node.end));
  const lower = node.name.toLowerCase();
  const { line, scope } = evaluation;
  const report: CallSite['report'] = (id, message, level) => scope.state.report(id, line, message, level);
  const call: CallSite = {
    ...evaluation,
    name: node.name,
    text,
    report,
    unknownCall: (resource) => unknown(line, [text], resource),
    invalid: (reason) => {
      report('iac/invalid-resource', `${quoted(`${node.name}()`)}: ${reason} — judged as unknown; fix the expression`, 'warning');
      return unknown(line, [text]);
    },
  };
  const called = lower.includes('.') ? scope.userFunction(lower) : undefined;
  if (called) {
    if (node.args.length !== called.order.length) return call.invalid(`takes ${called.order.length} argument${called.order.length === 1 ? '' : 's'}, given ${node.args.length}`);
    const values = node.args.map((argument) => evaluateExpression(argument, source, evaluation));
    return atLine(evaluateJson(called.output, scope.callScope(called, values), []), line);
  }
  const implementation: ArmFunction | undefined = ARM_FUNCTIONS.get(lower) ?? (lower.startsWith('list') ? (_args, site) => site.unknownCall() : undefined);
  if (!implementation) {
    scope.state.report('iac/unsupported', line, `function ${quoted(node.name)} is not evaluated — its value is judged as unknown; give the value with --parameter`, 'warning', `iac/unsupported function ${lower}`);
    return unknown(line, [text]);
  }
  const args: Argument[] = node.args.map((argument) => {
    let value: IacValue | undefined;
    const lambda = lambdaOf(argument, source, evaluation);
    return { text: source.slice(argument.start, argument.end), value: () => (value ??= evaluateExpression(argument, source, evaluation)), ...(lambda ? { lambda } : {}) };
  });
  return implementation(args, call);
}

/** `lambda('x', 'i', body)` as a function of its parameters' values; undefined for any other argument. */
function lambdaOf(argument: ArmExpression, source: string, evaluation: Evaluation): Argument['lambda'] {
  if (argument.kind !== 'call' || argument.name.toLowerCase() !== 'lambda' || argument.args.length < 2) return undefined;
  const names = argument.args.slice(0, -1).map((parameter) => (parameter.kind === 'string' ? parameter.value.toLowerCase() : undefined));
  if (names.some((name) => name === undefined)) return undefined;
  const body = argument.args[argument.args.length - 1];
  return {
    parameters: names.length,
    apply: (values) => {
      const lambdas = new Map(evaluation.lambdas);
      names.forEach((name, index) => lambdas.set(name!, values[index] ?? unknown(evaluation.line, [`lambdaVariables('${name}')`])));
      return evaluateExpression(body, source, { ...evaluation, lambdas });
    },
  };
}

export function cut(text: string): string {
  return text.length <= MAX_DEPENDS_ON_TEXT ? text : `${text.slice(0, MAX_DEPENDS_ON_TEXT - 1)}…`;
}
