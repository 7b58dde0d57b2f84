import type { InputProblem } from '../../model/problem.js';
import { decodeBytes } from './decode-bytes.js';
import { JsonLocator, type JsonPosition, type PositionShape } from './locate.js';
import { parseJsonDocument } from './parse.js';
import { INCOMPLETE, JsonProjector } from './project.js';

export type ItemRead =
  | { kind: 'item'; value: unknown; position: JsonPosition; end: number; line: number }
  /** The bytes end inside the item: read more, or the file is cut short. */
  | { kind: 'incomplete' }
  | { kind: 'invalid'; problem: InputProblem };

/** Reads the item of a streamed array that starts at bytes[start] (see stream.ts), on line `line`, no further than `limit`. */
export interface ItemReader {
  read(bytes: Buffer, start: number, limit: number, line: number): ItemRead;
}

const INCOMPLETE_ITEM: ItemRead = { kind: 'incomplete' };

/** The whole value of each item, by JSON.parse, located by JsonLocator. */
export function parsedItems(shape: PositionShape, path: string, exportHint: string): ItemReader {
  const locator = new JsonLocator(shape);
  return {
    read(bytes, start, limit, line) {
      const first = bytes[start];
      const container = first === OPEN_BRACE || first === OPEN_BRACKET;
      // The locator finds where an object or array ends; a scalar's end is found first, then it is located.
      let position = container ? locator.locate(bytes, start, limit, line) : undefined;
      const end = container ? locator.end : first === QUOTE ? stringEnd(bytes, start, limit) : tokenEnd(bytes, start, limit);
      if (end < 0) return INCOMPLETE_ITEM;
      position ??= locator.locate(bytes, start, end, line);
      const endLine = locator.line;
      const parsed = parseJsonDocument(path, decodeBytes(bytes, start, end), exportHint, line);
      return parsed.ok ? { kind: 'item', value: parsed.value, position, end, line: endLine } : { kind: 'invalid', problem: parsed.problem };
    },
  };
}

/** Only what the shape names of each item, by JsonProjector, which checks the rest without building it. */
export function projectedItems(shape: PositionShape, path: string, exportHint: string): ItemReader {
  const projector = new JsonProjector(shape);
  return {
    read(bytes, start, limit, line) {
      const read = projector.read(bytes, start, limit, line);
      if (read) return { kind: 'item', ...read, end: projector.end, line: projector.line };
      if (projector.end === INCOMPLETE) return INCOMPLETE_ITEM;
      // Not JSON: JSON.parse's reading of the same bytes says where and why.
      const parsed = parseJsonDocument(path, decodeBytes(bytes, start, limit), exportHint, line);
      return { kind: 'invalid', problem: parsed.ok ? { id: 'input/unparseable', file: path, line, level: 'error', message: `not valid JSON — ${exportHint}` } : parsed.problem };
    },
  };
}

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, SPACE = 32;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;

function stringEnd(bytes: Buffer, start: number, limit: number): number {
  for (let i = start + 1; i < limit; i++) {
    if (bytes[i] === QUOTE) return i + 1;
    if (bytes[i] === BACKSLASH) i++;
  }
  return -1;
}

/** A number or literal ends at white space or punctuation; at least one byte, so that a stray '}' is an item of its own. */
function tokenEnd(bytes: Buffer, start: number, limit: number): number {
  for (let i = start + 1; i < limit; i++) {
    const code = bytes[i];
    if (code <= SPACE || code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === OPEN_BRACE || code === OPEN_BRACKET || code === QUOTE || code === COLON) return i;
  }
  return -1;
}
