import { scalar, type IacValue } from '../iac/value.js';
import type { Expression } from './syntax.js';
import { setOf } from './sets.js';
import { asBoolean, asNumber, asText, EvaluationError, list, object } from './values.js';

/**
 * A variable's `type`, as Terraform converts the value it is given: `list(object({ port = number, cidr =
 * optional(string, "10.0.0.0/8") }))` fills in the CIDR a caller left out, `set(string)` drops repeats, `string` turns
 * 22 into "22".
 */
export type TypeConstraint =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: TypeConstraint }
  | { kind: 'tuple'; elements: TypeConstraint[] }
  | { kind: 'object'; attributes: Map<string, ObjectAttribute> };

interface ObjectAttribute {
  type: TypeConstraint;
  optional: boolean;
  /** `optional(type, default)`: the value an absent or null attribute takes. */
  default?: Expression;
}

const PRIMITIVES = new Set(['any', 'string', 'number', 'bool']);
const COLLECTIONS = new Set(['list', 'set', 'map']);

/** The constraint a `type` expression writes, or undefined for one Terraform would not accept: then nothing is converted. */
export function typeConstraint(expression: Expression, depth = 0): TypeConstraint | undefined {
  if (depth > 32) return undefined;
  if (expression.type === 'variable' && PRIMITIVES.has(expression.name)) return { kind: expression.name as 'any' };
  if (expression.type !== 'call' || expression.expandLast || expression.args.length !== 1) return undefined;
  const [argument] = expression.args;
  if (COLLECTIONS.has(expression.name)) {
    const element = typeConstraint(argument, depth + 1);
    return element && { kind: expression.name as 'list', element };
  }
  if (expression.name === 'tuple' && argument.type === 'tuple') {
    const elements = argument.items.map((item) => typeConstraint(item, depth + 1));
    return elements.every((element) => element !== undefined) ? { kind: 'tuple', elements: elements as TypeConstraint[] } : undefined;
  }
  if (expression.name === 'object' && argument.type === 'object') {
    const attributes = new Map<string, ObjectAttribute>();
    for (const item of argument.items) {
      if (item.key.type !== 'literal' || typeof item.key.value !== 'string') return undefined;
      const attribute = objectAttribute(item.value, depth + 1);
      if (!attribute) return undefined;
      attributes.set(item.key.value, attribute);
    }
    return { kind: 'object', attributes };
  }
  return undefined;
}

function objectAttribute(expression: Expression, depth: number): ObjectAttribute | undefined {
  if (expression.type !== 'call' || expression.name !== 'optional') {
    const type = typeConstraint(expression, depth);
    return type && { type, optional: false };
  }
  if (expression.expandLast || expression.args.length < 1 || expression.args.length > 2) return undefined;
  const type = typeConstraint(expression.args[0], depth);
  return type && { type, optional: true, default: expression.args[1] };
}

/**
 * `value` converted to `type`, as Terraform converts a variable's value; an EvaluationError where Terraform would
 * reject it ("Invalid value for variable"). What is unknown stays unknown. `evaluate` gives an optional attribute's
 * default its value.
 */
export function converted(value: IacValue, type: TypeConstraint, evaluate: (expression: Expression) => IacValue, depth = 0): IacValue {
  if (depth > 32) throw new EvaluationError('a value nested too deeply for its type');
  if (value.kind === 'unknown' || type.kind === 'any' || (value.kind === 'scalar' && value.value === null)) return value;
  const { line } = value;
  switch (type.kind) {
    case 'string':
      return value.kind === 'scalar' && typeof value.value === 'string' ? value : scalar(asText(value), line);
    case 'number':
      return value.kind === 'scalar' && typeof value.value === 'number' ? value : scalar(asNumber(value), line);
    case 'bool':
      return value.kind === 'scalar' && typeof value.value === 'boolean' ? value : scalar(asBoolean(value), line);
    case 'list':
    case 'set': {
      if (value.kind !== 'list') throw new EvaluationError(`a ${type.kind} is required, not ${value.kind === 'object' ? 'an object' : 'a single value'}`);
      const items = value.items.map((item) => converted(item, type.element, evaluate, depth + 1));
      return type.kind === 'set' ? setOf(items, line, () => true) : list(items, line);
    }
    case 'tuple': {
      if (value.kind !== 'list' || value.items.length !== type.elements.length) throw new EvaluationError(`a tuple of ${type.elements.length} elements is required`);
      return list(value.items.map((item, index) => converted(item, type.elements[index], evaluate, depth + 1)), line);
    }
    case 'map': {
      if (value.kind !== 'object') throw new EvaluationError('a map is required');
      return object(new Map([...value.fields].map(([key, field]) => [key, converted(field, type.element, evaluate, depth + 1)])), line);
    }
    case 'object': {
      if (value.kind !== 'object') throw new EvaluationError('an object is required');
      const fields = new Map<string, IacValue>();
      for (const [name, attribute] of type.attributes) {
        const given = value.fields.get(name);
        const absent = given === undefined || (given.kind === 'scalar' && given.value === null);
        if (absent && !attribute.optional && given === undefined) throw new EvaluationError(`attribute ${JSON.stringify(name.slice(0, 40))} is required`);
        const taken = absent && attribute.optional ? (attribute.default ? evaluate(attribute.default) : scalar(null, line)) : given!;
        fields.set(name, converted(taken, attribute.type, evaluate, depth + 1));
      }
      return object(fields, line);
    }
  }
}
