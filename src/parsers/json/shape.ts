/** Which members and array items of a JSON document to record the line of. A member's line is its key's. */
export interface PositionShape {
  members?: Readonly<Record<string, PositionShape>>;
  items?: PositionShape;
}

const MAX_SHAPE_DEPTH = 32;

/** A shape for one path of the document, with the lines found there, indexed by ordinal (see JsonPosition). */
export class CompiledShape {
  lines: number[] = [];
  /** For an array value: the ordinal of its first item in `items`, and how many items it has. */
  itemStart: number[] = [];
  itemCount: number[] = [];
  readonly members?: Map<string, CompiledShape>;
  readonly items?: CompiledShape;
  private readonly memberKeys: { bytes: Uint8Array; shape: CompiledShape }[] = [];

  constructor(shape: PositionShape, depth: number) {
    // Shapes are written in code; the bound only keeps a mistaken cyclic one from recursing forever.
    if (depth > MAX_SHAPE_DEPTH) return;
    if (shape.members) {
      this.members = new Map();
      for (const [key, child] of Object.entries(shape.members)) {
        // One compiled shape per path: a shape object used at two places keeps two sets of ordinals.
        const compiled = new CompiledShape(child, depth + 1);
        this.members.set(key, compiled);
        this.memberKeys.push({ bytes: new TextEncoder().encode(key), shape: compiled });
      }
    }
    if (shape.items) this.items = new CompiledShape(shape.items, depth + 1);
  }

  /** The member shape whose key is bytes[start, end), if any. */
  matchKey(bytes: Uint8Array, start: number, end: number, escaped: boolean): CompiledShape | undefined {
    if (escaped) return this.members?.get(decodeKey(bytes, start, end));
    const length = end - start;
    next: for (const { bytes: key, shape } of this.memberKeys) {
      if (key.length !== length) continue;
      for (let k = 0; k < length; k++) if (key[k] !== bytes[start + k]) continue next;
      return shape;
    }
    return undefined;
  }
}

/** The lines a located shape holds, as plain arrays: what another thread hands back (see locate-soon.ts). */
export interface ShapeTables {
  lines: number[];
  itemStart: number[];
  itemCount: number[];
}

/** Every compiled shape under `shape`, itself first, in the order compileShape builds them. */
function* shapesOf(shape: CompiledShape): Generator<CompiledShape> {
  yield shape;
  for (const member of shape.members?.values() ?? []) yield* shapesOf(member);
  if (shape.items) yield* shapesOf(shape.items);
}

export function tablesOf(shape: CompiledShape): ShapeTables[] {
  return [...shapesOf(shape)].map(({ lines, itemStart, itemCount }) => ({ lines, itemStart, itemCount }));
}

/** Fills a freshly compiled shape with tables that tablesOf took from the same shape compiled elsewhere. */
export function adoptTables(shape: CompiledShape, tables: readonly ShapeTables[]): void {
  let index = 0;
  for (const compiled of shapesOf(shape)) {
    const table = tables[index++];
    if (!table) return;
    compiled.lines = table.lines;
    compiled.itemStart = table.itemStart;
    compiled.itemCount = table.itemCount;
  }
}

export function compileShape(shape: PositionShape): CompiledShape {
  return new CompiledShape(shape, 0);
}

function decodeKey(bytes: Uint8Array, start: number, end: number): string {
  const raw = new TextDecoder().decode(bytes.subarray(start - 1, Math.min(end + 1, bytes.length)));
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw;
  }
}
