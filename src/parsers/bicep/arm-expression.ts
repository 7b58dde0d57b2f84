import type { Node } from 'web-tree-sitter';
import { quoted } from '../../model/quote.js';
import { BICEP_FUNCTIONS, type BicepSymbols } from './symbols.js';

/**
 * Bicep expressions as ARM template expressions, as `bicep build` writes them: parameters and variables by their
 * functions, operators as the functions they stand for (`a == b` is `equals(a, b)`, `c ? a : b` is `if(c, a, b)`),
 * interpolated strings as `format()`, literals inside an expression as `createObject()` and `createArray()`. The ARM
 * evaluator then evaluates them with the functions it knows. What has no ARM form here (a resource's runtime
 * properties, a loop inside an expression, files read at build time) is an unknown of its own, named by the Bicep
 * text. Lambdas are ARM's `lambda()`, which `map()` and `filter()` evaluate.
 */

/** Loop variables in scope: name → the ARM expression of their value (`parameters('rules')[copyIndex('securityRules')]`). */
export type Locals = ReadonlyMap<string, string>;

const OPERATORS: Readonly<Record<string, (left: string, right: string) => string>> = {
  '==': (a, b) => `equals(${a}, ${b})`,
  '!=': (a, b) => `not(equals(${a}, ${b}))`,
  '=~': (a, b) => `equals(toLower(${a}), toLower(${b}))`,
  '!~': (a, b) => `not(equals(toLower(${a}), toLower(${b})))`,
  '&&': (a, b) => `and(${a}, ${b})`,
  '||': (a, b) => `or(${a}, ${b})`,
  '<': (a, b) => `less(${a}, ${b})`,
  '<=': (a, b) => `lessOrEquals(${a}, ${b})`,
  '>': (a, b) => `greater(${a}, ${b})`,
  '>=': (a, b) => `greaterOrEquals(${a}, ${b})`,
  '+': (a, b) => `add(${a}, ${b})`,
  '-': (a, b) => `sub(${a}, ${b})`,
  '*': (a, b) => `mul(${a}, ${b})`,
  '/': (a, b) => `div(${a}, ${b})`,
  '%': (a, b) => `mod(${a}, ${b})`,
  '??': (a, b) => `coalesce(${a}, ${b})`,
};

/** Functions Bicep runs when it builds the template, reading files beside it: their values are not in the file scanned. */
const BUILD_TIME_FUNCTIONS = new Set(['loadtextcontent', 'loadjsoncontent', 'loadyamlcontent', 'loadfileasbase64', 'loaddirectoryfileinfo']);

/** Namespaces a function may be called through (`sys.concat`, `az.resourceGroup`). */
const NAMESPACES = new Set(['sys', 'az']);

/** Deeper than any real expression (a chain of thousands of operators in hostile input): not walked, it would overflow the stack. */
const MAX_EXPRESSION_DEPTH = 200;
let depth = 0;

export function armExpression(node: Node, symbols: BicepSymbols, locals: Locals): string {
  if (depth >= MAX_EXPRESSION_DEPTH) return symbols.unknown(node, `an expression nested more than ${MAX_EXPRESSION_DEPTH} deep`);
  depth++;
  try {
    return translated(node, symbols, locals);
  } finally {
    depth--;
  }
}

function translated(node: Node, symbols: BicepSymbols, locals: Locals): string {
  const hoisted = hoistedLambda(node, symbols, locals);
  if (hoisted !== undefined) return hoisted;
  const part = (child: Node | null) => (child ? armExpression(child, symbols, locals) : symbols.unknown(node, 'an expression without a value'));
  switch (node.type) {
    case 'string':
      return stringExpression(node, symbols, locals);
    case 'number':
      return node.text;
    case 'boolean':
      return node.text === 'true' ? 'true()' : 'false()';
    case 'null':
      return 'null()';
    case 'array': {
      // The `[0]` of `a[0]` in an array (see arrayItems): a subscript of the item before it.
      const base = locals.get(subscriptKey(node));
      if (base !== undefined) return `${base}[${part(expressions(node)[0] ?? null)}]`;
      return `createArray(${arrayItems(node).map((item) => itemExpression(item, symbols, locals)).join(', ')})`;
    }
    case 'object':
      return `createObject(${properties(node).flatMap(([key, value]) => [armString(key), armExpression(value, symbols, locals)]).join(', ')})`;
    case 'parenthesized_expression':
      return part(expressions(node)[0] ?? null);
    case 'identifier':
      return identifier(node, symbols, locals);
    case 'member_expression': {
      const target = node.childForFieldName('object');
      const property = node.childForFieldName('property')?.text ?? '';
      const resource = target?.type === 'identifier' && !locals.has(target.text) ? symbols.resource(target.text) : undefined;
      if (resource) return property === 'name' && resource.name !== undefined ? resource.name : symbols.unknown(node, undefined, resource.address);
      const object = part(target);
      // `a.?b`: null where `a` is null or has no `b`, as Bicep's safe dereference.
      if (node.children.some((child) => child?.type === '.?')) return `if(contains(coalesce(${object}, createObject()), ${armString(property)}), ${object}.${property}, null())`;
      return `${object}.${property}`;
    }
    case 'subscript_expression':
      return `${part(node.childForFieldName('object'))}[${part(node.childForFieldName('index'))}]`;
    case 'call_expression':
      return call(node, symbols, locals);
    case 'ternary_expression':
      return `if(${part(node.childForFieldName('condition'))}, ${part(node.childForFieldName('consequence'))}, ${part(node.childForFieldName('alternative'))})`;
    case 'binary_expression': {
      const operator = OPERATORS[node.childForFieldName('operator')?.text ?? ''];
      if (!operator) return symbols.unknown(node, 'an operator Parapet does not evaluate');
      return operator(part(node.childForFieldName('left')), part(node.childForFieldName('right')));
    }
    case 'unary_expression': {
      const argument = part(node.childForFieldName('argument'));
      return node.childForFieldName('operator')?.text === '!' ? `not(${argument})` : `sub(0, ${argument})`;
    }
    case 'lambda_expression':
      // The lambda whose body hoistedLambda() has taken up: here stands its body.
      if (locals.has(unwrapKey(node))) return part(expressions(node)[1] ?? null);
      return lambda(node, symbols, locals);
    default:
      return symbols.unknown(node, node.type === 'for_statement' ? 'a loop inside an expression' : `a ${node.type.replaceAll('_', ' ')}`);
  }
}

/** An item of an array as Bicep reads it: a node, or a node whose leftmost `[…]` subscripts the item before it. */
export interface ArrayItem {
  node: Node;
  base?: ArrayItem;
  edge?: Node;
}

/**
 * An array's items as Bicep reads them. The grammar reads `p[0].x` on a line of a multi-line array as two items, `p`
 * and `[0].x`: an item that starts where the one before it ends, with a one-element array on its left edge, is that
 * item subscripted.
 */
export function arrayItems(array: Node): ArrayItem[] {
  const items: ArrayItem[] = [];
  for (const node of expressions(array)) {
    const previous = items[items.length - 1];
    const edge = previous && node.startIndex === previous.node.endIndex ? leftArray(node) : undefined;
    if (previous && edge) items[items.length - 1] = { node, base: previous, edge };
    else items.push({ node });
  }
  return items;
}

export function itemExpression(item: ArrayItem, symbols: BicepSymbols, locals: Locals): string {
  if (!item.base || !item.edge) return armExpression(item.node, symbols, locals);
  const inner = new Map(locals);
  inner.set(subscriptKey(item.edge), itemExpression(item.base, symbols, locals));
  return armExpression(item.node, symbols, inner);
}

function leftArray(node: Node): Node | undefined {
  let edge: Node | null = node;
  while (edge && (edge.type === 'member_expression' || edge.type === 'subscript_expression')) edge = edge.childForFieldName('object');
  return edge?.type === 'array' && edge.startIndex === node.startIndex && expressions(edge).length === 1 ? edge : undefined;
}

/** The locals' key of an array read as a subscript of the item before it. */
function subscriptKey(arrayNode: Node): string {
  return `\u0000subscript ${arrayNode.id}`;
}

/** A string's text when it has no interpolation, escapes decoded; undefined otherwise. */
export function literalString(node: Node): string | undefined {
  let text = '';
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'interpolation') return undefined;
    text += child.type === 'escape_sequence' ? unescaped(child.text) : child.text;
  }
  // A multi-line string drops the line break right after its opening quotes.
  return node.text.startsWith("'''") ? text.replace(/^\r?\n/, '') : text;
}

/** An ARM string literal. */
export function armString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The expressions among a node's children, without comments and decorators. */
export function expressions(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment' && child.type !== 'decorators' && child.type !== 'diagnostic_comment');
}

/** An object's properties as key and value, nested resource declarations left out. */
export function properties(node: Node): [key: string, value: Node, property: Node][] {
  const result: [string, Node, Node][] = [];
  for (const property of expressions(node)) {
    if (property.type !== 'object_property') continue;
    const [key, value] = expressions(property);
    if (!key || !value || value.type === 'resource_declaration') continue;
    const name = key.type === 'string' ? literalString(key) : key.text;
    if (name !== undefined) result.push([name, value, property]);
  }
  return result;
}

function stringExpression(node: Node, symbols: BicepSymbols, locals: Locals): string {
  const literal = literalString(node);
  if (literal !== undefined) return armString(literal);
  let format = '';
  const args: string[] = [];
  for (const child of node.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type === 'interpolation') {
      const [inner] = expressions(child);
      format += `{${args.length}}`;
      args.push(inner ? armExpression(inner, symbols, locals) : symbols.unknown(child, 'an empty interpolation'));
    } else {
      format += (child.type === 'escape_sequence' ? unescaped(child.text) : child.text).replaceAll('{', '{{').replaceAll('}', '}}');
    }
  }
  return `format(${[armString(format), ...args].join(', ')})`;
}

function identifier(node: Node, symbols: BicepSymbols, locals: Locals): string {
  const name = node.text;
  const local = locals.get(name);
  if (local !== undefined) return local;
  if (symbols.parameters.has(name)) return `parameters(${armString(name)})`;
  if (symbols.variables.has(name)) return `variables(${armString(name)})`;
  const resource = symbols.resource(name);
  if (resource) return symbols.unknown(node, undefined, resource.address);
  const elsewhere = symbols.elsewhere.get(name);
  if (elsewhere === 'module') return symbols.unknown(node);
  if (elsewhere === 'import') return symbols.unknown(node, `${quoted(name)} is imported from another file, which Parapet does not read for it`);
  return symbols.unknown(node, `${quoted(name)} is not declared in the file`);
}

function call(node: Node, symbols: BicepSymbols, locals: Locals): string {
  const callee = node.childForFieldName('function');
  let name: string | undefined;
  if (callee?.type === 'identifier') name = callee.text;
  else if (callee?.type === 'member_expression' && NAMESPACES.has(callee.childForFieldName('object')?.text ?? '')) name = callee.childForFieldName('property')?.text;
  if (name === undefined) return symbols.unknown(node, 'a call Parapet does not evaluate');
  const args = expressions(node.childForFieldName('arguments') ?? node);
  if (BUILD_TIME_FUNCTIONS.has(name.toLowerCase())) return buildTimeRead(node, name, args, symbols);
  if (callee?.type === 'identifier' && symbols.functions.has(name)) name = `${BICEP_FUNCTIONS}.${name}`;
  return `${name}(${args.map((argument) => armExpression(argument, symbols, locals)).join(', ')})`;
}

/** `(x, i) => body` as `lambda('x', 'i', body)`, the body reading its parameters through `lambdaVariables()`. */
function lambda(node: Node, symbols: BicepSymbols, locals: Locals, body: Node | undefined = expressions(node)[1], unwrap?: Node): string {
  const parameters = expressions(node)[0];
  const names = parameters?.type === 'identifier' ? [parameters.text] : parameters ? expressions(parameters).map((parameter) => parameter.text) : [];
  if (!body || names.length === 0) return symbols.unknown(node, 'a lambda Parapet cannot read');
  const inner = new Map(locals);
  for (const name of names) inner.set(name, `lambdaVariables(${armString(name)})`);
  if (unwrap) inner.set(unwrapKey(unwrap), '');
  return `lambda(${[...names.map(armString), armExpression(body, symbols, inner)].join(', ')})`;
}

/**
 * The grammar binds a lambda's body tighter than Bicep does: `c => c.enabled` is read as `(c => c).enabled`, and
 * `x => x.a == 1` as `((x => x).a) == 1`. A lambda on the left edge of an expression takes the whole expression as its
 * body, as Bicep reads it.
 */
function hoistedLambda(node: Node, symbols: BicepSymbols, locals: Locals): string | undefined {
  if (node.type === 'lambda_expression') return undefined;
  let edge: Node | null = node;
  while (edge && edge.type !== 'lambda_expression') {
    if (edge.type === 'member_expression' || edge.type === 'subscript_expression') edge = edge.childForFieldName('object');
    else if (edge.type === 'binary_expression') edge = edge.childForFieldName('left');
    else if (edge.type === 'ternary_expression') edge = edge.childForFieldName('condition');
    else return undefined;
  }
  if (!edge || locals.has(unwrapKey(edge))) return undefined;
  return lambda(edge, symbols, locals, node, edge);
}

/** The locals' key that marks a lambda whose body is being read in place of it (no Bicep name holds a NUL). */
function unwrapKey(lambdaNode: Node): string {
  return `\u0000lambda ${lambdaNode.id}`;
}

/**
 * `loadTextContent('file')` and `loadJsonContent('file')`: the file's text (or JSON) as Bicep puts it into the
 * template when it builds, read beside the Bicep file inside the scanned tree. A JSON path, YAML, a path that is not a
 * literal, and the other build-time reads are unknown.
 */
function buildTimeRead(node: Node, name: string, args: Node[], symbols: BicepSymbols): string {
  const lower = name.toLowerCase();
  const written = args[0]?.type === 'string' ? literalString(args[0]) : undefined;
  const jsonPath = lower === 'loadjsoncontent' && args[1] ? JSON_PATH.exec(literalString(args[1]) ?? '') : undefined;
  const readable = written !== undefined && (lower === 'loadtextcontent' || (lower === 'loadjsoncontent' && (args.length === 1 || jsonPath)));
  if (!readable) return symbols.unknown(node, `${name}() reads a file when Bicep builds the template in a way Parapet does not evaluate`);
  const text = symbols.readBeside(written, node);
  if (text === undefined) return symbols.unknown(node);
  return lower === 'loadtextcontent' ? armString(text) : `json(${armString(text)})${jsonPath?.[1] ? `.${jsonPath[1]}` : ''}`;
}

/** A JSON path of property names only (`telemetryIdPrefix`, `$.a.b`), which Parapet follows. */
const JSON_PATH = /^(?:\$\.?|\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)$/;

function unescaped(sequence: string): string {
  const escapes: Record<string, string> = { '\\\\': '\\', "\\'": "'", '\\n': '\n', '\\r': '\r', '\\t': '\t', '\\$': '$' };
  if (Object.hasOwn(escapes, sequence)) return escapes[sequence];
  const code = /^\\u\{([0-9A-Fa-f]{1,6})\}$/.exec(sequence);
  return code && Number.parseInt(code[1], 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(code[1], 16)) : sequence;
}
