import { readFile } from 'node:fs/promises';

/**
 * The vendored Bicep grammar (grammar/, from tree-sitter-bicep 1.1.0, MIT), read from disk when Parapet runs from
 * source; build.mjs puts wasm-bytes.bundled.ts in this module's place, which carries the bytes inside the bundle.
 */
export async function wasmBytes(): Promise<Uint8Array> {
  return readFile(new URL('./grammar/tree-sitter-bicep.wasm', import.meta.url));
}
