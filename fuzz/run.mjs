// `npm run fuzz [-- --count N --seed S --jobs J --replay N]`: bundles the fuzzer with esbuild (as build.mjs bundles the
// CLI: one file, no TypeScript loader at run time) into a temporary directory and runs it with the garbage collector
// exposed, so that the live heap it reports is measured after collection.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedWasm } from '../scripts/embedded-wasm.mjs';

const repository = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'parapet-fuzz-bundle-'));
try {
  await build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    outfile: join(out, 'fuzz.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    sourcemap: 'inline',
    define: { PARAPET_VERSION: JSON.stringify('fuzz') },
    banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [embeddedWasm],
  });
  const run = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', join(out, 'fuzz.mjs'), '--repository', repository, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = run.status ?? 2;
} finally {
  rmSync(out, { recursive: true, force: true });
}
