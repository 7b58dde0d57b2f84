import type { Node } from 'web-tree-sitter';
import { quoted } from '../../model/quote.js';
import type { ArmJson, ArmJsonMember, ArmJsonObject } from '../arm/json-tree.js';
import { armExpression, armString, arrayItems, expressions, itemExpression, literalString, properties, type Locals } from './arm-expression.js';
import { BICEP_FUNCTIONS, type BicepResource, type BicepSymbols } from './symbols.js';

/** Reads and translates the Bicep file a module call names (`'./nsg.bicep'`), or says why not and gives undefined. */
export type ModuleReader = (path: string, call: Node) => ArmJsonObject | undefined;

/**
 * A Bicep file as the ARM template `bicep build` makes of it, each value on the line of the Bicep that writes it:
 * parameters with their defaults, variables, resources with their `if` conditions (`condition`), `for` loops (`copy`,
 * and property and variable copies), nested child resources (`resources`) and `parent` (the name made whole), and
 * module calls as nested deployments of the modules' templates. Literal values stay literal; every other value is an
 * ARM expression (see arm-expression.ts), so that the ARM evaluator judges Bicep as it judges the template Azure would
 * deploy.
 */
export function bicepToArm(root: Node, symbols: BicepSymbols, readModule: ModuleReader): ArmJsonObject {
  const declarations = expressions(root);
  for (const declaration of declarations) declare(declaration, symbols);
  const parameters: ArmJsonMember[] = [];
  const variables: ArmJsonMember[] = [];
  const variableCopies: ArmJson[] = [];
  const resources: ArmJson[] = [];
  const functions: ArmJsonMember[] = [];
  for (const declaration of declarations) {
    const [identifier] = expressions(declaration);
    const name = identifier?.text ?? '';
    const value = valueOf(declaration);
    if (declaration.type === 'parameter_declaration') {
      const fields: ArmJsonMember[] = [{ key: 'type', value: scalar(parameterType(declaration), declaration) }];
      if (value) fields.push({ key: 'defaultValue', value: json(value, symbols, new Map()) });
      parameters.push({ key: name, value: object(fields, declaration) });
    } else if (declaration.type === 'variable_declaration' && value) {
      if (value.type === 'for_statement') variableCopies.push(copyItem(name, value, symbols, new Map()));
      else variables.push({ key: name, value: json(value, symbols, new Map()) });
    } else if (declaration.type === 'resource_declaration') {
      const resource = resourceJson(declaration, symbols, new Map());
      if (resource) resources.push(resource);
    } else if (declaration.type === 'module_declaration') {
      const deployment = moduleJson(declaration, symbols, readModule);
      if (deployment) resources.push(deployment);
    } else if (declaration.type === 'user_defined_function' && value) {
      functions.push({ key: name, value: functionJson(declaration, value, symbols) });
    }
  }
  if (variableCopies.length > 0) variables.push({ key: 'copy', value: { kind: 'array', items: variableCopies, line: 1 } });
  return object(
    [
      { key: 'parameters', value: object(parameters, root) },
      { key: 'variables', value: object(variables, root) },
      { key: 'resources', value: { kind: 'array', items: resources, line: 1 } },
      { key: 'functions', value: { kind: 'array', items: [object([{ key: 'namespace', value: scalar(BICEP_FUNCTIONS, root) }, { key: 'members', value: object(functions, root) }], root)], line: 1 } },
    ],
    root,
  );
}

/** `func name(a string) string => body` as ARM's user-defined function: its body reads its parameters as `parameters('a')`. */
function functionJson(declaration: Node, body: Node, symbols: BicepSymbols): ArmJson {
  const declared = expressions(declaration).find((child) => child.type === 'parameters');
  const parameters = declared ? expressions(declared).filter((child) => child.type === 'parameter') : [];
  const locals = new Map<string, string>();
  const items: ArmJson[] = [];
  for (const parameter of parameters) {
    const name = expressions(parameter)[0]?.text ?? '';
    locals.set(name, `parameters(${armString(name)})`);
    items.push(object([{ key: 'name', value: scalar(name, parameter) }, { key: 'type', value: scalar(parameterType(parameter), parameter) }], parameter));
  }
  return object([{ key: 'parameters', value: { kind: 'array', items, line: line(declaration) } }, { key: 'output', value: object([{ key: 'value', value: json(body, symbols, locals) }], body) }], declaration);
}

/** Names every parameter, variable and resource first: a Bicep declaration may be used above where it is written. */
function declare(declaration: Node, symbols: BicepSymbols, parent?: BicepResource): void {
  const name = expressions(declaration)[0]?.text ?? '';
  if (declaration.type === 'parameter_declaration') {
    symbols.parameters.add(name);
    if (expressions(declaration).find((child) => child.type === 'type')?.firstNamedChild?.type === 'nullable_type') symbols.nullable.add(name);
  }
  else if (declaration.type === 'variable_declaration') symbols.variables.add(name);
  else if (declaration.type === 'user_defined_function') symbols.functions.add(name);
  else if (declaration.type === 'module_declaration') symbols.elsewhere.set(name, 'module');
  else if (declaration.type === 'import_functionality' || declaration.type === 'import_statement' || declaration.type === 'import_with_statement') {
    for (const imported of expressions(declaration)) if (imported.type === 'identifier') symbols.elsewhere.set(imported.text, 'import');
  }
  if (declaration.type !== 'resource_declaration') return;
  const type = resourceType(declaration, parent?.type);
  const body = bodyOf(declaration);
  const nameNode = body ? properties(body).find(([key]) => key === 'name')?.[1] : undefined;
  const looped = valueOf(declaration)?.type === 'for_statement';
  const parentSymbol = body ? properties(body).find(([key]) => key === 'parent')?.[1] : undefined;
  let computed: { name: string | undefined } | undefined;
  const resource: BicepResource = {
    type: type?.type ?? '',
    address: nameNode ? nameNode.text : name,
    get name() {
      if (computed) return computed.name;
      // Asked again while being worked out (a name that reads itself): unknown.
      computed = { name: undefined };
      const own = nameNode && !looped ? armExpression(nameNode, symbols, new Map()) : undefined;
      const parentName = parent ? parent.name : parentSymbol ? symbols.resource(parentSymbol.text)?.name : undefined;
      computed = { name: own === undefined ? undefined : parent || parentSymbol ? (parentName === undefined ? undefined : `format('{0}/{1}', ${parentName}, ${own})`) : own };
      return computed.name;
    },
  };
  symbols.resources.set(name, resource);
  for (const child of body ? nestedResources(body) : []) declare(child, symbols, resource);
}

/** A resource declaration as an ARM resource; undefined for an `existing` one (deployed elsewhere) or one it cannot read. */
function resourceJson(declaration: Node, symbols: BicepSymbols, locals: Locals, nested = false): ArmJson | undefined {
  const type = resourceType(declaration);
  if (!type) {
    symbols.state.report('iac/invalid-resource', line(declaration), 'a resource whose type is not a literal \'Type@version\' — not judged; write its type as a string', 'warning');
    return undefined;
  }
  if (declaration.children.some((child) => child?.type === 'existing')) return undefined;
  const symbol = expressions(declaration)[0]?.text ?? '';
  const members: ArmJsonMember[] = [
    { key: 'type', value: scalar(type.type, declaration) },
    { key: 'apiVersion', value: scalar(type.apiVersion, declaration) },
  ];
  const { value, scope } = unwrapped(declaration, symbol, members, symbols, locals);
  if (value?.type !== 'object') return undefined;
  const body = objectJson(value, symbols, scope, new Set(['parent', 'scope', 'dependson']));
  const parent = properties(value).find(([key]) => key === 'parent')?.[1];
  if (parent && !nested) {
    const whole = symbols.resource(symbol)?.name;
    const name = body.members.get('name');
    if (name && whole !== undefined) name.value = { kind: 'scalar', value: `[${whole}]`, line: name.value.line };
  }
  const children = nestedResources(value).map((child) => resourceJson(child, symbols, scope, true)).filter((child): child is ArmJson => child !== undefined);
  for (const [key, member] of body.members) if (key !== 'type' && key !== 'apiversion') members.push(member);
  if (children.length > 0) members.push({ key: 'resources', value: { kind: 'array', items: children, line: line(value) } });
  return object(members, declaration);
}

/**
 * A module call as the nested deployment Bicep makes of it: the module's template inline, evaluated in its own scope
 * with the call's `params`, as the module's file (its lines, its problems).
 */
function moduleJson(declaration: Node, symbols: BicepSymbols, readModule: ModuleReader): ArmJson | undefined {
  const [identifier, path] = expressions(declaration);
  const symbol = identifier?.text ?? '';
  const written = path?.type === 'string' ? literalString(path) : undefined;
  if (written === undefined) {
    symbols.state.report('iac/unsupported', line(declaration), `module ${quoted(symbol)} names its file by an expression — not read, its resources are not judged; write the path as a string`, 'warning');
    return undefined;
  }
  const template = readModule(written, declaration);
  if (!template) return undefined;
  const members: ArmJsonMember[] = [{ key: 'type', value: scalar('Microsoft.Resources/deployments', declaration) }];
  const { value, scope } = unwrapped(declaration, symbol, members, symbols, new Map());
  if (value?.type !== 'object') return undefined;
  const body = properties(value);
  const name = body.find(([key]) => key === 'name')?.[1];
  const given = body.find(([key]) => key === 'params')?.[1];
  const parameters: ArmJsonMember[] = given?.type === 'object' ? properties(given).map(([key, argument]) => ({ key, value: object([{ key: 'value', value: json(argument, symbols, scope) }], argument) })) : [];
  if (given && given.type !== 'object') symbols.state.report('iac/unsupported', line(given), `the params of module ${quoted(symbol)} are not an object literal — not read, the module's parameters are judged unknown; write them out`, 'warning');
  members.push(
    { key: 'name', value: name ? json(name, symbols, scope) : scalar(symbol, declaration) },
    {
      key: 'properties',
      value: object(
        [
          { key: 'expressionEvaluationOptions', value: object([{ key: 'scope', value: scalar('inner', declaration) }], declaration) },
          { key: 'parameters', value: object(parameters, value) },
          { key: 'template', value: template },
        ],
        value,
      ),
    },
  );
  return object(members, declaration);
}

/** The object inside a resource's or module's `for` and `if`, their `copy` and `condition` added to `members`. */
function unwrapped(declaration: Node, symbol: string, members: ArmJsonMember[], symbols: BicepSymbols, locals: Locals): { value: Node | undefined; scope: Locals } {
  let value = valueOf(declaration);
  let scope = locals;
  if (value?.type === 'for_statement') {
    const loop = loopOf(value, symbol, symbols, locals);
    members.push({ key: 'copy', value: object([{ key: 'name', value: scalar(symbol, value) }, { key: 'count', value: loop.count }], value) });
    scope = loop.locals;
    value = loop.body;
  }
  if (value?.type === 'if_statement') {
    const [condition, body] = expressions(value);
    members.push({ key: 'condition', value: scalar(`[${armExpression(condition, symbols, scope)}]`, condition) });
    value = body;
  }
  return { value, scope };
}

/** A value as ARM JSON: literals as they are, objects and arrays member by member, anything else as an expression. */
function json(node: Node, symbols: BicepSymbols, locals: Locals): ArmJson {
  symbols.state.count(1);
  switch (node.type) {
    case 'string': {
      const literal = literalString(node);
      // A literal that starts with '[' is escaped as '[[', or ARM would read it as an expression.
      if (literal !== undefined) return scalar(literal.startsWith('[') ? `[${literal}` : literal, node);
      break;
    }
    case 'number':
      return scalar(Number(node.text), node);
    case 'boolean':
      return scalar(node.text === 'true', node);
    case 'null':
      return scalar(null, node);
    case 'array':
      return { kind: 'array', items: arrayItems(node).map((item) => (item.base ? scalar(`[${itemExpression(item, symbols, locals)}]`, item.node) : json(item.node, symbols, locals))), line: line(node) };
    case 'object':
      return objectJson(node, symbols, locals);
  }
  return scalar(`[${armExpression(node, symbols, locals)}]`, node);
}

/** An object's properties; a property whose value is a `for` loop is a property copy, as ARM writes it. */
function objectJson(node: Node, symbols: BicepSymbols, locals: Locals, leftOut: ReadonlySet<string> = new Set()): ArmJsonObject {
  const members: ArmJsonMember[] = [];
  const copies: ArmJson[] = [];
  for (const [key, value] of properties(node)) {
    if (leftOut.has(key.toLowerCase())) continue;
    if (value.type === 'for_statement') copies.push(copyItem(key, value, symbols, locals));
    else members.push({ key, value: json(value, symbols, locals) });
  }
  if (copies.length > 0) members.push({ key: 'copy', value: { kind: 'array', items: copies, line: line(node) } });
  return object(members, node);
}

/** A property or variable copy: `{ name, count, input }`. */
function copyItem(name: string, loop: Node, symbols: BicepSymbols, locals: Locals): ArmJson {
  const { count, locals: inner, body } = loopOf(loop, name, symbols, locals);
  let input = body;
  if (input?.type === 'if_statement') {
    // ARM's property copies keep every item; Bicep's filter is left out, which can only add items to judge.
    symbols.state.report('iac/unsupported', line(input), `the condition of the loop ${quoted(name)} is not evaluated — every item is judged, as if each passed it`, 'warning');
    input = expressions(input)[1];
  }
  return object(
    [
      { key: 'name', value: scalar(name, loop) },
      { key: 'count', value: count },
      { key: 'input', value: input ? json(input, symbols, inner) : scalar(`[${symbols.unknown(loop, 'a loop without a body')}]`, loop) },
    ],
    loop,
  );
}

/**
 * A `for` loop named `name` (its copyIndex name): how many times it runs, and its variables as ARM expressions — the
 * item is the collection at copyIndex, the index copyIndex itself.
 */
function loopOf(loop: Node, name: string, symbols: BicepSymbols, locals: Locals): { count: ArmJson; locals: Locals; body: Node | undefined } {
  const item = loop.childForFieldName('initializer');
  const parameters = expressions(loop).find((child) => child.type === 'for_loop_parameters');
  const body = loop.childForFieldName('body') ?? undefined;
  // Nodes are compared by id: each access makes a new object for the same node.
  const collection = expressions(loop).find((child) => child.id !== item?.id && child.id !== parameters?.id && child.id !== body?.id);
  const items = collection ? armExpression(collection, symbols, locals) : symbols.unknown(loop, 'a loop without a collection');
  const index = `copyIndex(${armString(name)})`;
  const inner = new Map(locals);
  const itemName = item?.text ?? parameters?.namedChildren.find((child) => child?.type === 'loop_variable')?.text;
  const indexName = parameters?.namedChildren.find((child) => child?.type === 'loop_enumerator')?.text;
  if (itemName) inner.set(itemName, `${items}[${index}]`);
  if (indexName) inner.set(indexName, index);
  return { count: scalar(`[length(${items})]`, collection ?? loop), locals: inner, body };
}

function resourceType(declaration: Node, parentType?: string): { type: string; apiVersion: string } | undefined {
  const written = expressions(declaration).find((child) => child.type === 'string');
  const text = written ? literalString(written) : undefined;
  if (text === undefined) return undefined;
  const at = text.indexOf('@');
  const type = at < 0 ? text : text.slice(0, at);
  return { type: parentType && !type.includes('/') ? `${parentType}/${type}` : type, apiVersion: at < 0 ? '' : text.slice(at + 1) };
}

/** The value after `=`: an object, an `if`, or a `for`. */
function valueOf(declaration: Node): Node | undefined {
  const children = expressions(declaration);
  const value = children[children.length - 1];
  return value && value !== children[0] && value.type !== 'type' && !(declaration.type === 'resource_declaration' && value.type === 'string') ? value : undefined;
}

/** The object of a resource, inside its `if` or `for`. */
function bodyOf(declaration: Node): Node | undefined {
  let value = valueOf(declaration);
  if (value?.type === 'for_statement') value = value.childForFieldName('body') ?? undefined;
  if (value?.type === 'if_statement') value = expressions(value)[1];
  return value?.type === 'object' ? value : undefined;
}

function nestedResources(body: Node): Node[] {
  return expressions(body).flatMap((property) => (property.type === 'object_property' ? expressions(property).filter((child) => child.type === 'resource_declaration') : []));
}

/** A parameter's ARM type, by which a value given on the command line is read. */
function parameterType(declaration: Node): string {
  const type = expressions(declaration).find((child) => child.type === 'type');
  const text = (type?.text.trim() ?? '').replace(/\?$/, '');
  if (/^(?:string|int|bool|array|object)$/.test(text)) return text;
  if (text.endsWith('[]')) return 'array';
  return /^'/.test(text) ? 'string' : 'object';
}

function scalar(value: string | number | boolean | null, at: Node): ArmJson {
  return { kind: 'scalar', value, line: line(at) };
}

function object(members: ArmJsonMember[], at: Node): ArmJsonObject {
  return { kind: 'object', members: new Map(members.map((member) => [member.key.toLowerCase(), member])), line: line(at) };
}

function line(node: Node): number {
  return node.startPosition.row + 1;
}
