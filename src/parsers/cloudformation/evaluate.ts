import { quoted } from '../../model/quote.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import { cidrs } from './cidr.js';
import type { TemplateScope } from './scope.js';
import { evaluateSub } from './sub.js';
import type { TemplateNode } from './template-node.js';
import { at, cut, hasUnknown, literalAt, sameValue, textOf, unknownFrom } from './values.js';

/** Functions of the Conditions section, and of the Rules section, that have no meaning in a resource's properties. */
const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);

/** A one-key mapping `Ref` or `Fn::…`: an intrinsic function call. */
export function intrinsicOf(node: TemplateNode): { name: string; argument: TemplateNode } | undefined {
  if (node.kind !== 'map' || node.entries.size !== 1) return undefined;
  const [[name, entry]] = node.entries;
  return name === 'Ref' || name === 'Condition' || name.startsWith('Fn::') ? { name, argument: entry.value } : undefined;
}

/**
 * A value of the template with its intrinsic functions evaluated as far as the template and the given parameters
 * allow; undefined where `AWS::NoValue` removes it. What cannot be known is an IacUnknown, never a guess.
 */
export function evaluate(node: TemplateNode, scope: TemplateScope): IacValue | undefined {
  switch (node.kind) {
    case 'scalar':
      return scalar(node.value, node.line);
    case 'list': {
      const items: IacValue[] = [];
      for (const item of node.items) {
        const value = evaluate(item, scope);
        if (value !== undefined) items.push(value);
      }
      return { kind: 'list', items, line: node.line };
    }
    case 'map': {
      const call = intrinsicOf(node);
      // `Condition` is a function inside conditions only; elsewhere it is a key like any other.
      if (call && call.name !== 'Condition') return evaluateCall(call.name, call.argument, node.line, scope);
      const fields = new Map<string, IacValue>();
      for (const [name, entry] of node.entries) {
        const value = evaluate(entry.value, scope);
        if (value !== undefined) fields.set(name, value);
      }
      return { kind: 'object', fields, line: node.line };
    }
  }
}

function evaluateCall(name: string, argument: TemplateNode, line: number, scope: TemplateScope): IacValue | undefined {
  const items = argument.kind === 'list' ? argument.items : undefined;
  switch (name) {
    case 'Ref': return argument.kind === 'scalar' && typeof argument.value === 'string' ? reference(argument.value, line, scope) : malformed(name, line, scope);
    case 'Fn::GetAtt': return getAtt(argument, line, scope);
    case 'Fn::Sub': return evaluateSub(argument, line, scope);
    case 'Fn::If': return items?.length === 3 ? choose(items, line, scope) : malformed(name, line, scope);
    case 'Fn::Join': return items?.length === 2 ? join(items[0], items[1], line, scope) : malformed(name, line, scope);
    case 'Fn::Select': return items?.length === 2 ? select(items[0], items[1], line, scope) : malformed(name, line, scope);
    case 'Fn::Split': return items?.length === 2 ? split(items[0], items[1], line, scope) : malformed(name, line, scope);
    case 'Fn::FindInMap': return items && (items.length === 3 || items.length === 4) ? findInMap(items, line, scope) : malformed(name, line, scope);
    case 'Fn::ImportValue': return importValue(argument, line, scope);
    case 'Fn::Base64': return base64(argument, line, scope);
    case 'Fn::Cidr': return items?.length === 3 ? cidr(items, line, scope) : malformed(name, line, scope);
    case 'Fn::GetAZs': {
      const region = evaluate(argument, scope);
      const text = region && textOf(region);
      return unknown(line, [cut(`!GetAZs ${text || 'AWS::Region'}`)]);
    }
    default:
      if (CONDITION_FUNCTIONS.has(name)) {
        const truth = scope.conditions.truthOf({ kind: 'map', entries: new Map([[name, { keyLine: line, value: argument }]]), line });
        return typeof truth === 'boolean' ? scalar(truth, line) : truth;
      }
      scope.unsupported(line, `${quoted(name)} is not evaluated — its value is judged as unknown; give the value it stands for directly`);
      return unknown(line, [name.slice(0, 60)]);
  }
}

/** Ref: a parameter, a pseudo parameter, or a resource (whose id is known at deployment only). */
export function reference(name: string, line: number, scope: TemplateScope): IacValue | undefined {
  if (name === 'AWS::NoValue') return undefined;
  if (scope.isParameter(name)) return scope.parameterValue(name, line);
  if (name.startsWith('AWS::')) return unknown(line, [cut(name)]);
  if (scope.resources.has(name)) return unknown(line, [cut(`!Ref ${name}`)], name);
  scope.invalid(line, `Ref names ${quoted(name)}, which is neither a parameter nor a resource of the template — CloudFormation rejects it; fix the name`);
  return unknown(line, [cut(`!Ref ${name}`)]);
}

/** Fn::GetAtt: an attribute of a resource, known at deployment only. */
export function attribute(resource: string, attributeName: string, line: number, scope: TemplateScope): IacValue {
  const text = cut(`!GetAtt ${resource}.${attributeName}`);
  if (scope.resources.has(resource)) return unknown(line, [text], resource);
  scope.invalid(line, `Fn::GetAtt names ${quoted(resource)}, which is not a resource of the template — CloudFormation rejects it; fix the name`);
  return unknown(line, [text]);
}

function getAtt(argument: TemplateNode, line: number, scope: TemplateScope): IacValue {
  if (argument.kind === 'scalar' && typeof argument.value === 'string') {
    const dot = argument.value.indexOf('.');
    if (dot > 0) return attribute(argument.value.slice(0, dot), argument.value.slice(dot + 1), line, scope);
  }
  if (argument.kind === 'list' && argument.items.length === 2 && argument.items[0].kind === 'scalar' && typeof argument.items[0].value === 'string') {
    const name = evaluate(argument.items[1], scope);
    return attribute(argument.items[0].value, (name && textOf(name)) || '…', line, scope);
  }
  return malformed('Fn::GetAtt', line, scope);
}

/** Fn::If: the branch of a known condition; with the condition unknown, the value both branches share, or unknown. */
function choose([condition, whenTrue, whenFalse]: TemplateNode[], line: number, scope: TemplateScope): IacValue | undefined {
  if (condition.kind !== 'scalar' || typeof condition.value !== 'string') return malformed('Fn::If', line, scope);
  const truth = scope.conditions.truth(condition.value, line);
  if (truth === true) return evaluate(whenTrue, scope);
  if (truth === false) return evaluate(whenFalse, scope);
  const a = evaluate(whenTrue, scope);
  const b = evaluate(whenFalse, scope);
  if (a === undefined && b === undefined) return undefined;
  if (a !== undefined && b !== undefined && sameValue(at(a, line), at(b, line))) return a;
  return unknownFrom(line, [a, b], truth.dependsOn);
}

function join(delimiterNode: TemplateNode, listNode: TemplateNode, line: number, scope: TemplateScope): IacValue {
  const delimiter = evaluate(delimiterNode, scope);
  const list = evaluate(listNode, scope);
  const separator = delimiter && textOf(delimiter);
  if (separator === undefined || list === undefined || (list.kind !== 'list' && list.kind !== 'unknown')) return malformed('Fn::Join', line, scope);
  if (list.kind === 'unknown' || hasUnknown(list)) return unknownFrom(line, [list]);
  const texts = list.items.map(textOf);
  if (texts.some((text) => text === undefined)) return malformed('Fn::Join', line, scope);
  return scalar(texts.join(separator), line);
}

function select(indexNode: TemplateNode, listNode: TemplateNode, line: number, scope: TemplateScope): IacValue {
  const index = evaluate(indexNode, scope);
  const list = evaluate(listNode, scope);
  if (index === undefined || list === undefined) return malformed('Fn::Select', line, scope);
  if (index.kind === 'unknown' || list.kind === 'unknown') return unknownFrom(line, [index, list]);
  const position = Number(textOf(index));
  if (list.kind !== 'list' || !Number.isInteger(position) || position < 0 || position >= list.items.length) return malformed('Fn::Select', line, scope);
  return at(list.items[position], line);
}

function split(delimiterNode: TemplateNode, sourceNode: TemplateNode, line: number, scope: TemplateScope): IacValue {
  const delimiter = evaluate(delimiterNode, scope);
  const source = evaluate(sourceNode, scope);
  const separator = delimiter && textOf(delimiter);
  if (source?.kind === 'unknown') return unknownFrom(line, [source]);
  const text = source && textOf(source);
  if (!separator || text === undefined) return malformed('Fn::Split', line, scope);
  return { kind: 'list', items: text.split(separator).map((item) => scalar(item, line)), line };
}

function findInMap(items: TemplateNode[], line: number, scope: TemplateScope): IacValue {
  const [mapNode, topNode, secondNode, defaultNode] = items;
  const keys = [mapNode, topNode, secondNode].map((node) => evaluate(node, scope));
  const mapName = keys[0] && textOf(keys[0]);
  if (mapName !== undefined && !scope.hasMapping(mapName)) {
    scope.invalid(line, `Fn::FindInMap names the mapping ${quoted(mapName)}, which Mappings does not declare — CloudFormation rejects it; fix the name`);
    return unknown(line, [cut(`mapping ${mapName}`)]);
  }
  if (keys.some((key) => key === undefined || key.kind === 'unknown')) return unknownFrom(line, keys, [`mapping ${mapName ?? '…'}`]);
  const [, top, second] = keys.map((key) => textOf(key!));
  if (top === undefined || second === undefined) return malformed('Fn::FindInMap', line, scope);
  const entry = scope.mappingEntry(mapName!, top, second);
  if (entry) return literalAt(entry, line);
  const fallback = defaultNode?.kind === 'map' ? defaultNode.entries.get('DefaultValue')?.value : undefined;
  if (fallback) return evaluate(fallback, scope) ?? malformed('Fn::FindInMap', line, scope);
  scope.invalid(line, `Fn::FindInMap finds no entry ${quoted(`${top}.${second}`)} in the mapping ${quoted(mapName!)} — the deployment would fail; add the entry`);
  return unknown(line, [cut(`mapping ${mapName}`)]);
}

function importValue(argument: TemplateNode, line: number, scope: TemplateScope): IacValue {
  const name = evaluate(argument, scope);
  const text = name && textOf(name);
  if (text !== undefined) return unknown(line, [cut(`!ImportValue ${text}`)]);
  // An export named by an expression: say how the template writes it, and what that depends on.
  const written = argument.kind === 'map' ? argument.entries.get('Fn::Sub')?.value : undefined;
  const shown = written?.kind === 'scalar' ? String(written.value) : written?.kind === 'list' && written.items[0]?.kind === 'scalar' ? String(written.items[0].value) : '…';
  return unknownFrom(line, [name], [`!ImportValue ${shown}`]);
}

function base64(argument: TemplateNode, line: number, scope: TemplateScope): IacValue {
  const value = evaluate(argument, scope);
  if (value?.kind === 'unknown') return unknownFrom(line, [value]);
  const text = value && textOf(value);
  if (text === undefined) return malformed('Fn::Base64', line, scope);
  return scalar(Buffer.from(text, 'utf8').toString('base64'), line);
}

function cidr(items: TemplateNode[], line: number, scope: TemplateScope): IacValue {
  const values = items.map((item) => evaluate(item, scope));
  if (values.some((value) => value?.kind === 'unknown')) return unknownFrom(line, values);
  const [block, count, bits] = values.map((value) => value && textOf(value));
  const blocks = block === undefined ? undefined : cidrs(block, Number(count), Number(bits));
  if (!blocks) return malformed('Fn::Cidr', line, scope);
  return { kind: 'list', items: blocks.map((text) => scalar(text, line)), line };
}

/** A function whose arguments CloudFormation would reject: judged as unknown, and said. */
export function malformed(name: string, line: number, scope: TemplateScope): IacValue {
  scope.invalid(line, `${name} has arguments CloudFormation does not accept — the value is judged as unknown; fix the call`);
  return unknown(line, [name]);
}
