import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { AttributeRedefined, MAX_NESTING, TooDeep, type Attribute, type Block, type Body, type Container, type Expression } from './syntax.js';

/** Reads a string of Terraform's JSON syntax as a template (`"${var.cidr}/32"`), at the given line. */
export type TemplateReader = (text: string, line: number) => Expression;

/** Where a JSON document fails to parse, or nests deeper than Parapet walks. */
export interface JsonFailure {
  line: number;
  message: string;
}

/** A JSON document's tree, after checking (without recursion) that it nests no deeper than MAX_NESTING. */
export function parseJson(text: string): { root: Node; lines: LineIndex } | JsonFailure {
  const lines = new LineIndex(text);
  const deep = deepestOffset(text);
  if (deep !== undefined) return { line: lines.lineAt(deep), message: `nested more than ${MAX_NESTING} levels deep` };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || !root) return { line: lines.lineAt(errors[0]?.offset ?? 0), message: 'not valid JSON' };
  return { root, lines };
}

/** Terraform's JSON syntax (.tf.json) as the Body its HCL would make: `resource`, `variable`, `locals`, `module` blocks. */
export function jsonConfiguration(root: Node, lines: LineIndex, readTemplate: TemplateReader): Body {
  const blocks: Block[] = [];
  for (const [kind, value, line] of members(root, lines, 'the file')) {
    if (kind === 'locals') {
      for (const each of bodiesOf(value, lines, kind)) blocks.push({ type: 'locals', labels: [], body: jsonBody(each, lines, readTemplate, 0, NO_NESTED_BLOCKS), line: lines.lineAt(each.offset) });
      continue;
    }
    // resource and data are labelled twice (type, name), variable, module and output once.
    const depth = kind === 'resource' || kind === 'data' ? 2 : kind === 'variable' || kind === 'module' || kind === 'output' ? 1 : 0;
    // A module call's body holds its arguments and nothing else.
    const nested = kind === 'module' ? NO_NESTED_BLOCKS : NESTED_BLOCKS;
    labelled(value, depth, kind, lines, [], (labels, body) => blocks.push({ type: kind, labels, body: kind === 'variable' ? variableBody(body, lines, readTemplate) : jsonBody(body, lines, readTemplate, 0, nested), line: lines.lineAt(body.offset) || line }));
  }
  return { attributes: [], blocks };
}

/** Visits each block of type `kind` under `node`, `depth` levels of labels down. */
function labelled(node: Node, depth: number, kind: string, lines: LineIndex, labels: string[], visit: (labels: string[], body: Node) => void): void {
  if (depth === 0) {
    for (const each of bodiesOf(node, lines, kind)) visit(labels, each);
    return;
  }
  for (const [label, value] of members(node, lines, `the labels of a ${kind} block`)) labelled(value, depth - 1, kind, lines, [...labels, label], visit);
}

/**
 * The properties of a body, or of one level of a block's labels: HCL's JSON syntax writes either as an object or as an
 * array of objects, read in order; null holds nothing. Anything else Terraform rejects, and it is not skipped unread.
 */
function members(node: Node, lines: LineIndex, what: string): [string, Node, number][] {
  if (node.type === 'null') return [];
  if (node.type === 'object') return properties(node, lines);
  if (node.type !== 'array') throw new NotAnObject(lines.lineAt(node.offset), `${what} must be a JSON object or an array of objects`);
  return (node.children ?? []).flatMap((item) => {
    if (item.type !== 'object') throw new NotAnObject(lines.lineAt(item.offset), `${what} must be a JSON object or an array of objects`);
    return properties(item, lines);
  });
}

/** The bodies of the blocks of one type and labels: an object is one block, an array of objects one block each, null none. */
function bodiesOf(node: Node, lines: LineIndex, kind: string): Node[] {
  const bodies = node.type === 'array' ? (node.children ?? []) : node.type === 'null' ? [] : [node];
  const notABody = bodies.find((body) => body.type !== 'object');
  if (notABody) throw new NotAnObject(lines.lineAt(notABody.offset), `the body of a ${kind} block must be a JSON object or an array of objects`);
  return bodies;
}

/** Thrown where Terraform's JSON syntax needs an object (a body, a level of labels) and finds another value. */
export class NotAnObject extends Error {
  constructor(
    readonly line: number,
    readonly what: string,
  ) {
    super(what);
  }
}

/** A variable's default is a value, not an expression: its strings are not templates. */
function variableBody(node: Node, lines: LineIndex, readTemplate: TemplateReader): Body {
  const attributes: Attribute[] = [];
  for (const [name, value, line] of properties(node, lines)) {
    if (name !== 'default' && name !== 'type') continue;
    const first = attributes.find((attribute) => attribute.name === name);
    if (first) throw new AttributeRedefined(name, line, first.line, 'block');
    attributes.push({ name, value: name === 'default' ? literalJson(value, lines, 0) : typeExpression(value, line, readTemplate), line });
  }
  return { attributes, blocks: [] };
}

/** A variable's type, which JSON writes as a string of HCL: `"list(object({ port = number }))"`. */
function typeExpression(node: Node, line: number, readTemplate: TemplateReader): Expression {
  if (node.type !== 'string') return { type: 'literal', value: null, line };
  const read = readTemplate(`\${${String(node.value)}}`, line);
  return read.type === 'template' && read.parts.length === 1 && typeof read.parts[0] !== 'string' ? read.parts[0] : read;
}

/**
 * Whether a body may hold nested blocks. Without the provider's schema, a property whose value is an object or a list
 * of objects may be a nested block; HCL's JSON syntax writes several blocks of one type as one property or as the same
 * property repeated. Any other property repeated is an argument set twice, which Terraform rejects ("Duplicate argument").
 */
const NESTED_BLOCKS = true;
const NO_NESTED_BLOCKS = false;

/**
 * A block's body. `dynamic` blocks are blocks; every other property is an attribute, whose value a nested block's
 * reader takes a list of objects from. Throws AttributeRedefined for a property repeated that cannot be blocks.
 */
function jsonBody(node: Node, lines: LineIndex, readTemplate: TemplateReader, depth: number, nested: boolean): Body {
  if (depth > MAX_NESTING) throw new TooDeep(lines.lineAt(node.offset));
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const repeated = new RepeatedProperties(nested, 'block');
  for (const [name, value, line] of properties(node, lines)) {
    if (name !== 'dynamic') {
      const attribute = { name, value: expression(value, lines, readTemplate, depth + 1, nested), line };
      if (repeated.isNew(name, attribute, value)) attributes.push(attribute);
    } else {
      labelled(value, 1, 'dynamic', lines, [], (labels, body) => {
        const dynamic = jsonBody(body, lines, readTemplate, depth + 1, NO_NESTED_BLOCKS);
        const content = dynamic.attributes.find((attribute) => attribute.name === 'content');
        const contentBody = content ? contentOf(body, lines, readTemplate, depth + 1) : { attributes: [], blocks: [] };
        blocks.push({
          type: 'dynamic',
          labels,
          body: { attributes: dynamic.attributes.filter((attribute) => attribute.name !== 'content'), blocks: content ? [{ type: 'content', labels: [], body: contentBody, line: content.line }] : [] },
          line: lines.lineAt(body.offset),
        });
      });
    }
  }
  return { attributes, blocks };
}

/**
 * The properties of one object seen so far. A property repeated whose values may both be blocks is read as one list of
 * them; any other repeated property throws AttributeRedefined.
 */
class RepeatedProperties {
  private readonly seen = new Map<string, { holder: { value: Expression; line: number }; blocks: boolean }>();

  constructor(
    private readonly nested: boolean,
    private readonly container: Container,
  ) {}

  /** Whether `name` is new here; when it is not, its value has joined the first one's. */
  isNew(name: string, holder: { value: Expression; line: number }, node: Node): boolean {
    const blocks = this.nested && isBlockShaped(node);
    const first = this.seen.get(name);
    if (!first) {
      this.seen.set(name, { holder, blocks });
      return true;
    }
    if (!first.blocks || !blocks) throw new AttributeRedefined(name, holder.line, first.holder.line, this.container);
    first.holder.value = { type: 'tuple', items: [...itemsOf(first.holder.value), ...itemsOf(holder.value)], line: first.holder.value.line };
    return false;
  }
}

function isBlockShaped(node: Node): boolean {
  return node.type === 'object' || (node.type === 'array' && (node.children ?? []).every((child) => child.type === 'object'));
}

function itemsOf(value: Expression): Expression[] {
  return value.type === 'tuple' ? value.items : [value];
}

function contentOf(dynamic: Node, lines: LineIndex, readTemplate: TemplateReader, depth: number): Body {
  const content = (dynamic.children ?? []).find((property) => property.children?.[0]?.value === 'content')?.children?.[1];
  return content && content.type === 'object' ? jsonBody(content, lines, readTemplate, depth + 1, NESTED_BLOCKS) : { attributes: [], blocks: [] };
}

/** `nested`: whether the value may be a nested block, whose own body may repeat a block type (see NESTED_BLOCKS). */
function expression(node: Node, lines: LineIndex, readTemplate: TemplateReader, depth: number, nested: boolean): Expression {
  if (depth > MAX_NESTING) throw new TooDeep(lines.lineAt(node.offset));
  const line = lines.lineAt(node.offset);
  switch (node.type) {
    case 'array':
      return { type: 'tuple', items: (node.children ?? []).map((child) => expression(child, lines, readTemplate, depth + 1, nested)), line };
    case 'object': {
      const items: { key: Expression; value: Expression; line: number }[] = [];
      const repeated = new RepeatedProperties(nested, 'object');
      for (const [key, value, keyLine] of properties(node, lines)) {
        const item = { key: readTemplate(key, keyLine), value: expression(value, lines, readTemplate, depth + 1, nested), line: keyLine };
        // A key that is a template ("${var.name}") is known only once evaluated.
        if (item.key.type !== 'literal' || repeated.isNew(key, item, value)) items.push(item);
      }
      return { type: 'object', items: items.map(({ key, value }) => ({ key, value })), line };
    }
    case 'string':
      return readTemplate(String(node.value), line);
    default:
      return { type: 'literal', value: node.value as number | boolean | null, line };
  }
}

/** A variable file's values (.tfvars.json): each property a variable's value, as it is. */
export function variableValues(root: Node, lines: LineIndex): Attribute[] {
  const repeated = new RepeatedProperties(NO_NESTED_BLOCKS, 'file');
  const values: Attribute[] = [];
  if (root.type !== 'object') throw new NotAnObject(lines.lineAt(root.offset), 'a variable file must be a JSON object');
  for (const [name, value, line] of properties(root, lines)) {
    const attribute = { name, value: literalJson(value, lines, 0), line };
    if (repeated.isNew(name, attribute, value)) values.push(attribute);
  }
  return values;
}

/** A JSON value as it is (variable values and defaults). */
function literalJson(node: Node, lines: LineIndex, depth: number): Expression {
  if (depth > MAX_NESTING) throw new TooDeep(lines.lineAt(node.offset));
  const line = lines.lineAt(node.offset);
  if (node.type === 'array') return { type: 'tuple', items: (node.children ?? []).map((child) => literalJson(child, lines, depth + 1)), line };
  if (node.type === 'object') {
    const repeated = new RepeatedProperties(NO_NESTED_BLOCKS, 'object');
    const items: { key: Expression; value: Expression; line: number }[] = [];
    for (const [key, value, keyLine] of properties(node, lines)) {
      const item = { key: { type: 'literal', value: key, line: keyLine } as const, value: literalJson(value, lines, depth + 1), line: keyLine };
      if (repeated.isNew(key, item, value)) items.push(item);
    }
    return { type: 'object', items: items.map(({ key, value }) => ({ key, value })), line };
  }
  return { type: 'literal', value: node.value as string | number | boolean | null, line };
}

/** An object's properties, without Terraform's `//` comment keys. */
function properties(node: Node, lines: LineIndex): [string, Node, number][] {
  if (node.type !== 'object') return [];
  const found: [string, Node, number][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value && key.value !== '//') found.push([String(key.value), value, lines.lineAt(property.offset)]);
  }
  return found;
}

/** The offset where brackets first nest deeper than MAX_NESTING, outside strings; undefined when they never do. */
function deepestOffset(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > MAX_NESTING) return index;
    } else if (code === 125 || code === 93) depth--;
  }
  return undefined;
}

/** 1-based line of an offset, by binary search over the offsets where lines start. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
