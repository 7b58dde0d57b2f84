import type { Document, Node } from 'yaml';
import { yamlLibrary, type YamlLibrary } from './lazy-libraries.js';
import { scalar, type IacValue } from '../iac/value.js';
import { withoutStacks } from '../../model/without-stacks.js';
import { EvaluationError, list, object } from './values.js';

const MAX_DEPTH = 64;
const TAG = 'tag:yaml.org,2002:';

const BOOLEANS = new Map<string, boolean>([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((word): [string, boolean] => [word, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((word): [string, boolean] => [word, false]),
]);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INFINITIES = new Map<string, number>([
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map((word): [string, number] => [word, Infinity]),
  ...['-.inf', '-.Inf', '-.INF'].map((word): [string, number] => [word, -Infinity]),
]);
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2}))|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?))?$/;

/**
 * `yamldecode()`, as Terraform 1.11 decodes (go-cty-yaml, YAML 1.1 words): `yes`, `on` and `y` are true, `010` is 10,
 * `0x10` and `0o10` are numbers but `1_000` and `0b1` are text, dates become RFC 3339 text, a mapping key is text
 * (`1: a` is `{"1" = "a"}`), `<<` merges one mapping, one document only. Every value is at the call's line.
 */
export function yamlDecode(text: string, line: number, charge: (steps: number) => void): IacValue {
  const yaml = yamlLibrary();
  if (yaml === undefined) throw new EvaluationError('yamldecode() is not evaluated here');
  const lineCounter = new yaml.LineCounter();
  const documents = withoutStacks(() => yaml.parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, lineCounter }));
  if (!Array.isArray(documents) || documents.length === 0 || documents[0].contents === null || isEmptyWithoutStart(yaml, documents[0])) {
    throw new EvaluationError('yamldecode() of text with no YAML document');
  }
  if (documents.length > 1) throw new EvaluationError('yamldecode() of text with more than one YAML document');
  const [document] = documents;
  if (document.directives?.yaml.explicit && document.directives.yaml.version !== '1.1') throw new EvaluationError('yamldecode() of a YAML version other than 1.1, which Terraform rejects');
  const [error] = document.errors;
  if (error) throw new EvaluationError(`yamldecode() of text that is not YAML (${error.code} at its line ${lineCounter.linePos(error.pos[0]).line})`);
  charge(text.length >> 6);
  return new Decoder(yaml, document, line, charge).value(document.contents as Node, 0);
}

/** `...` alone ends a document never started: no document. `---` alone starts one, whose value is null. */
function isEmptyWithoutStart(yaml: YamlLibrary, document: Document): boolean {
  const contents = document.contents;
  return !document.directives?.docStart && yaml.isScalar(contents) && contents.range?.[0] === contents.range?.[1];
}

class Decoder {
  private readonly anchored = new Map<Node, IacValue>();

  constructor(
    private readonly yaml: YamlLibrary,
    private readonly document: Document,
    private readonly line: number,
    private readonly charge: (steps: number) => void,
  ) {}

  value(node: Node, depth: number): IacValue {
    if (depth > MAX_DEPTH) throw new EvaluationError(`yamldecode() of YAML nested more than ${MAX_DEPTH} deep`);
    this.charge(1);
    if (this.yaml.isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) throw new EvaluationError('yamldecode() of an alias to no anchor');
      // An anchor is decoded once however often it is named: a "billion laughs" text stays as small as it is written.
      let decoded = this.anchored.get(target);
      if (decoded === undefined) {
        decoded = this.value(target, depth + 1);
        this.anchored.set(target, decoded);
      }
      return decoded;
    }
    if (this.yaml.isScalar(node)) {
      const text = String(node.value);
      return scalar(node.type === 'PLAIN' ? resolvePlain(text, node.tag) : text, this.line);
    }
    if (this.yaml.isSeq(node)) return list(node.items.map((item) => this.value(item as Node, depth + 1)), this.line);
    if (this.yaml.isMap(node)) {
      const fields = new Map<string, IacValue>();
      const merged = new Map<string, IacValue>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value === null ? scalar(null, this.line) : this.value(pair.value as Node, depth + 1);
        if (this.yaml.isScalar(key) && key.type === 'PLAIN' && key.value === '<<' && key.tag === undefined) {
          if (value.kind !== 'object') throw new EvaluationError(`yamldecode() can merge (<<) only a mapping, not a ${value.kind === 'list' ? 'sequence' : 'scalar'}`);
          for (const [name, field] of value.fields) merged.set(name, field);
          continue;
        }
        fields.set(this.keyOf(key), value);
      }
      for (const [name, field] of merged) if (!fields.has(name)) fields.set(name, field);
      return object(fields, this.line);
    }
    throw new EvaluationError('yamldecode() of a YAML node it does not know');
  }

  /** A mapping key is text: a plain `1` or `true` is "1" or "true". */
  private keyOf(key: Node | null): string {
    const target = this.yaml.isAlias(key) ? key.resolve(this.document) : key;
    if (target === null || target === undefined) throw new EvaluationError('yamldecode() of a mapping key that is null');
    if (!this.yaml.isScalar(target)) throw new EvaluationError('yamldecode() of a mapping key that is not text');
    const text = String(target.value);
    if (target.type !== 'PLAIN') return text;
    const resolved = resolvePlain(text, target.tag);
    if (resolved === null) throw new EvaluationError('yamldecode() of a mapping key that is null');
    return String(resolved);
  }
}

/** An unquoted scalar, as go-cty-yaml resolves it: by its tag, or by what it looks like. */
function resolvePlain(text: string, tag: string | undefined): string | number | boolean | null {
  switch (tag === undefined ? undefined : tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag) {
    case undefined:
    case '!':
      break;
    case '!!str':
    case '!!binary':
      return text;
    case '!!bool':
      if (BOOLEANS.has(text)) return BOOLEANS.get(text)!;
      throw new EvaluationError('yamldecode() of a !!bool that is not a YAML boolean');
    case '!!int':
    case '!!float': {
      const number = numberOf(text) ?? (/^-?0b[01]+$/.test(text) ? Number(text.startsWith('-') ? -parseInt(text.slice(3), 2) : parseInt(text.slice(2), 2)) : undefined);
      if (number === undefined) throw new EvaluationError(`yamldecode() of a ${tag!.slice(TAG.length)} that is not a number`);
      return number;
    }
    case '!!null':
      return null;
    case '!!timestamp': {
      const time = timestampOf(text);
      if (time === undefined) throw new EvaluationError('yamldecode() of a !!timestamp that is not a date');
      return time;
    }
    default:
      throw new EvaluationError('yamldecode() of a value with a tag Terraform does not support');
  }
  if (BOOLEANS.has(text)) return BOOLEANS.get(text)!;
  if (NULLS.has(text)) return null;
  if (INFINITIES.has(text)) return INFINITIES.get(text)!;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) throw new EvaluationError('yamldecode() of .nan, which Terraform has no number for');
  if (!/^[-+.0-9]/.test(text)) return text;
  return timestampOf(text) ?? numberOf(text) ?? text;
}

const MAX_UNSIGNED_64 = 2n ** 64n - 1n;

function numberOf(text: string): number | undefined {
  if (DECIMAL.test(text)) return Number(text);
  const prefixed = /^0x[0-9a-fA-F]+$/.test(text) ? BigInt(text) : /^0o[0-7]+$/.test(text) ? BigInt(text) : undefined;
  if (prefixed === undefined) return undefined;
  if (prefixed > MAX_UNSIGNED_64) throw new EvaluationError('yamldecode() of an integer larger than 64 bits');
  return Number(prefixed);
}

/** A YAML date or time as RFC 3339 text, as Go formats it: whole seconds, `Z` for UTC. */
function timestampOf(text: string): string | undefined {
  const parts = TIMESTAMP.exec(text);
  if (!parts) return undefined;
  const [, year, month, day, tHour, tMinute, tSecond, zone, sHour, sMinute, sSecond] = parts;
  const [hour, minute, second] = tHour !== undefined ? [tHour, tMinute, tSecond] : [sHour ?? '0', sMinute ?? '0', sSecond ?? '0'];
  const numbers = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = numbers;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return undefined;
  if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return undefined;
  const two = (value: number) => String(value).padStart(2, '0');
  const offset = zone === undefined || zone === 'Z' || /^[-+]00:00$/.test(zone) ? 'Z' : zone;
  return `${year}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${offset}`;
}
