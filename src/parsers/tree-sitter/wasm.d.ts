// What esbuild's binary loader makes of a .wasm import (build.mjs); only wasm-bytes.bundled.ts imports one.
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
