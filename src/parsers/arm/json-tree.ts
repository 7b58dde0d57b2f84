import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { IacValue } from '../iac/value.js';
import { lineFinder } from '../json/line-finder.js';
import { JSON_SYNTAX_REASONS } from '../json/parse.js';
import { MAX_JSON_DEPTH } from './limits.js';

/** A template's JSON with the 1-based line each value starts on. Keys keep their case; lookups ignore it, as ARM does. */
export type ArmJson = ArmJsonScalar | ArmJsonArray | ArmJsonObject;

export interface ArmJsonScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  line: number;
}

export interface ArmJsonArray {
  kind: 'array';
  items: ArmJson[];
  line: number;
}

export interface ArmJsonObject {
  kind: 'object';
  /** Lower-case key → the member; a key written twice keeps its last value, as JSON.parse does. */
  members: Map<string, ArmJsonMember>;
  line: number;
  /** A template translated from another file (a Bicep module): see TemplateOrigin. */
  origin?: TemplateOrigin;
}

/** Where a nested template comes from when it is not the scanned file's: its file, whose lines its values carry, and the values it gives itself (lower-case parameter name → value: the unknowns its translation stands in for). */
export interface TemplateOrigin {
  file: string;
  given: ReadonlyMap<string, IacValue>;
}

export interface ArmJsonMember {
  key: string;
  value: ArmJson;
}

/** `values`: how many JSON values the file holds, the measure of what evaluating it may make without copy loops. */
export type ParsedTemplateJson = { ok: true; root: ArmJson; values: number } | { ok: false; line: number; reason: string };

/** The template's JSON (comments and trailing commas allowed, as ARM allows them), or where and why it is not JSON. */
export function parseTemplateJson(text: string): ParsedTemplateJson {
  const lineOf = lineFinder(text);
  const tooDeep = offsetPastDepth(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) return { ok: false, line: lineOf(tooDeep), reason: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    if (!first) return { ok: false, line: 1, reason: 'the file is empty' };
    const name = printParseErrorCode(first.error);
    const atEnd = text.slice(first.offset).trim() === '';
    return { ok: false, line: lineOf(first.offset), reason: atEnd ? 'the JSON ends early (a truncated file?)' : `not valid JSON: ${JSON_SYNTAX_REASONS[name] ?? name}` };
  }
  const counter = { values: 0 };
  return { ok: true, root: convert(root, lineOf, counter), values: counter.values };
}

/** A member of an object, by a key compared without case. */
export function member(object: ArmJsonObject, key: string): ArmJson | undefined {
  return object.members.get(key.toLowerCase())?.value;
}

export function isObjectJson(value: ArmJson | undefined): value is ArmJsonObject {
  return value?.kind === 'object';
}

export function stringJson(value: ArmJson | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

function convert(node: Node, lineOf: (offset: number) => number, counter: { values: number }): ArmJson {
  const line = lineOf(node.offset);
  counter.values++;
  if (node.type === 'array') return { kind: 'array', items: (node.children ?? []).map((child) => convert(child, lineOf, counter)), line };
  if (node.type === 'object') {
    const members = new Map<string, ArmJsonMember>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key?.type !== 'string' || !value) continue;
      const name = String(key.value);
      members.set(name.toLowerCase(), { key: name, value: convert(value, lineOf, counter) });
    }
    return { kind: 'object', members, line };
  }
  return { kind: 'scalar', value: node.value as ArmJsonScalar['value'], line };
}

/** The offset where nesting first goes past `limit` (strings and comments skipped), or -1: jsonc-parser recurses. */
function offsetPastDepth(text: string, limit: number): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c) index++;
        else if (inner === 0x22 || inner === 0x0a) break;
      }
    } else if (code === 0x2f && text.charCodeAt(index + 1) === 0x2f) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
    } else if (code === 0x2f && text.charCodeAt(index + 1) === 0x2a) {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return index;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return -1;
}
