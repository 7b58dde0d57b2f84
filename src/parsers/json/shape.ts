import { OrdinalTable } from './ordinal-table.js';

/** Which members and array items of a JSON document to record the line of. A member's line is its key's. */
export interface PositionShape {
  members?: Readonly<Record<string, PositionShape>>;
  items?: PositionShape;
  /** For JsonProjector: keep every member of the object, not only those named. */
  whole?: boolean;
  /** For JsonProjector: a member kept for its value only, whose line nobody asks for. */
  lineless?: boolean;
}

const MAX_SHAPE_DEPTH = 32;

/** A shape for one path of the document, with the lines found there, indexed by ordinal (see JsonPosition). */
export class CompiledShape {
  /** 0 where the document has no value at this path for that ordinal. */
  readonly lines = new OrdinalTable();
  /** For an array value: 1 + the ordinal of its first item in `items` (0: not an array), and how many items it has. */
  readonly itemStart = new OrdinalTable();
  readonly itemCount = new OrdinalTable();
  // Always assigned, so that every compiled shape has one hidden class and the locating loop stays monomorphic.
  readonly members: Map<string, CompiledShape> | undefined = undefined;
  readonly items: CompiledShape | undefined = undefined;
  readonly whole: boolean;
  readonly lineless: boolean;
  /** For a member shape: the key that names it. */
  key = '';
  /** Member keys as UTF-8, by their length: most keys of an object differ in length from every named one. */
  private readonly keysByLength: ({ bytes: Uint8Array; shape: CompiledShape }[] | undefined)[] = [];

  constructor(shape: PositionShape, depth = 0) {
    this.whole = shape.whole === true;
    this.lineless = shape.lineless === true;
    // Shapes are written in code; the bound only keeps a mistaken cyclic one from recursing forever.
    if (depth > MAX_SHAPE_DEPTH) return;
    if (shape.members) {
      this.members = new Map();
      for (const [key, child] of Object.entries(shape.members)) {
        // One compiled shape per path: a shape object used at two places keeps two sets of ordinals.
        const compiled = new CompiledShape(child, depth + 1);
        compiled.key = key;
        this.members.set(key, compiled);
        const bytes = new TextEncoder().encode(key);
        (this.keysByLength[bytes.length] ??= []).push({ bytes, shape: compiled });
      }
    }
    if (shape.items) this.items = new CompiledShape(shape.items, depth + 1);
  }

  /** The member shape whose key is bytes[start, end), if any. */
  matchKey(bytes: Uint8Array, start: number, end: number, escaped: boolean): CompiledShape | undefined {
    if (escaped) return this.members?.get(decodeKey(bytes, start, end));
    const candidates = this.keysByLength[end - start];
    if (!candidates) return undefined;
    next: for (const { bytes: key, shape } of candidates) {
      for (let k = 0; k < key.length; k++) if (key[k] !== bytes[start + k]) continue next;
      return shape;
    }
    return undefined;
  }

  /** This shape and every shape under it. */
  *all(): Generator<CompiledShape> {
    yield this;
    for (const member of this.members?.values() ?? []) yield* member.all();
    if (this.items) yield* this.items.all();
  }

  /** Forgets the lines found, to locate another document with the same shape. */
  clear(): void {
    if (this.lines.length === 0 && this.itemStart.length === 0 && this.itemCount.length === 0) return;
    this.lines.clear();
    this.itemStart.clear();
    this.itemCount.clear();
  }
}

function decodeKey(bytes: Uint8Array, start: number, end: number): string {
  const raw = new TextDecoder().decode(bytes.subarray(start - 1, Math.min(end + 1, bytes.length)));
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw;
  }
}
