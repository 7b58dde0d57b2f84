import { CompiledShape, type PositionShape } from './shape.js';

export type { PositionShape } from './shape.js';

/**
 * Where a located value stands. Each recorded place is (shape, ordinal): the root has ordinal 0; a member shares its
 * object's ordinal (duplicate keys: the last wins, as in JSON.parse); array items are numbered in document order per
 * shape.
 */
export class JsonPosition {
  constructor(private readonly shape: CompiledShape, private readonly ordinal: number) {}

  /** 1-based line where the value starts (for a member: its key). */
  get line(): number {
    return this.shape.lines.get(this.ordinal) || 1;
  }

  member(key: string): JsonPosition | undefined {
    const child = this.shape.members?.get(key);
    return child && child.lines.get(this.ordinal) !== 0 ? new JsonPosition(child, this.ordinal) : undefined;
  }

  item(index: number): JsonPosition | undefined {
    const items = this.shape.items;
    const start = this.shape.itemStart.get(this.ordinal) - 1;
    if (!items || start < 0 || index < 0 || index >= this.shape.itemCount.get(this.ordinal)) return undefined;
    return new JsonPosition(items, start + index);
  }
}

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10, SPACE = 32;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;
const FOUR_SPACES = 0x20202020;

/**
 * Line positions inside a JSON document without a syntax tree: one pass over the UTF-8 bytes that records only the
 * members and array items a shape names, into flat arrays. Values come from JSON.parse; this only says where they
 * stand, so a large export costs one byte loop and a few arrays of numbers, not an object per token.
 *
 * One locator serves many documents of the same shape (the items of a streamed array): each locate() forgets the
 * previous document's lines, so a position is good until the next call.
 */
export class JsonLocator {
  private readonly root: CompiledShape;
  private readonly shapes: CompiledShape[];
  private readonly frameShape: CompiledShape[] = [];
  private readonly frameOrdinal: number[] = [];
  private readonly frameIsArray: boolean[] = [];
  /** After locate(): the index just past the root value when it is an object or array that closed, else -1. */
  end = -1;
  /** After locate(): the line the scan stopped on. */
  line = 1;

  constructor(shape: PositionShape) {
    this.root = new CompiledShape(shape);
    this.shapes = [...this.root.all()];
  }

  /**
   * Positions of the shape in bytes[start, end), whose first byte stands on line `firstLine`, for UTF-8 that
   * JSON.parse accepts. On other input it stops early or records less; it never throws and never loops. The scan
   * stops where the root object or array closes.
   */
  locate(bytes: Uint8Array, start = 0, end = bytes.length, firstLine = 1): JsonPosition {
    for (const shape of this.shapes) shape.clear();
    const { root, frameShape, frameOrdinal, frameIsArray } = this;
    let depth = -1;
    let skipDepth = 0;
    let line = firstLine;
    let expectKey = false;
    let awaitingItem = false;
    let pendingShape: CompiledShape | undefined;
    let pendingOrdinal = 0;
    let rootSeen = false;
    this.end = -1;
    // Indentation is most of a pretty-printed export: after a line break, skip it four spaces at a time.
    const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, end >>> 2) : undefined;

    for (let i = start; i < end; i++) {
      const code = bytes[i];
      if (code <= SPACE) {
        if (code === NEWLINE) {
          line++;
          if (words) i = indentationEnd(bytes, words, i + 1, end) - 1;
        }
        continue;
      }
      if (code === QUOTE) {
        const from = i + 1;
        let escaped = false;
        for (i = from; i < end; i++) {
          const c = bytes[i];
          if (c === QUOTE) break;
          if (c === BACKSLASH) {
            escaped = true;
            i++;
          }
        }
        if (skipDepth > 0) continue;
        if (depth < 0) {
          if (rootSeen) break;
          rootSeen = true;
          root.lines.set(0, line);
        } else if (awaitingItem) {
          awaitingItem = false;
          frameShape[depth].items!.lines.push(line);
        } else if (expectKey) {
          expectKey = false;
          const member = frameShape[depth].matchKey(bytes, from, i, escaped);
          if (member) {
            member.lines.set(frameOrdinal[depth], line);
            pendingShape = member;
            pendingOrdinal = frameOrdinal[depth];
          }
        }
        continue;
      }
      if (skipDepth > 0) {
        if (code === OPEN_BRACE || code === OPEN_BRACKET) skipDepth++;
        else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --skipDepth === 0 && depth < 0) {
          this.end = i + 1;
          break;
        }
        continue;
      }
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth < 0) break;
        if (frameIsArray[depth]) {
          const owner = frameShape[depth], ordinal = frameOrdinal[depth];
          owner.itemCount.set(ordinal, owner.items!.lines.length - (owner.itemStart.get(ordinal) - 1));
        }
        awaitingItem = expectKey = false;
        pendingShape = undefined;
        if (--depth < 0) {
          this.end = i + 1;
          break;
        }
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
        valueOrdinal = valueShape.lines.push(line);
      } else if (depth < 0) {
        if (rootSeen) break;
        rootSeen = true;
        valueShape = root;
        root.lines.set(0, line);
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
        valueShape.itemStart.set(valueOrdinal, valueShape.items!.lines.length + 1);
        valueShape.itemCount.set(valueOrdinal, 0);
        awaitingItem = true;
      } else expectKey = true;
    }
    this.line = line;
    return new JsonPosition(root, 0);
  }
}

/** Positions of `shape` in a whole document. */
export function locateJson(bytes: Uint8Array, shape: PositionShape): JsonPosition {
  return new JsonLocator(shape).locate(bytes);
}

/** The first byte at or after `from` that is not a space, reading aligned runs of four spaces as one word. */
function indentationEnd(bytes: Uint8Array, words: Uint32Array, from: number, end: number): number {
  let next = from;
  while ((next & 3) !== 0 && next < end && bytes[next] === SPACE) next++;
  if ((next & 3) !== 0) return next;
  let word = next >>> 2;
  while (word < words.length && words[word] === FOUR_SPACES) word++;
  return word << 2;
}
