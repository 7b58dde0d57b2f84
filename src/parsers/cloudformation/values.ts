import { scalar, unknown, type IacList, type IacUnknown, type IacValue } from '../iac/value.js';
import type { TemplateNode } from './template-node.js';

/** dependsOn texts are for messages: a name, or an expression cut short. */
const MAX_DEPENDS_ON_TEXT = 120;

/** An unknown that depends on everything unknown in `parts`, and on `also`; at `line`. */
export function unknownFrom(line: number, parts: ReadonlyArray<IacValue | undefined>, also: readonly string[] = [], resource?: string): IacUnknown {
  const dependsOn = new Set(also.map(cut));
  for (const part of parts) if (part) collectDependsOn(part, dependsOn);
  return unknown(line, [...dependsOn], resource);
}

export function hasUnknown(value: IacValue): boolean {
  switch (value.kind) {
    case 'unknown': return true;
    case 'list': return value.items.some(hasUnknown);
    case 'object': return [...value.fields.values()].some(hasUnknown);
    default: return false;
  }
}

function collectDependsOn(value: IacValue, into: Set<string>): void {
  switch (value.kind) {
    case 'unknown':
      for (const text of value.dependsOn) into.add(text);
      break;
    case 'list':
      for (const item of value.items) collectDependsOn(item, into);
      break;
    case 'object':
      for (const field of value.fields.values()) collectDependsOn(field, into);
      break;
  }
}

/** Equal as values, wherever they are written. */
export function sameValue(a: IacValue, b: IacValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'scalar': return a.value === (b as typeof a).value;
    case 'list': {
      const other = b as IacList;
      return a.items.length === other.items.length && a.items.every((item, index) => sameValue(item, other.items[index]));
    }
    case 'object': {
      const other = (b as typeof a).fields;
      if (a.fields.size !== other.size) return false;
      for (const [name, field] of a.fields) {
        const peer = other.get(name);
        if (!peer || !sameValue(field, peer)) return false;
      }
      return true;
    }
    case 'unknown': {
      const other = b as IacUnknown;
      return a.resource === other.resource && a.dependsOn.length === other.dependsOn.length && a.dependsOn.every((text, index) => text === other.dependsOn[index]);
    }
  }
}

/** The value written where a function uses it: a parameter's default or a mapping's entry is judged at the use. */
export function at(value: IacValue, line: number): IacValue {
  switch (value.kind) {
    case 'list': return { kind: 'list', items: value.items.map((item) => at(item, line)), line };
    case 'object': return { kind: 'object', fields: new Map([...value.fields].map(([name, field]) => [name, at(field, line)])), line };
    default: return { ...value, line };
  }
}

/** A literal part of a template (a parameter default, a mapping entry) as a value at `line`; functions in it are not run. */
export function literalAt(node: TemplateNode, line: number): IacValue {
  switch (node.kind) {
    case 'scalar': return scalar(node.value, line);
    case 'list': return { kind: 'list', items: node.items.map((item) => literalAt(item, line)), line };
    case 'map': return { kind: 'object', fields: new Map([...node.entries].map(([name, entry]) => [name, literalAt(entry.value, line)])), line };
  }
}

/** The text of a scalar as CloudFormation uses it in strings (Fn::Join, Fn::Sub, Fn::Equals). */
export function textOf(value: IacValue): string | undefined {
  if (value.kind !== 'scalar') return undefined;
  return value.value === null ? '' : String(value.value);
}

export function cut(text: string): string {
  return text.length <= MAX_DEPENDS_ON_TEXT ? text : `${text.slice(0, MAX_DEPENDS_ON_TEXT - 1)}…`;
}
