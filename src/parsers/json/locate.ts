/**
 * Line positions inside a JSON document without building a syntax tree: one pass over the text that records only
 * the members and array items a shape asks for. Values come from JSON.parse; this only says where they stand, so
 * a 100 MB export costs one character loop, not a tree of every token.
 */

/** Which members and array items to record. A member's position is its key; an item's position is its first character. */
export interface PositionShape {
  members?: Readonly<Record<string, PositionShape>>;
  items?: PositionShape;
}

/** 1-based line and column of a recorded value (a member: its key). */
export interface JsonPosition {
  line: number;
  column: number;
  members?: Map<string, JsonPosition>;
  items?: (JsonPosition | undefined)[];
}

interface Frame {
  shape: PositionShape;
  node: JsonPosition;
  isArray: boolean;
  index: number;
  expectKey: boolean;
  /** The member whose key was just read, waiting for its value. */
  pendingShape?: PositionShape;
  pendingNode?: JsonPosition;
}

const QUOTE = 34, COMMA = 44, NEWLINE = 10, OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;

/**
 * Positions of the document's root value and of what `shape` names below it. Expects text JSON.parse accepted;
 * on anything else it stops early and returns what it found. Duplicate keys: the last one wins, as in JSON.parse.
 */
export function locateJson(text: string, shape: PositionShape): JsonPosition {
  const root: JsonPosition = { line: 1, column: 1 };
  const stack: Frame[] = [];
  let top: Frame | undefined;
  let skipDepth = 0;
  let line = 1;
  let lineStart = 0;
  let rootSeen = false;
  const length = text.length;

  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      line++;
      lineStart = i + 1;
    } else if (code === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      if (skipDepth === 0 && top) {
        if (top.expectKey) {
          top.expectKey = false;
          const key = decodeKey(text, i, end);
          const members = top.shape.members;
          if (members && Object.hasOwn(members, key)) {
            const node: JsonPosition = { line, column: i - lineStart + 1 };
            (top.node.members ??= new Map()).set(key, node);
            top.pendingShape = members[key];
            top.pendingNode = node;
          }
        } else if (top.isArray && top.shape.items) {
          (top.node.items ??= [])[top.index] = { line, column: i - lineStart + 1 };
        }
      } else if (!rootSeen) {
        rootSeen = true;
        root.line = line;
        root.column = i - lineStart + 1;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (skipDepth > 0) {
        skipDepth++;
        continue;
      }
      const isArray = code === OPEN_BRACKET;
      let childShape: PositionShape | undefined;
      let node: JsonPosition | undefined;
      if (!top) {
        if (rootSeen) break;
        rootSeen = true;
        childShape = shape;
        node = root;
        root.line = line;
        root.column = i - lineStart + 1;
      } else if (top.isArray) {
        childShape = top.shape.items;
        if (childShape) {
          node = { line, column: i - lineStart + 1 };
          (top.node.items ??= [])[top.index] = node;
        }
      } else {
        childShape = top.pendingShape;
        node = top.pendingNode;
        top.pendingShape = top.pendingNode = undefined;
      }
      if (!childShape || !node || (isArray ? !childShape.items : !childShape.members)) {
        skipDepth = 1;
        continue;
      }
      top = { shape: childShape, node, isArray, index: 0, expectKey: !isArray };
      stack.push(top);
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (skipDepth > 0) skipDepth--;
      else {
        stack.pop();
        top = stack[stack.length - 1];
      }
    } else if (code === COMMA) {
      if (skipDepth === 0 && top) {
        if (top.isArray) top.index++;
        else {
          top.expectKey = true;
          top.pendingShape = top.pendingNode = undefined;
        }
      }
    }
  }
  return root;
}

function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end > 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let k = quote - 1; text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}

function decodeKey(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(open, close + 1)) as string;
  } catch {
    return raw;
  }
}
