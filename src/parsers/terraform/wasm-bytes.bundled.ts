// esbuild's binary loader (build.mjs) turns these imports into the files' bytes; this module replaces wasm-bytes.ts in
// the bundles, and is imported only lazily, when a Terraform file is scanned.
import runtime from 'web-tree-sitter/tree-sitter.wasm';
import grammar from './grammar/tree-sitter-hcl.wasm';

export async function parserWasm(): Promise<{ runtime: Uint8Array; grammar: Uint8Array }> {
  return { runtime, grammar };
}
