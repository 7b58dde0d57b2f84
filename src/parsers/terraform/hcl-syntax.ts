import type { Node } from 'web-tree-sitter';
import { AttributeRedefined, LayoutError, MAX_NESTING, SPLAT_ELEMENT, TooDeep, type Attribute, type Block, type Body, type Expression } from './syntax.js';

/**
 * The tree-sitter tree of an HCL file as a Body. The grammar flattens an expression's postfix operators (`.a`, `[0]`,
 * `[*]`) into its children, after the term they apply to; `terms` folds them back. Throws TooDeep past MAX_NESTING,
 * AttributeRedefined when a body sets an attribute twice, LayoutError where its lines break HCL's line structure.
 */
export function hclBody(root: Node, text: string): Body {
  const body = root.namedChildren.find((child) => child?.type === 'body');
  return body ? readBody(body, new Reader(text), 0) : { attributes: [], blocks: [] };
}

class Reader {
  constructor(readonly text: string) {}
}

const lineOf = (node: Node): number => node.startPosition.row + 1;

function readBody(node: Node, reader: Reader, depth: number): Body {
  if (depth > MAX_NESTING) throw new TooDeep(lineOf(node));
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const lineByName = new Map<string, number>();
  let lastRow = -1;
  for (const child of node.namedChildren) {
    if (!child || (child.type !== 'attribute' && child.type !== 'block')) continue;
    if (child.startPosition.row <= lastRow) throw new LayoutError(lineOf(child), 'an argument or block starts on the line where the one before it ends: HCL puts each on a line of its own');
    lastRow = child.endPosition.row;
    if (child.type === 'attribute') {
      const [name, value] = child.namedChildren.filter((part): part is Node => part !== null && part.type !== 'comment');
      if (!name || !value) continue;
      const line = lineOf(child);
      const firstLine = lineByName.get(name.text);
      if (firstLine !== undefined) throw new AttributeRedefined(name.text, line, firstLine, depth === 0 ? 'file' : 'block');
      lineByName.set(name.text, line);
      attributes.push({ name: name.text, value: expression(value, reader, depth + 1), line });
    } else {
      const parts = child.namedChildren.filter((part): part is Node => part !== null && part.type !== 'comment');
      const header = parts.slice(0, parts.findIndex((part) => part.type === 'block_start') + 1);
      if (header.some((part) => part.startPosition.row !== child.startPosition.row)) throw new LayoutError(lineOf(child), "a block's labels and its '{' are not on the line of its type, as HCL needs");
      const labels = parts.slice(1).filter((part) => part.type === 'string_lit' || part.type === 'identifier').map((part) => (part.type === 'string_lit' ? stringLiteral(part, reader) : part.text));
      const inner = parts.find((part) => part.type === 'body');
      blocks.push({ type: parts[0].text, labels, body: inner ? readBody(inner, reader, depth + 1) : { attributes: [], blocks: [] }, line: lineOf(child) });
    }
  }
  return { attributes, blocks };
}

function expression(node: Node, reader: Reader, depth: number): Expression {
  if (depth > MAX_NESTING) throw new TooDeep(lineOf(node));
  return terms(meaningful(node), reader, depth + 1);
}

function meaningful(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** A term and the postfix operators after it: `(a).b[0][*].c`. */
function terms(children: Node[], reader: Reader, depth: number): Expression {
  let index = 0;
  let result: Expression;
  const first = children[0];
  if (first.type === '(') {
    result = expression(children[1], reader, depth);
    index = 3;
  } else {
    result = primary(first, reader, depth);
    index = 1;
  }
  for (; index < children.length; index++) result = postfix(result, children[index], reader, depth);
  return result;
}

function postfix(target: Expression, node: Node, reader: Reader, depth: number): Expression {
  const line = target.line;
  const text = `${textOf(target)}${node.text}`;
  switch (node.type) {
    case 'get_attr':
      return { type: 'attribute', target, name: node.namedChildren[0]!.text, text, line };
    case 'index': {
      const inner = node.namedChildren[0]!;
      const key: Expression = inner.type === 'legacy_index' ? { type: 'literal', value: Number(inner.text.slice(1)), line } : expression(inner.namedChildren[0]!, reader, depth);
      return { type: 'index', target, key, text, line };
    }
    case 'splat': {
      let steps: Expression | undefined;
      for (const step of meaningful(node.namedChildren[0]!).slice(1)) steps = postfix(steps ?? { type: 'variable', name: SPLAT_ELEMENT, line }, step, reader, depth);
      return { type: 'splat', target, steps, text, line };
    }
    default:
      return { type: 'unsupported', what: node.type, line };
  }
}

function textOf(expression: Expression): string {
  if (expression.type === 'variable') return expression.name;
  if (expression.type === 'attribute' || expression.type === 'index' || expression.type === 'splat') return expression.text;
  if (expression.type === 'call') return `${expression.name}(…)`;
  return '(…)';
}

function primary(node: Node, reader: Reader, depth: number): Expression {
  if (depth > MAX_NESTING) throw new TooDeep(lineOf(node));
  const line = lineOf(node);
  switch (node.type) {
    case 'expression':
      return expression(node, reader, depth + 1);
    case 'literal_value':
      return literal(node.namedChildren[0]!, reader);
    case 'template_expr':
      return template(node.namedChildren[0]!, reader, depth + 1);
    case 'collection_value':
      return collection(node.namedChildren[0]!, reader, depth + 1);
    case 'variable_expr':
      return { type: 'variable', name: node.text, line };
    case 'function_call': {
      const [name, args] = node.namedChildren as Node[];
      const items = args ? meaningful(args) : [];
      return {
        type: 'call',
        name: name.text,
        args: items.filter((item) => item.type === 'expression').map((item) => expression(item, reader, depth + 1)),
        expandLast: items.some((item) => item.type === 'ellipsis'),
        line,
      };
    }
    case 'for_expr':
      return forExpression(node.namedChildren[0]!, reader, depth + 1);
    case 'operation':
      return operation(node.namedChildren[0]!, reader, depth + 1);
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = node.namedChildren.filter((child): child is Node => child?.type === 'expression');
      return { type: 'conditional', condition: expression(condition, reader, depth + 1), whenTrue: expression(whenTrue, reader, depth + 1), whenFalse: expression(whenFalse, reader, depth + 1), line };
    }
    default:
      return { type: 'unsupported', what: node.type, line };
  }
}

function operation(node: Node, reader: Reader, depth: number): Expression {
  const line = lineOf(node);
  const children = meaningful(node);
  if (node.type === 'unary_operation') return { type: 'unary', operator: children[0].type, operand: terms(children.slice(1), reader, depth + 1), line };
  const at = children.findIndex((child) => !child.isNamed);
  return { type: 'binary', operator: children[at].type, left: terms(children.slice(0, at), reader, depth + 1), right: terms(children.slice(at + 1), reader, depth + 1), line };
}

function literal(node: Node, reader: Reader): Expression {
  const line = lineOf(node);
  switch (node.type) {
    case 'numeric_lit':
      return { type: 'literal', value: Number(node.text), line };
    case 'bool_lit':
      return { type: 'literal', value: node.text === 'true', line };
    case 'null_lit':
      return { type: 'literal', value: null, line };
    default:
      return { type: 'literal', value: stringLiteral(node, reader), line };
  }
}

function stringLiteral(node: Node, reader: Reader): string {
  const children = node.children;
  return unescapeQuoted(reader.text.slice(children[0]!.endIndex, children[children.length - 1]!.startIndex));
}

function collection(node: Node, reader: Reader, depth: number): Expression {
  const line = lineOf(node);
  if (node.type === 'tuple') {
    return { type: 'tuple', items: node.namedChildren.filter((child): child is Node => child?.type === 'expression').map((child) => expression(child, reader, depth)), line };
  }
  const items = node.namedChildren
    .filter((child): child is Node => child?.type === 'object_elem')
    .map((element) => {
      const key = element.childForFieldName('key')!;
      const value = element.childForFieldName('val')!;
      const keyParts = meaningful(key);
      // `{ name = … }`: a bare identifier as a key is the name itself, not a variable.
      const bare = keyParts.length === 1 && keyParts[0].type === 'variable_expr';
      return { key: bare ? ({ type: 'literal', value: keyParts[0].text, line: lineOf(key) } as Expression) : expression(key, reader, depth), value: expression(value, reader, depth) };
    });
  return { type: 'object', items, line };
}

function forExpression(node: Node, reader: Reader, depth: number): Expression {
  const line = lineOf(node);
  const intro = node.namedChildren.find((child) => child?.type === 'for_intro')!;
  const names = intro.namedChildren.filter((child): child is Node => child?.type === 'identifier').map((child) => child.text);
  const collection = expression(intro.namedChildren.find((child) => child?.type === 'expression')!, reader, depth);
  const bodies = node.namedChildren.filter((child): child is Node => child?.type === 'expression').map((child) => expression(child, reader, depth));
  const condition = node.namedChildren.find((child) => child?.type === 'for_cond');
  const object = node.type === 'for_object_expr';
  return {
    type: 'for',
    keyName: names.length > 1 ? names[0] : undefined,
    valueName: names[names.length - 1],
    collection,
    key: object ? bodies[0] : undefined,
    value: object ? bodies[1] : bodies[0],
    grouping: node.namedChildren.some((child) => child?.type === 'ellipsis'),
    condition: condition ? expression(condition.namedChildren.find((child) => child?.type === 'expression')!, reader, depth) : undefined,
    line,
  };
}

/**
 * A quoted or heredoc template: literal text and interpolations. The literal text is read from the source between the
 * nodes (the grammar's literal chunks leave out some whitespace). A directive (`%{ if }`, `%{ for }`) is not evaluated.
 */
function template(node: Node, reader: Reader, depth: number): Expression {
  const line = lineOf(node);
  const children = node.children.filter((child): child is Node => child !== null);
  const heredoc = node.type === 'heredoc_template';
  const open = heredoc ? children.findIndex((child) => child.type === 'heredoc_identifier') : 0;
  const close = heredoc ? children.findLastIndex((child) => child.type === 'heredoc_identifier') : children.length - 1;
  if (close <= open) return { type: 'literal', value: '', line };
  let cursor = children[open].endIndex;
  if (heredoc) cursor = reader.text.indexOf('\n', cursor) + 1 || cursor;
  const end = heredoc ? lineStart(reader.text, children[close].startIndex) : children[close].startIndex;
  const inner = children.slice(open + 1, close);
  const indented = heredoc && children[0].text === '<<-';
  const stripped = (child: Node): boolean => child.type === 'template_interpolation' && child.children.some((part) => part?.type === 'strip_marker');
  if (inner.some((child) => child.type === 'template_directive' || stripped(child))) {
    // The indentation `<<-` removes is measured across a directive's branches: not worked out here.
    if (indented) return { type: 'unsupported', what: 'template directive or strip marker', line };
    const parts = templateParts(inner, cursor, end, reader, depth, heredoc ? unescapeHeredoc : unescapeQuoted);
    return { type: 'template', parts: parts.filter((part) => part !== ''), line };
  }
  const raw: (string | Expression)[] = [];
  for (const child of inner) {
    if (child.type === 'template_interpolation') {
      raw.push(reader.text.slice(cursor, child.startIndex));
      const inner = child.namedChildren.find((part) => part?.type === 'expression');
      raw.push(inner ? expression(inner, reader, depth) : { type: 'literal', value: '', line: lineOf(child) });
      cursor = child.endIndex;
    }
  }
  raw.push(reader.text.slice(cursor, Math.max(cursor, end)));
  const parts = (indented ? dedent(raw) : raw).map((part) => (typeof part === 'string' ? (heredoc ? unescapeHeredoc(part) : unescapeQuoted(part)) : part));
  if (parts.every((part) => typeof part === 'string')) return { type: 'literal', value: parts.join(''), line };
  return { type: 'template', parts: parts.filter((part) => part !== ''), line };
}

/**
 * The parts of a template with directives, from the source between `start` and `end`: literal text (unescaped),
 * interpolations and directives, with the whitespace a strip marker (`~`) takes away taken away.
 */
function templateParts(nodes: Node[], start: number, end: number, reader: Reader, depth: number, unescape: (text: string) => string): (string | Expression)[] {
  if (depth > MAX_NESTING) throw new TooDeep(lineOf(nodes[0]));
  const parts: (string | Expression)[] = [];
  let cursor = start;
  let stripNext = false;
  const addText = (text: string): void => {
    parts.push(unescape(stripNext ? text.replace(/^\s+/, '') : text));
    stripNext = false;
  };
  for (const node of nodes) {
    if (node.type !== 'template_interpolation' && node.type !== 'template_directive') continue;
    addText(reader.text.slice(cursor, node.startIndex));
    const sequence = node.type === 'template_directive' ? node.namedChildren[0]! : node;
    if (stripsBefore(sequence.type === 'template_interpolation' ? sequence : sequence.namedChildren[0]!)) stripEnd(parts);
    if (node.type === 'template_interpolation') {
      const inner = node.namedChildren.find((part) => part?.type === 'expression');
      parts.push(inner ? expression(inner, reader, depth) : { type: 'literal', value: '', line: lineOf(node) });
    } else parts.push(directive(sequence, reader, depth + 1, unescape));
    stripNext = stripsAfter(sequence.type === 'template_interpolation' ? sequence : sequence.namedChildren.at(-1)!);
    cursor = node.endIndex;
  }
  addText(reader.text.slice(cursor, Math.max(cursor, end)));
  return parts;
}

/** `%{ for … }…%{ endfor }` or `%{ if … }…%{ else }…%{ endif }`, each branch's parts between its markers. */
function directive(node: Node, reader: Reader, depth: number, unescape: (text: string) => string): Expression {
  const line = lineOf(node);
  const markers = node.namedChildren.filter((child): child is Node => child !== null && /^template_(?:for_start|for_end|if_intro|else_intro|if_end)$/.test(child.type));
  const branch = (opening: Node, closing: Node): (string | Expression)[] => {
    const inside = node.namedChildren.filter((child): child is Node => child !== null && child.startIndex >= opening.endIndex && child.endIndex <= closing.startIndex);
    const parts = templateParts(inside, opening.endIndex, closing.startIndex, reader, depth, unescape);
    if (stripsAfter(opening) && typeof parts[0] === 'string') parts[0] = parts[0].replace(/^\s+/, '');
    if (stripsBefore(closing)) stripEnd(parts);
    return parts;
  };
  if (node.type === 'template_for') {
    const [opening, closing] = markers;
    const names = opening.namedChildren.filter((child) => child?.type === 'identifier').map((child) => child!.text);
    const collection = opening.namedChildren.find((child) => child?.type === 'expression')!;
    return { type: 'templateFor', keyName: names.length > 1 ? names[0] : undefined, valueName: names.at(-1)!, collection: expression(collection, reader, depth), body: branch(opening, closing), line };
  }
  const [intro, ...rest] = markers;
  const closing = rest.at(-1)!;
  const otherwise = rest.length > 1 ? rest[0] : undefined;
  const condition = intro.namedChildren.find((child) => child?.type === 'expression')!;
  return { type: 'templateIf', condition: expression(condition, reader, depth), then: branch(intro, otherwise ?? closing), otherwise: otherwise ? branch(otherwise, closing) : [], line };
}

/** `${~`, `%{~`: the whitespace before the sequence goes. */
const stripsBefore = (sequence: Node): boolean => sequence.child(1)?.type === 'strip_marker';
/** `~}`: the whitespace after it goes. */
const stripsAfter = (sequence: Node): boolean => sequence.child(sequence.childCount - 2)?.type === 'strip_marker';

function stripEnd(parts: (string | Expression)[]): void {
  const last = parts.at(-1);
  if (typeof last === 'string') parts[parts.length - 1] = last.trimEnd();
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** `<<-`: the smallest indentation of the literal lines is removed from each. */
function dedent(parts: (string | Expression)[]): (string | Expression)[] {
  let smallest = Infinity;
  parts.forEach((part, index) => {
    if (typeof part !== 'string') return;
    const lines = part.split('\n');
    lines.forEach((text, at) => {
      const startsLine = at > 0 || index === 0;
      if (!startsLine || (text.trim() === '' && at === lines.length - 1 && index === parts.length - 1)) return;
      if (text.trim() === '' && typeof parts[index + 1] !== 'object') return;
      smallest = Math.min(smallest, text.length - text.trimStart().length);
    });
  });
  if (!Number.isFinite(smallest) || smallest === 0) return parts;
  return parts.map((part, index) => {
    if (typeof part !== 'string') return part;
    return part
      .split('\n')
      .map((text, at) => (at > 0 || index === 0 ? text.slice(Math.min(smallest, text.length - text.trimStart().length)) : text))
      .join('\n');
  });
}

const QUOTED_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))|\$\$\{|%%\{/gs;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function unescapeQuoted(text: string): string {
  if (!text.includes('\\') && !text.includes('$${') && !text.includes('%%{')) return text;
  return text.replace(QUOTED_ESCAPE, (whole, short: string | undefined, long: string | undefined, single: string | undefined) => {
    if (whole === '$${') return '${';
    if (whole === '%%{') return '%{';
    const code = short ?? long;
    if (code !== undefined) {
      const point = parseInt(code, 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return SIMPLE_ESCAPES[single!] ?? whole;
  });
}

function unescapeHeredoc(text: string): string {
  return text.replaceAll('$${', '${').replaceAll('%%{', '%{');
}
