// esbuild's binary loader (build.mjs) turns this import into the file's bytes; this module replaces wasm-bytes.ts in
// the bundles, and is imported only lazily, when a file of a tree-sitter grammar is scanned.
import runtime from 'web-tree-sitter/tree-sitter.wasm';

export async function wasmBytes(): Promise<Uint8Array> {
  return runtime;
}
