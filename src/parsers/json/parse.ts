import { printParseErrorCode, visit } from 'jsonc-parser';
import type { InputProblem } from '../../model/problem.js';
import { lineOfOffset } from './line-of-offset.js';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

/** jsonc-parser's error codes in words. */
export const JSON_SYNTAX_REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape',
  InvalidCharacter: 'control character in a string',
};

/**
 * JSON.parse, and when it fails a one-line problem with the line of the first error (found by a tolerant scanner).
 * `firstLine`: the line of the file the text starts on, when it is a piece of a larger document.
 */
export function parseJsonDocument(path: string, text: string, exportHint: string, firstLine = 1): ParsedJson {
  if (text.trim() === '') return { ok: false, problem: { id: 'input/unparseable', file: path, level: 'error', message: `empty file — ${exportHint}` } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, reason } = firstSyntaxError(text);
    const atEnd = text.slice(offset).trim() === '';
    const what = atEnd ? 'the JSON ends early (a truncated file?)' : `not valid JSON: ${reason}`;
    return { ok: false, problem: { id: 'input/unparseable', file: path, line: firstLine - 1 + lineOfOffset(text, offset), level: 'error', message: `${what} — ${exportHint}` } };
  }
}

function firstSyntaxError(text: string): { offset: number; reason: string } {
  let found: { offset: number; reason: string } | undefined;
  try {
    visitForErrors(text, (error) => (found ??= error));
  } catch {
    // jsonc-parser recurses: nesting deeper than the stack is itself the answer.
    return found ?? { offset: 0, reason: 'nested too deeply' };
  }
  // JSON.parse is stricter than jsonc-parser in a few corners (lone surrogates are fine in both; NaN is not).
  return found ?? { offset: 0, reason: 'rejected by the JSON parser' };
}

function visitForErrors(text: string, onError: (error: { offset: number; reason: string }) => void): void {
  visit(
    text,
    {
      onError(error, offset) {
        const name = printParseErrorCode(error);
        onError({ offset, reason: JSON_SYNTAX_REASONS[name] ?? name });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
}
