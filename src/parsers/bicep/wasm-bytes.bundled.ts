// esbuild's binary loader (build.mjs) turns this import into the file's bytes; this module replaces wasm-bytes.ts in
// the bundles, and is imported only lazily, when a Bicep file is scanned.
import grammar from './grammar/tree-sitter-bicep.wasm';

export async function wasmBytes(): Promise<Uint8Array> {
  return grammar;
}
