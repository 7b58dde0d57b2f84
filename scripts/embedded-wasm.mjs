/**
 * The parsers' WebAssembly (web-tree-sitter's runtime, the HCL and Bicep grammars) inside a bundle: each module that
 * reads one from disk is replaced by one whose import esbuild's binary loader turns into its bytes. They are imported
 * lazily, so that only a scan of Terraform or Bicep files decodes them. Used by build.mjs and the fuzzer's bundle.
 */
export const embeddedWasm = {
  name: 'embedded-wasm',
  setup(build) {
    build.initialOptions.loader = { ...build.initialOptions.loader, '.wasm': 'binary' };
    build.onResolve({ filter: /^\.\/wasm-bytes\.js$/ }, (args) => {
      const folder = /\/src\/parsers\/(terraform|bicep|tree-sitter)\/[^/]+$/.exec(args.importer)?.[1];
      return folder ? { path: new URL(`../src/parsers/${folder}/wasm-bytes.bundled.ts`, import.meta.url).pathname } : undefined;
    });
  },
};
