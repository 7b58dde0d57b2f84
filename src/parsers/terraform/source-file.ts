import type { Parser } from 'web-tree-sitter';
import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { hclBody } from './hcl-syntax.js';
import { jsonConfiguration, NotAnObject, parseJson, variableValues, type TemplateReader } from './json-syntax.js';
import { EXPONENT_REPAIR_ROUNDS, MAX_REPAIRED_TEXT, withExponentsRepaired } from './exponent-repair.js';
import { firstSyntaxError, parseInTime } from '../tree-sitter/parse.js';
import { atLine, AttributeRedefined, LayoutError, MAX_NESTING, TooDeep, type Attribute, type Body, type Expression } from './syntax.js';

/** A Terraform file read into a Body, or the one problem that kept it from being read. */
export type ReadFile = { body: Body } | { problem: InputProblem };

/** A path's last part, whichever separator it uses. */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

export const isJsonFile = (path: string): boolean => path.toLowerCase().endsWith('.json');

/** terraform.tfvars(.json) and *.auto.tfvars(.json): the variable files Terraform loads by itself. */
export function isAutoVarFile(path: string): boolean {
  const name = baseName(path);
  return /^terraform\.tfvars(?:\.json)?$/.test(name) || /\.auto\.tfvars(?:\.json)?$/.test(name);
}

/** Terraform's order of the automatically loaded variable files: terraform.tfvars, terraform.tfvars.json, then *.auto.* by name. */
export function autoVarFileRank(path: string): [number, string] {
  const name = baseName(path);
  return [name === 'terraform.tfvars' ? 0 : name === 'terraform.tfvars.json' ? 1 : 2, name];
}

/** A .tf or .tf.json file. */
export function readConfiguration(parser: Parser, file: InputFile): ReadFile {
  if (isJsonFile(file.path)) {
    const parsed = parseJson(file.text);
    if ('message' in parsed) return { problem: syntaxProblem(file, parsed.line, parsed.message) };
    try {
      return { body: jsonConfiguration(parsed.root, parsed.lines, templateReader(parser)) };
    } catch (error) {
      return { problem: failure(file, error) };
    }
  }
  return readHcl(parser, file);
}

/** A variable file: each attribute a variable's value. JSON values are values as they are, not templates. */
export function readVariableFile(parser: Parser, file: InputFile): { values: Attribute[] } | { problem: InputProblem } {
  if (isJsonFile(file.path)) {
    const parsed = parseJson(file.text);
    if ('message' in parsed) return { problem: syntaxProblem(file, parsed.line, parsed.message) };
    try {
      return { values: variableValues(parsed.root, parsed.lines) };
    } catch (error) {
      return { problem: failure(file, error) };
    }
  }
  const read = readHcl(parser, file);
  return 'problem' in read ? read : { values: read.body.attributes };
}

function readHcl(parser: Parser, file: InputFile): ReadFile {
  let text = file.text;
  let tree = parseInTime(parser, text);
  // Error recovery can hide the numbers after the first behind one error: each round repairs those it sees.
  for (let round = 0; tree?.rootNode.hasError && round < EXPONENT_REPAIR_ROUNDS && text.length <= MAX_REPAIRED_TEXT; round++) {
    const repaired = withExponentsRepaired(tree.rootNode, text);
    if (repaired === undefined) break;
    tree.delete();
    text = repaired;
    tree = parseInTime(parser, text);
  }
  if (!tree) return { problem: syntaxProblem(file, 1, 'the HCL parser gave up: the file is malformed in a way its error recovery cannot get through in time') };
  try {
    const error = firstSyntaxError(tree.rootNode);
    if (error) {
      const token = error.text.split(/\r?\n/)[0].trim();
      const what = error.isMissing ? `missing ${quoted(error.type, 20)}` : token ? `unexpected ${describeToken(token)}` : 'unexpected end of file';
      return { problem: syntaxProblem(file, error.startPosition.row + 1, `HCL syntax error: ${what}`) };
    }
    return { body: hclBody(tree.rootNode, text) };
  } catch (error) {
    return { problem: failure(file, error) };
  } finally {
    tree.delete();
  }
}

/**
 * The token a syntax error stops at, as a message may show it: punctuation or a short word; anything else (a line of
 * some other file scanned as Terraform, a value) only by its length.
 */
function describeToken(token: string): string {
  return /^(?:[^\w\s]{1,3}|[A-Za-z_][\w-]{0,15})$/.test(token) ? quoted(token, 20) : `a token of ${token.length} characters (not shown)`;
}

/**
 * Strings of Terraform's JSON syntax are templates: parsed as the body of an HCL heredoc (which needs no escaping), at
 * the line of the JSON string. A template that does not parse is unknown, not an error of the file.
 */
function templateReader(parser: Parser): TemplateReader {
  return (text, line) => {
    if (!text.includes('${') && !text.includes('%{')) return { type: 'literal', value: text, line };
    const marker = `PARAPET_TEMPLATE_${text.length}_END`;
    const tree = parser.parse(`v = <<${marker}\n${text}\n${marker}\n`);
    try {
      if (!tree || tree.rootNode.hasError) return { type: 'unsupported', what: 'a template that is not valid HCL', line };
      const value = hclBody(tree.rootNode, `v = <<${marker}\n${text}\n${marker}\n`).attributes[0]?.value;
      return value ? atLine(withoutFinalNewline(value), line) : { type: 'literal', value: '', line };
    } finally {
      tree?.delete();
    }
  };
}

function withoutFinalNewline(expression: Expression): Expression {
  if (expression.type === 'literal' && typeof expression.value === 'string') return { ...expression, value: expression.value.replace(/\n$/, '') };
  if (expression.type === 'template') {
    const parts = [...expression.parts];
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last.replace(/\n$/, '');
    return { ...expression, parts: parts.filter((part) => part !== '') };
  }
  return expression;
}

function syntaxProblem(file: InputFile, line: number, message: string): InputProblem {
  return problemAt('iac/syntax', { file: file.path, line }, `${message} — fix the file (terraform validate shows where); its resources were not read`);
}

function failure(file: InputFile, error: unknown): InputProblem {
  if (error instanceof TooDeep) return syntaxProblem(file, error.line, `blocks or expressions nested more than ${MAX_NESTING} levels deep`);
  if (error instanceof NotAnObject) return syntaxProblem(file, error.line, error.what);
  if (error instanceof LayoutError) return syntaxProblem(file, error.line, `HCL syntax error: ${error.what}`);
  if (error instanceof AttributeRedefined) {
    const where = { file: 'in this file', block: 'in the same block', object: 'in the same object' }[error.container];
    return syntaxProblem(file, error.line, `${quoted(error.attribute, 40)} is set again ${where} (first at line ${error.firstLine}): Terraform accepts each argument once`);
  }
  throw error;
}
