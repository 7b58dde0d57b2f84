// Writes src/explain/rule-examples.ts from the fixtures: `parapet explain` shows them, and the package has no fixtures/.
// Run from the repository (npm run docs). The TypeScript generator is bundled in memory and run once.
import { build } from 'esbuild';

const bundled = await build({
  entryPoints: [new URL('../src/explain/write-examples.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  logLevel: 'warning',
});
await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
