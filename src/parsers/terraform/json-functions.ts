import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { scalar, type IacValue } from '../iac/value.js';
import { MAX_NESTING } from './syntax.js';
import { EvaluationError, list, object } from './values.js';

/** jsonencode() of a wholly known value. */
export function jsonEncode(value: IacValue): string {
  return JSON.stringify(plain(value, 0));
}

function plain(value: IacValue, depth: number): unknown {
  if (depth > MAX_NESTING) throw new EvaluationError('jsonencode() of a value nested too deeply');
  if (value.kind === 'scalar') return value.value;
  if (value.kind === 'list') return value.items.map((item) => plain(item, depth + 1));
  if (value.kind === 'object') return Object.fromEntries([...value.fields].map(([key, field]) => [key, plain(field, depth + 1)]));
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
