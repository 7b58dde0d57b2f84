import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The two WebAssembly modules the HCL parser runs on: web-tree-sitter's runtime and the vendored HCL grammar
 * (grammar/, from @tree-sitter-grammars/tree-sitter-hcl 1.2.0, Apache-2.0). Read from disk when Parapet runs from
 * source; build.mjs puts wasm-bytes.bundled.ts in this module's place, which carries the bytes inside the bundle.
 */
export async function parserWasm(): Promise<{ runtime: Uint8Array; grammar: Uint8Array }> {
  const runtimePath = createRequire(import.meta.url).resolve('web-tree-sitter/tree-sitter.wasm');
  const [runtime, grammar] = await Promise.all([readFile(runtimePath), readFile(new URL('./grammar/tree-sitter-hcl.wasm', import.meta.url))]);
  return { runtime, grammar };
}
