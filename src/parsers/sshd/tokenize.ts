/** One directive line of sshd_config, split the way OpenSSH 9.2's servconf.c splits it (strdelim + argv_split). */
export interface Token {
  text: string;
  /** 1-based column of the token's first character in the original line. */
  column: number;
}

export interface DirectiveLine {
  line: number;
  keyword: Token;
  /** Arguments after argv_split: quotes removed, escapes resolved, a token starting with '#' ends the line. */
  args: Token[];
  /** The raw text after the keyword separator, for keywords that take the rest of the line (ForceCommand). */
  rest: string;
  /** What sshd refuses before even looking at the keyword. */
  error?: 'no-argument' | 'invalid-quotes';
}

const DELIMITERS = ' \t\r\n"=';
const WHITESPACE = ' \t\r\n';

/** Splits a file into lines the way sshd counts them ('\n' only; CR and the UTF-8 BOM are tolerated). */
export function splitLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
}

/** Tokenizes one line; undefined for blank lines and comments. */
export function tokenizeLine(raw: string, line: number): DirectiveLine | undefined {
  let end = raw.length;
  while (end > 0 && (WHITESPACE + '\f').includes(raw[end - 1])) end--;
  let start = 0;
  while (start < end && ' \t\r'.includes(raw[start])) start++;
  const text = raw.slice(0, end);
  let split = strdelim(text, start);
  if (split && split.token === '' && split.next !== undefined) split = strdelim(text, split.next);
  if (!split || split.token === '' || split.token.startsWith('#')) return undefined;
  const keyword = { text: split.token, column: split.column };
  if (split.next === undefined || split.next >= text.length) return { line, keyword, args: [], rest: '', error: 'no-argument' };
  const rest = text.slice(split.next);
  const args = argvSplit(rest, split.next + 1);
  if (!args) return { line, keyword, args: [], rest, error: 'invalid-quotes' };
  return { line, keyword, args, rest };
}

/** misc.c strdelim(): the keyword, and where its arguments start (one '=' may separate them). */
export function strdelim(s: string, from: number): { token: string; column: number; next?: number } | undefined {
  let i = from;
  while (i < s.length && !DELIMITERS.includes(s[i])) i++;
  if (i >= s.length) return { token: s.slice(from), column: from + 1 };
  if (s[i] === '"') {
    const close = s.indexOf('"', i + 1);
    if (close < 0) return undefined;
    return { token: s.slice(from, i) + s.slice(i + 1, close), column: from + 1, next: skipWhitespace(s, close + 1) };
  }
  const sawEquals = s[i] === '=';
  let next = skipWhitespace(s, i + 1);
  if (s[next] === '=' && !sawEquals) next = skipWhitespace(s, next + 1);
  return { token: s.slice(from, i), column: from + 1, next };
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length && WHITESPACE.includes(s[i])) i++;
  return i;
}

/** misc.c argv_split(…, terminate_on_comment=1); undefined when a quote is not closed. */
export function argvSplit(s: string, firstColumn = 1): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ' ' || s[i] === '\t') { i++; continue; }
    if (s[i] === '#') break;
    const column = firstColumn + i;
    let quote = '';
    let text = '';
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '\\') {
        const n = s[i + 1];
        if (n === "'" || n === '"' || n === '\\' || (quote === '' && n === ' ')) { i++; text += n; } else text += c;
      } else if (quote === '' && (c === ' ' || c === '\t')) break;
      else if (quote === '' && (c === '"' || c === "'")) quote = c;
      else if (quote !== '' && c === quote) quote = '';
      else text += c;
    }
    if (quote !== '') return undefined;
    tokens.push({ text, column });
  }
  return tokens;
}
