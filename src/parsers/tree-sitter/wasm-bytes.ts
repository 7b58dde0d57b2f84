import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * web-tree-sitter's runtime WebAssembly, read from disk when Parapet runs from source; build.mjs puts
 * wasm-bytes.bundled.ts in this module's place, which carries the bytes inside the bundle.
 */
export async function wasmBytes(): Promise<Uint8Array> {
  return readFile(createRequire(import.meta.url).resolve('web-tree-sitter/tree-sitter.wasm'));
}
