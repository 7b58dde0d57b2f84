import { adoptTables, compileShape, tablesOf, type CompiledShape, type PositionShape, type ShapeTables } from './shape.js';

export type { PositionShape } from './shape.js';

/**
 * Line positions inside a JSON document without a syntax tree: one pass over the UTF-8 bytes that records only the
 * members and array items a shape names, into flat arrays. Values come from JSON.parse; this only says where they
 * stand, so a 100 MB export costs one byte loop and a few arrays of numbers, not an object per token.
 *
 * Each recorded place is (shape, ordinal). The root has ordinal 0; a member shares its object's ordinal (duplicate
 * keys: the last wins, as in JSON.parse); array items are numbered in document order per shape.
 */
export class JsonPosition {
  constructor(private readonly shape: CompiledShape, private readonly ordinal: number) {}

  /** 1-based line where the value starts (for a member: its key). */
  get line(): number {
    return this.shape.lines[this.ordinal] ?? 1;
  }

  member(key: string): JsonPosition | undefined {
    const child = this.shape.members?.get(key);
    return child && child.lines[this.ordinal] !== undefined ? new JsonPosition(child, this.ordinal) : undefined;
  }

  /** The located lines as plain arrays, for another thread to rebuild with fromTables(). */
  tables(): ShapeTables[] {
    return tablesOf(this.shape);
  }

  /** The root position of `shape`, over tables that tables() produced for the same shape. */
  static fromTables(shape: PositionShape, tables: readonly ShapeTables[]): JsonPosition {
    const root = compileShape(shape);
    adoptTables(root, tables);
    return new JsonPosition(root, 0);
  }

  item(index: number): JsonPosition | undefined {
    const items = this.shape.items;
    const start = this.shape.itemStart[this.ordinal];
    if (!items || start === undefined || index < 0 || index >= (this.shape.itemCount[this.ordinal] ?? 0)) return undefined;
    return new JsonPosition(items, start + index);
  }
}

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10, SPACE = 32;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;
const FOUR_SPACES = 0x20202020;

/**
 * Positions of what `shape` names, for UTF-8 `bytes` that JSON.parse accepted (as text). On other input it stops
 * early or records less; it never throws and never loops.
 */
export function locateJson(bytes: Uint8Array, shape: PositionShape): JsonPosition {
  const root = compileShape(shape);
  const frameShape: CompiledShape[] = [];
  const frameOrdinal: number[] = [];
  const frameIsArray: boolean[] = [];
  let depth = -1;
  let skipDepth = 0;
  let line = 1;
  let expectKey = false;
  let awaitingItem = false;
  let pendingShape: CompiledShape | undefined;
  let pendingOrdinal = 0;
  let rootSeen = false;
  const length = bytes.length;
  // Indentation is most of a pretty-printed export: after a line break, skip it four spaces at a time.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, length >>> 2) : undefined;

  for (let i = 0; i < length; i++) {
    const code = bytes[i];
    if (code <= SPACE) {
      if (code === NEWLINE) {
        line++;
        if (words) i = indentationEnd(bytes, words, i + 1) - 1;
      }
      continue;
    }
    if (code === QUOTE) {
      const start = i + 1;
      let escaped = false;
      for (i = start; i < length; i++) {
        const c = bytes[i];
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          escaped = true;
          i++;
        }
      }
      if (skipDepth > 0) continue;
      if (awaitingItem) {
        awaitingItem = false;
        frameShape[depth].items!.lines.push(line);
      } else if (expectKey) {
        expectKey = false;
        const member = depth >= 0 ? frameShape[depth].matchKey(bytes, start, i, escaped) : undefined;
        if (member) {
          member.lines[frameOrdinal[depth]] = line;
          pendingShape = member;
          pendingOrdinal = frameOrdinal[depth];
        }
      }
      continue;
    }
    if (skipDepth > 0) {
      if (code === OPEN_BRACE || code === OPEN_BRACKET) skipDepth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) skipDepth--;
      continue;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth < 0) break;
      if (frameIsArray[depth]) {
        const owner = frameShape[depth], ordinal = frameOrdinal[depth];
        owner.itemCount[ordinal] = owner.items!.lines.length - owner.itemStart[ordinal];
      }
      depth--;
      awaitingItem = expectKey = false;
      pendingShape = undefined;
      continue;
    }
    if (code === COLON) continue;
    if (code === COMMA) {
      if (depth >= 0) {
        if (frameIsArray[depth]) awaitingItem = true;
        else expectKey = true;
      }
      pendingShape = undefined;
      continue;
    }
    let valueShape: CompiledShape | undefined;
    let valueOrdinal = 0;
    if (awaitingItem) {
      awaitingItem = false;
      valueShape = frameShape[depth].items!;
      valueOrdinal = valueShape.lines.push(line) - 1;
    } else if (depth < 0) {
      if (rootSeen) break;
      rootSeen = true;
      valueShape = root;
      root.lines[0] = line;
    } else {
      valueShape = pendingShape;
      valueOrdinal = pendingOrdinal;
      pendingShape = undefined;
    }
    if (code !== OPEN_BRACE && code !== OPEN_BRACKET) continue;
    const isArray = code === OPEN_BRACKET;
    if (!valueShape || (isArray ? !valueShape.items : !valueShape.members)) {
      skipDepth = 1;
      continue;
    }
    depth++;
    frameShape[depth] = valueShape;
    frameOrdinal[depth] = valueOrdinal;
    frameIsArray[depth] = isArray;
    if (isArray) {
      valueShape.itemStart[valueOrdinal] = valueShape.items!.lines.length;
      valueShape.itemCount[valueOrdinal] = 0;
      awaitingItem = true;
    } else expectKey = true;
  }
  return new JsonPosition(root, 0);
}

/** The first byte at or after `from` that is not a space, reading aligned runs of four spaces as one word. */
function indentationEnd(bytes: Uint8Array, words: Uint32Array, from: number): number {
  let next = from;
  while ((next & 3) !== 0 && bytes[next] === SPACE) next++;
  if ((next & 3) !== 0) return next;
  let word = next >>> 2;
  while (word < words.length && words[word] === FOUR_SPACES) word++;
  return word << 2;
}
