import type { InputStream } from '../../inputs/input-stream.js';
import type { InputProblem } from '../../model/problem.js';
import { ByteBuilder } from './byte-builder.js';
import { decodeBytes } from './decode-bytes.js';
import { parsedItems, projectedItems, type ItemReader } from './item-reader.js';
import { JsonLocator, type JsonPosition, type PositionShape } from './locate.js';
import { parseJsonDocument } from './parse.js';

/**
 * Which arrays of a document are read one item at a time: '' names a root array, any other key an array that is a
 * member of a root object. Each comes with what to locate in its items; `rest` says what to locate in the rest.
 */
export interface StreamPlan {
  arrays: Readonly<Record<string, PositionShape>>;
  rest: PositionShape;
  /** Hand over only what each item's shape names (see JsonProjector), not the whole item as JSON.parse reads it. */
  project?: boolean;
}

export interface StreamedItem {
  /** '' for an item of the root array, else the key of the array it is in. */
  array: string;
  index: number;
  value: unknown;
  /** Good until the next item is read. */
  position: JsonPosition;
}

/** The document without the streamed items (each array holds a 0 for every item it handed over), or why it is not JSON. */
export type StreamEnd = { ok: true; value: unknown; position: JsonPosition } | { ok: false; problem: InputProblem };

const CHUNK_BYTES = 1 << 20;

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10, SPACE = 32;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93, ZERO = 48;

/** Where the reader stands outside the streamed items, at the members of a root object. */
const enum Member { Key, InKey, Colon, Value, InValue }

/**
 * Reads a JSON document from a stream of UTF-8 bytes, handing over the items of the planned arrays one at a time,
 * each read (by JSON.parse, or projected: see item-reader.ts) and located, so that a file of any size costs the memory
 * of one item and one chunk. Everything else is kept as the "rest" of the document, parsed and located at the end;
 * newlines are kept in place of the items, so lines in the rest are the file's lines.
 *
 * What it accepts is what JSON.parse accepts of the whole text: each item is checked as strictly as JSON.parse
 * checks it, and the rest, with a 0 in each item's place, checks the structure around them. It stops at the first
 * item that is not valid JSON; items before it have been handed over.
 */
export function* streamJson(input: InputStream, plan: StreamPlan, exportHint: string, chunkBytes = CHUNK_BYTES): Generator<StreamedItem, StreamEnd> {
  const readerOf = plan.project ? projectedItems : parsedItems;
  const readers = new Map(Object.entries(plan.arrays).map(([key, shape]) => [key, readerOf(shape, input.path, exportHint)]));
  const rest = new ByteBuilder();
  let buffer = Buffer.allocUnsafeSlow(Math.max(16, chunkBytes));
  let filled = 0;
  let at = 0;
  let ended = false;
  let line = 1;
  // Outside the streamed arrays.
  let depth = 0;
  let inString = false;
  let escaped = false;
  let rootIsObject = false;
  let rootSeen = false;
  let member = Member.Key;
  let keyStart = 0;
  let streamedKey: string | undefined;
  // Inside a streamed array.
  let reader: ItemReader | undefined;
  let array = '';
  let index = 0;

  const readMore = (keepFrom: number): boolean => {
    if (ended) return false;
    if (keepFrom > 0) {
      buffer.copyWithin(0, keepFrom, filled);
      filled -= keepFrom;
      at -= keepFrom;
    }
    if (filled === buffer.length) {
      const larger = Buffer.allocUnsafeSlow(buffer.length * 2);
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
    // Fill the buffer whole: an item cut by the end of the buffer is located again from its start.
    const before = filled;
    while (filled < buffer.length) {
      const count = input.read(buffer, filled, buffer.length - filled);
      if (count === 0) {
        ended = true;
        break;
      }
      filled += count;
    }
    return filled > before;
  };

  try {
    for (;;) {
      if (at >= filled && !readMore(filled)) break;
      if (reader) {
        const code = buffer[at];
        if (code <= SPACE || code === COMMA) {
          if (code === NEWLINE) line++;
          rest.push(code);
          at++;
          continue;
        }
        if (code === CLOSE_BRACKET) {
          rest.push(code);
          at++;
          depth--;
          reader = undefined;
          member = Member.InValue;
          continue;
        }
        const item = reader.read(buffer, at, filled, line);
        if (item.kind === 'incomplete') {
          if (readMore(at)) continue;
          // The file ends inside the item: the rest, parsed below, says so at the right line.
          rest.append(buffer, at, filled);
          break;
        }
        if (item.kind === 'invalid') return { ok: false, problem: item.problem };
        yield { array, index: index++, value: item.value, position: item.position };
        rest.push(ZERO);
        rest.pushNewlines(item.line - line);
        line = item.line;
        at = item.end;
        continue;
      }

      const code = buffer[at++];
      rest.push(code);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) {
          inString = false;
          if (member === Member.InKey) {
            member = Member.Colon;
            const key = keyOf(rest.bytes(keyStart, rest.length - 1));
            streamedKey = readers.has(key) ? key : undefined;
          }
        }
        continue;
      }
      if (code <= SPACE) {
        if (code === NEWLINE) line++;
        continue;
      }
      const atMember = rootIsObject && depth === 1;
      if (code === QUOTE) {
        inString = true;
        if (atMember && member === Member.Key) {
          member = Member.InKey;
          keyStart = rest.length;
        } else if (atMember && member === Member.Value) member = Member.InValue;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (depth === 0 && !rootSeen) {
          rootSeen = true;
          rootIsObject = code === OPEN_BRACE;
          if (!rootIsObject) reader = startArray('');
        } else if (atMember && member === Member.Value) {
          member = Member.InValue;
          if (code === OPEN_BRACKET && streamedKey !== undefined) reader = startArray(streamedKey);
        }
        depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
      else if (atMember && code === COLON && member === Member.Colon) member = Member.Value;
      else if (atMember && code === COMMA) member = Member.Key;
      else if (atMember && member === Member.Value) member = Member.InValue;
      else if (depth === 0) rootSeen = true;
    }
  } finally {
    input.close();
  }

  const parsed = parseJsonDocument(input.path, rest.toString(), exportHint);
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.value, position: new JsonLocator(plan.rest).locate(rest.bytes()) };

  function startArray(key: string): ItemReader | undefined {
    const found = readers.get(key);
    if (found) {
      array = key;
      index = 0;
    }
    return found;
  }
}

function keyOf(bytes: Buffer): string {
  try {
    return String(JSON.parse(`"${decodeBytes(bytes)}"`));
  } catch {
    return '';
  }
}
