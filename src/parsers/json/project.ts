import { decodeBytes } from './decode-bytes.js';
import { JsonPosition } from './locate.js';
import { CompiledShape, type PositionShape } from './shape.js';

/**
 * Reads one JSON value from UTF-8 bytes, checking all of it as strictly as JSON.parse does but building only the
 * part a shape names, and recording the lines of what it names as JsonLocator does. The value it gives is the
 * projection of what JSON.parse would give:
 *
 * - an object whose shape names members keeps those members (each projected) and, when the shape is `whole`, every
 *   other member as it is;
 * - an array whose shape has `items` keeps every item, projected;
 * - anything else is kept as it is.
 *
 * A 100 MB export of security groups is mostly descriptions, tags and indentation: they are checked and skipped,
 * never turned into strings and objects that would be thrown away at once.
 */
export class JsonProjector {
  private readonly root: CompiledShape;
  private readonly shapes: CompiledShape[];
  /** Open containers while skipping: 1 object, 2 array. */
  private stack = new Uint8Array(64);
  private bytes: Uint8Array = new Uint8Array(0);
  /** `bytes` read four at a time, for indentation; made for the bytes `wordsOf`. */
  private words: Uint32Array | undefined;
  private wordsOf: Uint8Array | undefined;
  private limit = 0;
  private at = 0;
  /** After read(): the index just past the value; INCOMPLETE when the bytes end first, INVALID when they are not JSON. */
  end = INVALID;
  /** After read(): the line the value ends on. */
  line = 1;

  constructor(shape: PositionShape) {
    this.root = new CompiledShape(shape);
    this.shapes = [...this.root.all()];
  }

  /**
   * The value that starts at bytes[start] (no white space before it), read no further than `limit`; its first byte
   * stands on line `firstLine`. Returns undefined when it is not complete JSON: see `end`. Positions are good until
   * the next call.
   */
  read(bytes: Uint8Array, start: number, limit: number, firstLine: number): { value: unknown; position: JsonPosition } | undefined {
    for (const shape of this.shapes) shape.clear();
    this.bytes = bytes;
    // A stream reads every item from the same buffer: its view in words is made once.
    if (this.wordsOf !== bytes) {
      this.wordsOf = bytes;
      this.words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : undefined;
    }
    this.limit = limit;
    this.at = start;
    this.line = firstLine;
    this.root.lines.set(0, firstLine);
    try {
      const value = this.value(this.root, 0);
      this.end = this.at;
      return { value, position: new JsonPosition(this.root, 0) };
    } catch (error) {
      if (error !== INCOMPLETE_JSON && error !== INVALID_JSON) throw error;
      this.end = error === INCOMPLETE_JSON ? INCOMPLETE : INVALID;
      return undefined;
    } finally {
      this.bytes = EMPTY;
    }
  }

  /** The value at `at`, projected on `shape` (recorded at `ordinal`). */
  private value(shape: CompiledShape | undefined, ordinal: number): unknown {
    const code = this.peek();
    if (shape?.members && code === OPEN_BRACE) return this.object(shape, ordinal);
    if (shape?.items && code === OPEN_BRACKET) return this.array(shape, ordinal);
    return this.whole();
  }

  private object(shape: CompiledShape, ordinal: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.at++;
    if (this.nextToken() === CLOSE_BRACE) {
      this.at++;
      return object;
    }
    for (;;) {
      if (this.peek() !== QUOTE) throw INVALID_JSON;
      const keyStart = this.at + 1;
      const escaped = this.skipString();
      const keyEnd = this.stringEnd;
      const member = shape.matchKey(this.bytes, keyStart, keyEnd, escaped);
      if (member && !member.lineless) member.lines.set(ordinal, this.line);
      const key = member ? member.key : shape.whole ? this.text(keyStart, keyEnd, escaped) : '';
      if (this.nextToken() !== COLON) throw INVALID_JSON;
      this.at++;
      this.nextToken();
      if (member) keep(object, key, this.value(member, ordinal));
      else if (shape.whole) keep(object, key, this.whole());
      else this.skipValue();
      const next = this.nextToken();
      this.at++;
      if (next === CLOSE_BRACE) return object;
      if (next !== COMMA) throw INVALID_JSON;
      this.nextToken();
    }
  }

  private array(shape: CompiledShape, ordinal: number): unknown[] {
    const array: unknown[] = [];
    const items = shape.items!;
    shape.itemStart.set(ordinal, items.lines.length + 1);
    shape.itemCount.set(ordinal, 0);
    this.at++;
    if (this.nextToken() === CLOSE_BRACKET) {
      this.at++;
      return array;
    }
    for (;;) {
      array.push(this.value(items, items.lines.push(this.line)));
      shape.itemCount.set(ordinal, array.length);
      const next = this.nextToken();
      this.at++;
      if (next === CLOSE_BRACKET) return array;
      if (next !== COMMA) throw INVALID_JSON;
      this.nextToken();
    }
  }

  /** A value kept as it is: scalars read here, objects and arrays checked by skipValue and parsed by JSON.parse. */
  private whole(): unknown {
    const start = this.at;
    const code = this.peek();
    if (code === QUOTE) {
      const escaped = this.skipString();
      return this.text(start + 1, this.stringEnd, escaped);
    }
    this.skipValue();
    if (code === OPEN_BRACE || code === OPEN_BRACKET) return JSON.parse(decodeBytes(this.buffer(), start, this.at));
    if (code === LETTER_T) return true;
    if (code === LETTER_F) return false;
    if (code === LETTER_N) return null;
    return this.number(start, this.at);
  }

  private number(start: number, end: number): number {
    const { bytes } = this;
    let value = 0;
    let i = bytes[start] === MINUS ? start + 1 : start;
    // Plain integers of up to 15 digits are exact as doubles: read digit by digit, the rest by Number().
    if (end - i > 15) return Number(decodeBytes(this.buffer(), start, end));
    for (; i < end; i++) {
      const digit = bytes[i] - ZERO;
      if (digit < 0 || digit > 9) return Number(decodeBytes(this.buffer(), start, end));
      value = value * 10 + digit;
    }
    return bytes[start] === MINUS ? -value : value;
  }

  /** Checks the value at `at` and moves past it, building nothing. */
  private skipValue(): void {
    let depth = 0;
    for (;;) {
      // A value is expected here.
      const code = this.peek();
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.at++;
        const close = code === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (this.nextToken() === close) {
          this.at++;
        } else {
          this.push(depth++, code === OPEN_BRACE ? 1 : 2);
          if (code === OPEN_BRACE) this.memberName();
          continue;
        }
      } else if (code === QUOTE) this.skipString();
      else if (code === MINUS || (code >= ZERO && code <= NINE)) this.skipNumber();
      else if (code === LETTER_T) this.literal(TRUE);
      else if (code === LETTER_F) this.literal(FALSE);
      else if (code === LETTER_N) this.literal(NULL);
      else throw INVALID_JSON;
      // After a value: close containers, or go on to the next member or item.
      for (;;) {
        if (depth === 0) return;
        const next = this.nextToken();
        const open = this.stack[depth - 1];
        this.at++;
        if (next === COMMA) {
          this.nextToken();
          if (open === 1) this.memberName();
          break;
        }
        if (next !== (open === 1 ? CLOSE_BRACE : CLOSE_BRACKET)) throw INVALID_JSON;
        depth--;
      }
    }
  }

  /** `"key":` and the white space after it. */
  private memberName(): void {
    if (this.peek() !== QUOTE) throw INVALID_JSON;
    this.skipString();
    if (this.nextToken() !== COLON) throw INVALID_JSON;
    this.at++;
    this.nextToken();
  }

  private push(depth: number, open: number): void {
    if (depth >= this.stack.length) {
      const larger = new Uint8Array(this.stack.length * 2);
      larger.set(this.stack);
      this.stack = larger;
    }
    this.stack[depth] = open;
  }

  /** The index of the closing quote of the string skipString last passed, and whether all its bytes were ASCII. */
  private stringEnd = 0;
  private ascii = true;

  /** Moves past the string at `at`; says whether it has escapes. */
  private skipString(): boolean {
    const { bytes, limit } = this;
    let escaped = false;
    let high = 0;
    let i = this.at + 1;
    for (;;) {
      if (i >= limit) throw INCOMPLETE_JSON;
      const code = bytes[i];
      if (code === QUOTE) break;
      if (code < SPACE) throw INVALID_JSON;
      high |= code;
      if (code === BACKSLASH) {
        escaped = true;
        if (i + 1 >= limit) throw INCOMPLETE_JSON;
        const next = bytes[i + 1];
        if (next === LETTER_U) {
          if (i + 5 >= limit) throw INCOMPLETE_JSON;
          for (let k = i + 2; k < i + 6; k++) if (!isHexDigit(bytes[k])) throw INVALID_JSON;
          i += 6;
          continue;
        }
        if (!isEscape(next)) throw INVALID_JSON;
        i += 2;
        continue;
      }
      i++;
    }
    this.stringEnd = i;
    this.ascii = high < 0x80;
    this.at = i + 1;
    return escaped;
  }

  private skipNumber(): void {
    const { bytes, limit } = this;
    let i = this.at;
    if (bytes[i] === MINUS) i++;
    const digits = (): void => {
      if (i >= limit) throw INCOMPLETE_JSON;
      if (!isDigit(bytes[i])) throw INVALID_JSON;
      while (i < limit && isDigit(bytes[i])) i++;
    };
    if (i >= limit) throw INCOMPLETE_JSON;
    if (bytes[i] === ZERO) i++;
    else digits();
    if (i < limit && bytes[i] === DOT) {
      i++;
      digits();
    }
    if (i < limit && (bytes[i] === LETTER_E || bytes[i] === LETTER_CAPITAL_E)) {
      i++;
      if (i < limit && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
      digits();
    }
    // A number is only known to end where something else begins.
    if (i >= limit) throw INCOMPLETE_JSON;
    this.at = i;
  }

  private literal(word: Uint8Array): void {
    const { bytes, limit } = this;
    for (let k = 0; k < word.length; k++) {
      if (this.at + k >= limit) throw INCOMPLETE_JSON;
      if (bytes[this.at + k] !== word[k]) throw INVALID_JSON;
    }
    this.at += word.length;
  }

  /** Skips white space (counting lines) and returns the byte after it without moving past it. */
  private nextToken(): number {
    const { bytes, limit, words } = this;
    let i = this.at;
    for (;;) {
      if (i >= limit) throw INCOMPLETE_JSON;
      const code = bytes[i];
      if (code === SPACE || code === TAB || code === RETURN) i++;
      else if (code === NEWLINE) {
        this.line++;
        i++;
        // Indentation is most of a pretty-printed export: skip it four spaces at a time.
        if (words) {
          while ((i & 3) !== 0 && i < limit && bytes[i] === SPACE) i++;
          if ((i & 3) === 0) {
            let word = i >>> 2;
            const last = limit >>> 2;
            while (word < last && words[word] === FOUR_SPACES) word++;
            i = word << 2;
          }
        }
      } else {
        this.at = i;
        return code;
      }
    }
  }

  private peek(): number {
    if (this.at >= this.limit) throw INCOMPLETE_JSON;
    return this.bytes[this.at];
  }

  /** The string whose characters are bytes[start, end), its quotes left out. */
  private text(start: number, end: number, escaped: boolean): string {
    if (escaped) return JSON.parse(decodeBytes(this.buffer(), start - 1, end + 1)) as string;
    return this.ascii ? this.buffer().toString('latin1', start, end) : decodeBytes(this.buffer(), start, end);
  }

  private buffer(): Buffer {
    const { bytes } = this;
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  }
}

/** JSON.parse makes `__proto__` an own member like any other; plain assignment would set the prototype. */
function keep(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

export const INCOMPLETE = -1;
export const INVALID = -2;
const INCOMPLETE_JSON = Symbol('incomplete JSON');
const INVALID_JSON = Symbol('invalid JSON');
const EMPTY = new Uint8Array(0);

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10, SPACE = 32, TAB = 9, RETURN = 13;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;
const MINUS = 45, PLUS = 43, DOT = 46, ZERO = 48, NINE = 57, LETTER_E = 101, LETTER_CAPITAL_E = 69;
const LETTER_T = 116, LETTER_F = 102, LETTER_N = 110, LETTER_U = 117;
const FOUR_SPACES = 0x20202020;
const TRUE = new TextEncoder().encode('true');
const FALSE = new TextEncoder().encode('false');
const NULL = new TextEncoder().encode('null');

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isHexDigit(code: number): boolean {
  return (code >= ZERO && code <= NINE) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/** The characters JSON allows after a backslash, but for 'u'. */
function isEscape(code: number): boolean {
  return code === QUOTE || code === BACKSLASH || code === 47 || code === 98 || code === 102 || code === 110 || code === 114 || code === 116;
}
