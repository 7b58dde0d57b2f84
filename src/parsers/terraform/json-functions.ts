import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { scalar, type IacValue } from '../iac/value.js';
import { MAX_NESTING } from './syntax.js';
import { compareKeys, EvaluationError, list, numberText, object } from './values.js';

/**
 * jsonencode() of a wholly known value, as Terraform writes it: an object's keys in order (JavaScript would put keys
 * that look like numbers first), and <, > and & escaped, as Go's encoder does.
 */
export function jsonEncode(value: IacValue): string {
  return encoded(value, 0).replace(/[<>&]/g, (character) => `\\u00${character.charCodeAt(0).toString(16)}`);
}

function encoded(value: IacValue, depth: number): string {
  if (depth > MAX_NESTING) throw new EvaluationError('jsonencode() of a value nested too deeply');
  if (value.kind === 'scalar') return typeof value.value === 'number' ? numberText(value.value) : JSON.stringify(value.value);
  if (value.kind === 'list') return `[${value.items.map((item) => encoded(item, depth + 1)).join(',')}]`;
  if (value.kind === 'object') {
    const fields = [...value.fields].sort(([left], [right]) => compareKeys(left, right));
    return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${encoded(field, depth + 1)}`).join(',')}}`;
  }
  throw new EvaluationError('jsonencode() of an unknown value');
}

/** jsondecode(): every value at the line of the call. */
export function jsonDecode(text: string, line: number): IacValue {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0) throw new EvaluationError('jsondecode() of text that is not JSON');
  return fromJson(root, line, 0);
}

function fromJson(node: Node, line: number, depth: number): IacValue {
  if (depth > MAX_NESTING) throw new EvaluationError('jsondecode() of JSON nested too deeply');
  switch (node.type) {
    case 'array':
      return list((node.children ?? []).map((child) => fromJson(child, line, depth + 1)), line);
    case 'object':
      return object(new Map((node.children ?? []).map((property) => [String(property.children![0].value), fromJson(property.children![1], line, depth + 1)])), line);
    default:
      return scalar(node.value as string | number | boolean | null, line);
  }
}
