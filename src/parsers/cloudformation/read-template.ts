import { Composer, LineCounter, Parser, type CST, type YAMLError } from 'yaml';
import type { InputFile } from '../../inputs/input-file.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { redacted } from '../../model/quote.js';
import { firstTooDeep } from './nesting.js';
import { SHORT_FORM_TAGS } from './short-forms.js';
import type { TemplateNode } from './template-node.js';
import { withoutStacks } from '../../model/without-stacks.js';
import { MAX_DEPTH, templateNodeOf, TemplateSyntaxError } from './yaml-nodes.js';

const FIX = 'fix the template (cfn-lint points at the same place) and scan again';
/** CloudFormation accepts templates of up to 1 MB; twice that is no template, and not worth the time to parse. */
const MAX_TEMPLATE_CHARACTERS = 2 * 1024 * 1024;
/** Warnings of the YAML parser that mean a value would be read other than CloudFormation reads it. */
const WARNINGS_THAT_ARE_ERRORS = new Set(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

/**
 * Reads a YAML or JSON template (JSON is YAML 1.2) into template nodes, or says at which line it is not well formed.
 * Anything short of a whole, single document is refused: a template read in part could hide the rule that matters.
 */
export function readTemplate(file: InputFile): { root: TemplateNode } | { problem: InputProblem } {
  if (file.text.length > MAX_TEMPLATE_CHARACTERS) {
    const size = `${(file.text.length / 1024 / 1024).toFixed(1)} M characters`;
    return { problem: problemAt('input/too-large', { file: file.path }, `the file has ${size}, more than the 2 M a template can have (CloudFormation accepts 1 MB) — not scanned`) };
  }
  const lines = new LineCounter();
  const syntax = (offset: number, message: string) => ({ problem: problemAt('iac/syntax', { file: file.path, line: lines.linePos(offset).line }, message) });
  // Blank lines and comments between documents are tokens of their own, of no use here.
  const tokens: CST.Token[] = [];
  try {
    for (const token of new Parser(lines.addNewLine).parse(file.text)) if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comment') tokens.push(token);
  } catch (thrown) {
    // The YAML library's parser recurses over structure: some shapes of hostile text exhaust the stack before any depth check can run.
    if (thrown instanceof RangeError) return syntax(0, `the YAML is too deeply nested or tangled to read — ${FIX}`);
    throw thrown;
  }
  const deep = firstTooDeep(tokens, MAX_DEPTH);
  if (deep) return syntax(deep.offset, `values nest more than ${MAX_DEPTH} levels deep — no template needs that; simplify it`);

  const composer = new Composer({ version: '1.2', schema: 'core', customTags: SHORT_FORM_TAGS, merge: true, uniqueKeys: false, strict: true, prettyErrors: false });
  const documents = withoutStacks(() => Array.from(composer.compose(tokens)));
  if (documents.length === 0 || documents[0].contents === null) return syntax(0, `the file holds no template — ${FIX}`);
  if (documents.length > 1) return syntax(documents[1].range[0], `the file holds more than one YAML document — a template is one document; split it`);
  const [document] = documents;
  const error: YAMLError | undefined = document.errors[0] ?? document.warnings.find((warning) => WARNINGS_THAT_ARE_ERRORS.has(warning.code));
  if (error) return syntax(error.pos[0], `${describe(error)} — ${FIX}`);
  try {
    return { root: templateNodeOf(document.contents!, lines) };
  } catch (thrown) {
    if (thrown instanceof TemplateSyntaxError) return { problem: problemAt('iac/syntax', { file: file.path, line: thrown.line }, thrown.message) };
    throw thrown;
  }
}

function describe(error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': return 'a key is repeated in one mapping (CloudFormation rejects that)';
    case 'TAB_AS_INDENT': return 'a tab indents a line (YAML indents with spaces)';
    case 'TAG_RESOLVE_FAILED': return 'a YAML tag CloudFormation does not know (its short forms are !Ref, !Sub, !GetAtt, …)';
    case 'RESOURCE_EXHAUSTION': return 'the YAML is too deeply nested to read';
    default: return `the YAML is not well formed: ${redacted(error.message, 100)}`;
  }
}
