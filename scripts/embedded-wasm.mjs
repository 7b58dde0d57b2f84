/**
 * The Terraform parser's WebAssembly (web-tree-sitter's runtime and the HCL grammar) inside a bundle: the module that
 * reads them from disk is replaced by one whose imports esbuild's binary loader turns into their bytes. It is
 * imported lazily, so that only a scan of Terraform files decodes them. Used by build.mjs and the fuzzer's bundle.
 */
export const embeddedWasm = {
  name: 'embedded-wasm',
  setup(build) {
    build.initialOptions.loader = { ...build.initialOptions.loader, '.wasm': 'binary' };
    build.onResolve({ filter: /^\.\/wasm-bytes\.js$/ }, (args) => (args.importer.includes('/parsers/terraform/') ? { path: new URL('../src/parsers/terraform/wasm-bytes.bundled.ts', import.meta.url).pathname } : undefined));
  },
};
