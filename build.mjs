// Bundles the CLI into dist/ so that start-up loads one file, not hundreds of modules.
// Parsers and cloud SDKs are split into chunks that load only when a command needs them.
import { build } from 'esbuild';
import { chmodSync, readFileSync, renameSync, rmSync } from 'node:fs';

/** yargs measures help text with `string-width`, whose start-up cost every run would pay: bundle a light stand-in. */
const lightStringWidth = {
  name: 'light-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, () => ({ path: new URL('./src/cli/string-width.ts', import.meta.url).pathname }));
  },
};

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dist = new URL('./dist', import.meta.url).pathname;
// Built beside dist/ and swapped in, so that a CLI run during a rebuild never sees half a bundle.
const staging = `${dist}.${process.pid}`;

await build({
  entryPoints: { parapet: 'src/cli/main.ts' },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's default entry is a UMD bundle esbuild cannot follow; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  legalComments: 'none',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __parapetRequire } from 'node:module'; const require = __parapetRequire(import.meta.url);" },
  define: { PARAPET_VERSION: JSON.stringify(version) },
  plugins: [lightStringWidth],
  logLevel: 'warning',
});
chmodSync(`${staging}/parapet.js`, 0o755);
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);
