// Bundles the CLI into dist/ so that start-up loads one file, not hundreds of modules.
// Parsers and cloud SDKs are split into chunks that load only when a command needs them.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { parapet: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __parapetRequire } from 'node:module'; const require = __parapetRequire(import.meta.url);" },
  define: { PARAPET_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
chmodSync(new URL('./dist/parapet.js', import.meta.url), 0o755);
