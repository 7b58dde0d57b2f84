import { scalar, unknown, type IacList, type IacObject, type IacValue } from '../iac/value.js';

/**
 * Where and why the text stops being JSON (`kind` 'syntax', or 'truncated' when it ends early), or stops having the
 * shape its reader asks for ('shape': an object or list expected, another value found).
 */
export class JsonSyntaxError extends Error {
  constructor(readonly line: number, readonly reason: string, readonly kind: 'syntax' | 'truncated' | 'shape' = 'syntax') {
    super(reason);
  }
}

const TRUNCATED = 'the JSON ends early (a truncated file?)';

/** How deep a value that is built may nest; a deeper container is skipped and read as unknown (see `tooDeepLine`). */
export const MAX_BUILT_DEPTH = 64;
/** What a value nested too deeply to be read depends on, for IacUnknown.dependsOn. */
export const TOO_DEEP = `a value nested more than ${MAX_BUILT_DEPTH} deep`;
/** How deep a skipped value may nest: its containers are counted on an explicit stack, not on the call stack. */
const MAX_SKIPPED_DEPTH = 10_000;

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10, SPACE = 32, TAB = 9, RETURN = 13;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;

const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * A strict JSON reader over a whole text that keeps the line of every value it builds and skips, without building
 * anything, the values its caller does not ask for: a large plan costs one pass over its text and the few resources
 * kept. The caller walks the document member by member (`members`, `items`) and chooses per value to `value()` or
 * `skip()` it. Errors are thrown as JsonSyntaxError with the line they are on; nothing recurses deeper than
 * MAX_BUILT_DEPTH.
 */
export class JsonReader {
  private at = 0;
  line = 1;
  /** The line of the first value skipped for nesting deeper than values are built, if any since it was last reset. */
  tooDeepLine: number | undefined;

  constructor(private readonly text: string) {}

  /** The next character that is not white space, without taking it (NaN at the end). */
  peek(): number {
    this.space();
    return this.text.charCodeAt(this.at);
  }

  /** Checks that only white space is left. */
  end(): void {
    if (this.at < this.text.length && !Number.isNaN(this.peek())) this.fail('text after the end of the JSON value');
  }

  /** For each member of the object that starts here, calls `member` with its key; `member` must read or skip its value. */
  members(member: (key: string, line: number) => void): void {
    this.expectContainer(OPEN_BRACE, 'an object');
    if (this.peek() === CLOSE_BRACE) {
      this.at++;
      return;
    }
    for (;;) {
      if (this.peek() !== QUOTE) this.fail('a property name in double quotes is expected');
      const line = this.line;
      const key = this.string();
      this.expect(COLON, "':' is expected");
      member(key, line);
      const next = this.peek();
      this.at++;
      if (next === CLOSE_BRACE) return;
      if (next !== COMMA) this.back("',' or '}' is expected");
    }
  }

  /** For each item of the array that starts here, calls `item`, which must read or skip it. */
  items(item: (index: number) => void): void {
    this.expectContainer(OPEN_BRACKET, 'a list');
    if (this.peek() === CLOSE_BRACKET) {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      this.peek();
      item(index);
      const next = this.peek();
      this.at++;
      if (next === CLOSE_BRACKET) return;
      if (next !== COMMA) this.back("',' or ']' is expected");
    }
  }

  /**
   * The value that starts here, with its lines. A container nested MAX_BUILT_DEPTH deep is skipped and read as an
   * IacUnknown: what it holds is not known, which is not the same as nothing.
   */
  value(depth = 0): IacValue {
    const code = this.peek();
    const line = this.line;
    if ((code === OPEN_BRACE || code === OPEN_BRACKET) && depth >= MAX_BUILT_DEPTH) {
      this.tooDeepLine ??= line;
      this.skip();
      return unknown(line, [TOO_DEEP]);
    }
    if (code === OPEN_BRACE) {
      const object: IacObject = { kind: 'object', fields: new Map(), line };
      this.members((key) => object.fields.set(key, this.value(depth + 1)));
      return object;
    }
    if (code === OPEN_BRACKET) {
      const list: IacList = { kind: 'list', items: [], line };
      this.items(() => list.items.push(this.value(depth + 1)));
      return list;
    }
    return scalar(this.scalar(code), line);
  }

  /** Skips the value that starts here, checking that it is JSON. */
  skip(): void {
    // Containers open on an explicit stack: true for an object, false for an array.
    const open: boolean[] = [];
    for (;;) {
      const code = this.peek();
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.at++;
        const closing = code === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (this.peek() === closing) this.at++;
        else {
          if (open.length >= MAX_SKIPPED_DEPTH) this.fail(`nested more than ${MAX_SKIPPED_DEPTH} deep`);
          open.push(code === OPEN_BRACE);
          if (code === OPEN_BRACE) this.key();
          continue;
        }
      } else this.scalar(code);
      // After a value: close what ends here, until a comma asks for the next value.
      for (;;) {
        if (open.length === 0) return;
        const inObject = open[open.length - 1];
        const next = this.peek();
        this.at++;
        if (next === COMMA) {
          if (inObject) this.key();
          break;
        }
        if (next !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) this.back(inObject ? "',' or '}' is expected" : "',' or ']' is expected");
        open.pop();
      }
    }
  }

  /** A member's key and its colon, inside an object being skipped. */
  private key(): void {
    if (this.peek() !== QUOTE) this.fail('a property name in double quotes is expected');
    this.string();
    this.expect(COLON, "':' is expected");
  }

  private scalar(code: number): string | number | boolean | null {
    if (code === QUOTE) return this.string();
    const { text, at } = this;
    if (code === 116 && text.startsWith('true', at)) return this.literal(4, true);
    if (code === 102 && text.startsWith('false', at)) return this.literal(5, false);
    if (code === 110 && text.startsWith('null', at)) return this.literal(4, null);
    NUMBER.lastIndex = at;
    if ((code === 45 || (code >= 48 && code <= 57)) && NUMBER.test(text)) {
      this.at = NUMBER.lastIndex;
      if (this.at < text.length && isWordCharacter(text.charCodeAt(this.at))) this.fail('malformed number');
      return Number(text.slice(at, this.at));
    }
    return this.fail('a value is expected');
  }

  private literal<T>(length: number, value: T): T {
    this.at += length;
    if (this.at < this.text.length && isWordCharacter(this.text.charCodeAt(this.at))) this.fail('unexpected character');
    return value;
  }

  /** The string that starts at the quote here. */
  private string(): string {
    const { text } = this;
    const start = this.at + 1;
    let at = start;
    let escaped = false;
    for (;;) {
      PLAIN_STRING.lastIndex = at;
      PLAIN_STRING.test(text);
      at = PLAIN_STRING.lastIndex;
      const code = text.charCodeAt(at);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) {
          this.at = at;
          this.fail('invalid escape');
        }
        at = ESCAPE.lastIndex;
        escaped = true;
        continue;
      }
      this.at = at;
      this.fail(Number.isNaN(code) ? 'unterminated string' : 'control character in a string');
    }
    this.at = at + 1;
    // Escapes were checked above, so JSON.parse only decodes them.
    return escaped ? (JSON.parse(text.slice(start - 1, at + 1)) as string) : text.slice(start, at);
  }

  private expect(code: number, reason: string): void {
    if (this.peek() !== code) this.fail(reason);
    this.at++;
  }

  private expectContainer(code: number, what: string): void {
    const found = this.peek();
    if (found === code) this.at++;
    else if (Number.isNaN(found)) this.fail(TRUNCATED);
    else throw new JsonSyntaxError(this.line, `${what} is expected here, not ${found === OPEN_BRACE ? 'an object' : found === OPEN_BRACKET ? 'a list' : 'a single value'}`, 'shape');
  }

  /** Fails at the character just taken. */
  private back(reason: string): never {
    this.at--;
    return this.fail(reason);
  }

  /** A syntax error here, or the end of the text if the text ends here. */
  private fail(reason: string): never {
    if (this.at >= this.text.length) throw new JsonSyntaxError(this.line, TRUNCATED, 'truncated');
    throw new JsonSyntaxError(this.line, reason);
  }

  /** Skips white space, counting lines. */
  private space(): void {
    const { text } = this;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === SPACE || code === TAB || code === RETURN) at++;
      else if (code === NEWLINE) {
        at++;
        this.line++;
      } else break;
    }
    this.at = at;
  }
}

/** Letters, digits, '.', '+', '-': what would make `truex` or `1.5.3` one malformed token rather than two. */
function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 43 || code === 45;
}
