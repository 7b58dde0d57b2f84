import { isObjectJson, member, stringJson, type ArmJson, type ArmJsonObject } from './json-tree.js';

/** A function of a template's `functions` section: its parameters in order, and the value it outputs. */
export interface UserFunction {
  /** `namespace.name`, as calls write it. */
  name: string;
  /** The parameters' declarations, as a template's `parameters` section holds them (name → { type }). */
  parameters: ArmJsonObject;
  /** The parameters' names, in order. */
  order: string[];
  output: ArmJson;
  line: number;
}

/** The user-defined functions of a template (`functions`: namespaces of members), by lower-case `namespace.name`. */
export function userFunctions(template: ArmJsonObject): Map<string, UserFunction> {
  const found = new Map<string, UserFunction>();
  const namespaces = member(template, 'functions');
  if (namespaces?.kind !== 'array') return found;
  for (const namespace of namespaces.items) {
    const prefix = isObjectJson(namespace) ? stringJson(member(namespace, 'namespace')) : undefined;
    const members = isObjectJson(namespace) ? member(namespace, 'members') : undefined;
    if (prefix === undefined || !isObjectJson(members)) continue;
    for (const { key, value } of members.members.values()) {
      const output = isObjectJson(value) ? member(value, 'output') : undefined;
      const outputValue = isObjectJson(output) ? member(output, 'value') : undefined;
      if (!isObjectJson(value) || outputValue === undefined) continue;
      const declared = member(value, 'parameters');
      const parameters: ArmJsonObject = { kind: 'object', members: new Map(), line: value.line };
      const order: string[] = [];
      for (const parameter of declared?.kind === 'array' ? declared.items : []) {
        const name = isObjectJson(parameter) ? stringJson(member(parameter, 'name')) : undefined;
        if (name === undefined || !isObjectJson(parameter)) continue;
        order.push(name);
        parameters.members.set(name.toLowerCase(), { key: name, value: parameter });
      }
      const name = `${prefix}.${key}`;
      found.set(name.toLowerCase(), { name, parameters, order, output: outputValue, line: value.line });
    }
  }
  return found;
}
