import { readFile } from 'node:fs/promises';

/**
 * The vendored HCL grammar (grammar/, from @tree-sitter-grammars/tree-sitter-hcl 1.2.0, Apache-2.0), read from disk
 * when Parapet runs from source; build.mjs puts wasm-bytes.bundled.ts in this module's place, which carries the bytes
 * inside the bundle.
 */
export async function wasmBytes(): Promise<Uint8Array> {
  return readFile(new URL('./grammar/tree-sitter-hcl.wasm', import.meta.url));
}
