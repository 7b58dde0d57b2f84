import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from './limits.js';

/** The syntax tree of one ARM template expression (the text between `[` and `]`). `start`/`end`: its span in that text. */
export type ArmExpression =
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'call'; name: string; args: ArmExpression[]; start: number; end: number }
  | { kind: 'property'; target: ArmExpression; name: string; start: number; end: number }
  | { kind: 'index'; target: ArmExpression; index: ArmExpression; start: number; end: number };

/** Why an expression was not read: `syntax` the template is wrong, `limit` it is beyond what Parapet evaluates. */
export class ArmExpressionError extends Error {
  constructor(message: string, readonly reason: 'syntax' | 'limit') {
    super(message);
  }
}

type Token =
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'name'; value: string; start: number; end: number }
  | { kind: 'punctuation'; value: '(' | ')' | '[' | ']' | ',' | '.'; start: number; end: number };

const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[A-Za-z0-9_$]/;
const DIGIT = /[0-9]/;

/** Parses the inside of "[…]". Throws ArmExpressionError; never recurses deeper than MAX_EXPRESSION_DEPTH. */
export function parseArmExpression(text: string): ArmExpression {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ArmExpressionError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, 'limit');
  const tokens = tokenize(text);
  let at = 0;

  const peek = (): Token | undefined => tokens[at];
  const expect = (value: string): Token => {
    const token = tokens[at];
    if (token?.kind !== 'punctuation' || token.value !== value) throw new ArmExpressionError(`'${value}' expected ${token ? `at character ${token.start + 1}` : 'at the end'}`, 'syntax');
    at++;
    return token;
  };

  const expression = (depth: number): ArmExpression => {
    if (depth > MAX_EXPRESSION_DEPTH) throw new ArmExpressionError(`expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, 'limit');
    let node = primary(depth);
    for (;;) {
      const token = peek();
      if (token?.kind !== 'punctuation') break;
      if (token.value === '.') {
        at++;
        const name = tokens[at];
        if (name?.kind !== 'name') throw new ArmExpressionError(`a property name expected after '.' at character ${token.start + 1}`, 'syntax');
        at++;
        node = { kind: 'property', target: node, name: name.value, start: node.start, end: name.end };
      } else if (token.value === '[') {
        at++;
        const index = expression(depth + 1);
        const close = expect(']');
        node = { kind: 'index', target: node, index, start: node.start, end: close.end };
      } else break;
      if (++depth > MAX_EXPRESSION_DEPTH) throw new ArmExpressionError(`expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, 'limit');
    }
    return node;
  };

  const primary = (depth: number): ArmExpression => {
    const token = tokens[at++];
    if (!token) throw new ArmExpressionError('the expression ends early', 'syntax');
    if (token.kind === 'string' || token.kind === 'number') return token;
    if (token.kind !== 'name') throw new ArmExpressionError(`unexpected '${token.value}' at character ${token.start + 1}`, 'syntax');
    let name = token.value;
    // A user-defined function of the template's `functions` section: namespace.name(…).
    const [dot, member, open] = [tokens[at], tokens[at + 1], tokens[at + 2]];
    if (dot?.kind === 'punctuation' && dot.value === '.' && member?.kind === 'name' && open?.kind === 'punctuation' && open.value === '(') {
      name = `${name}.${member.value}`;
      at += 2;
    }
    const next = peek();
    if (next?.kind !== 'punctuation' || next.value !== '(') {
      // `true`, `false` and `null` written without their parentheses.
      const lower = token.value.toLowerCase();
      if (lower === 'true' || lower === 'false' || lower === 'null') return { kind: 'call', name: lower, args: [], start: token.start, end: token.end };
      throw new ArmExpressionError(`'(' expected after the function name at character ${token.start + 1}`, 'syntax');
    }
    at++;
    const args: ArmExpression[] = [];
    if (!(peek()?.kind === 'punctuation' && peek()!.value === ')')) {
      for (;;) {
        args.push(expression(depth + 1));
        const separator = peek();
        if (separator?.kind === 'punctuation' && separator.value === ',') {
          at++;
          continue;
        }
        break;
      }
    }
    const close = expect(')');
    return { kind: 'call', name, args, start: token.start, end: close.end };
  };

  const root = expression(0);
  if (at < tokens.length) throw new ArmExpressionError(`unexpected text at character ${tokens[at].start + 1}`, 'syntax');
  return root;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
      index++;
    } else if (character === "'") {
      const start = index;
      let value = '';
      for (index++; ; index++) {
        if (index >= text.length) throw new ArmExpressionError(`unterminated string starting at character ${start + 1}`, 'syntax');
        if (text[index] === "'") {
          if (text[index + 1] === "'") {
            value += "'";
            index++;
          } else break;
        } else value += text[index];
      }
      index++;
      tokens.push({ kind: 'string', value, start, end: index });
    } else if (DIGIT.test(character) || (character === '-' && DIGIT.test(text[index + 1] ?? ''))) {
      const start = index;
      index++;
      while (index < text.length && (DIGIT.test(text[index]) || text[index] === '.')) index++;
      const value = Number(text.slice(start, index));
      if (!Number.isFinite(value)) throw new ArmExpressionError(`malformed number at character ${start + 1}`, 'syntax');
      tokens.push({ kind: 'number', value, start, end: index });
    } else if (NAME_START.test(character)) {
      const start = index;
      while (index < text.length && NAME_PART.test(text[index])) index++;
      tokens.push({ kind: 'name', value: text.slice(start, index), start, end: index });
    } else if ('()[],.'.includes(character)) {
      tokens.push({ kind: 'punctuation', value: character as '(', start: index, end: index + 1 });
      index++;
    } else {
      throw new ArmExpressionError(`unexpected character at character ${index + 1}`, 'syntax');
    }
  }
  return tokens;
}
