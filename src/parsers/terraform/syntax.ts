/**
 * Terraform code as the evaluator reads it, whether it was written in HCL (.tf, .tfvars) or in Terraform's JSON syntax
 * (.tf.json, .tfvars.json): bodies of attributes and blocks, and expressions, each with its 1-based line.
 */
export type Expression =
  | { type: 'literal'; value: string | number | boolean | null; line: number }
  | { type: 'template'; parts: (string | Expression)[]; line: number }
  | { type: 'tuple'; items: Expression[]; line: number }
  | { type: 'object'; items: { key: Expression; value: Expression }[]; line: number }
  | { type: 'variable'; name: string; line: number }
  | { type: 'attribute'; target: Expression; name: string; text: string; line: number }
  | { type: 'index'; target: Expression; key: Expression; text: string; line: number }
  /** `list[*].id`: `steps` (attribute and index expressions whose innermost target is `each`) applied to every element. */
  | { type: 'splat'; target: Expression; steps: Expression | undefined; text: string; line: number }
  | { type: 'call'; name: string; args: Expression[]; expandLast: boolean; line: number }
  | { type: 'unary'; operator: string; operand: Expression; line: number }
  | { type: 'binary'; operator: string; left: Expression; right: Expression; line: number }
  | { type: 'conditional'; condition: Expression; whenTrue: Expression; whenFalse: Expression; line: number }
  | ForExpression
  /** `%{ for k, v in collection }body%{ endfor }` in a template: the body's text for each element, joined. */
  | { type: 'templateFor'; keyName: string | undefined; valueName: string; collection: Expression; body: (string | Expression)[]; line: number }
  /** `%{ if condition }then%{ else }otherwise%{ endif }` in a template. */
  | { type: 'templateIf'; condition: Expression; then: (string | Expression)[]; otherwise: (string | Expression)[]; line: number }
  /** A construct the evaluator does not evaluate: its value is unknown. */
  | { type: 'unsupported'; what: string; line: number };

export interface ForExpression {
  type: 'for';
  keyName: string | undefined;
  valueName: string;
  collection: Expression;
  /** Set for `{ for … : key => value }`. */
  key: Expression | undefined;
  value: Expression;
  grouping: boolean;
  condition: Expression | undefined;
  line: number;
}

/** The placeholder a splat's steps start from. */
export const SPLAT_ELEMENT = '\u0000splat';

export interface Attribute {
  name: string;
  value: Expression;
  line: number;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  line: number;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

/** How deep expressions and blocks may nest: deeper input is reported, not walked (hostile input must not overflow the stack). */
export const MAX_NESTING = 128;

/**
 * Thrown when a body defines an attribute twice. HCL's native syntax allows each attribute name at most once in a body,
 * and Terraform stops at the second ("Attribute redefined"): which of the two a scanner judged would be a guess.
 */
export class AttributeRedefined extends Error {
  constructor(
    readonly attribute: string,
    readonly line: number,
    readonly firstLine: number,
    readonly container: Container,
  ) {
    super('attribute redefined');
  }
}

/**
 * Thrown where HCL's line structure is broken in a way the tree-sitter grammar lets through: two arguments or blocks
 * on one line, a block's labels or `{` on a later line than its type. Terraform rejects such a file ("Missing newline
 * after argument"); the grammar's reading of it can turn an `ingress` block into the label of another block.
 */
export class LayoutError extends Error {
  constructor(
    readonly line: number,
    readonly what: string,
  ) {
    super(what);
  }
}

/** What holds an attribute: the file's own body (a variable file's values), a block, or an object value. */
export type Container = 'file' | 'block' | 'object';

/** Thrown when an input nests deeper than MAX_NESTING. */
export class TooDeep extends Error {
  constructor(readonly line: number) {
    super('nested too deeply');
  }
}

/** A copy of a piece of syntax with every line set to `line` (a template's own lines, an override file's lines). */
export function atLine<T>(value: T, line: number, depth = 0): T {
  if (depth > MAX_NESTING * 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => atLine(item, line, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = key === 'line' ? line : atLine(field, line, depth + 1);
  return copy as T;
}
