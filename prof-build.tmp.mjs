// Bundles the CLI into dist/ so that start-up loads one file, not hundreds of modules.
// Parsers and cloud SDKs are split into chunks that load only when a command needs them.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { embeddedWasm } from './scripts/embedded-wasm.mjs';

/**
 * Stand-ins for four of yargs' dependencies: `string-width` and `assert` (their start-up cost every run would pay),
 * and `y18n` and `escalade/sync`, which read locale files and search the working directory upward for a package.json
 * — Parapet reads no file it was not asked to.
 */
const STAND_INS = { 'string-width': 'string-width.ts', y18n: 'english-messages.ts', 'escalade/sync': 'no-find-up.ts', assert: 'yargs-assert.ts' };
const yargsStandIns = {
  name: 'yargs-stand-ins',
  setup(build) {
    build.onResolve({ filter: /^(string-width|y18n|escalade\/sync|assert)$/ }, (args) =>
      args.path !== 'assert' || args.importer.includes('/node_modules/yargs/') ? { path: new URL(`./src/cli/${STAND_INS[args.path]}`, import.meta.url).pathname } : undefined,
    );
  },
};

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dist = '/tmp/profdist';
// Built beside dist/ and swapped in, so that a CLI run during a rebuild never sees half a bundle.
const staging = `${dist}.${process.pid}`;

const ACTION_SWEEP_WORKER = 'parapet-sweep-worker';
const CLOUD_SDKS = ['@aws-sdk/*', '@smithy/*', '@azure/*', '@azure-rest/*', '@google-cloud/*', 'google-auth-library', 'google-gax'];

/** What the CLI and the Action bundles share. */
const BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  // jsonc-parser's default entry is a UMD bundle esbuild cannot follow; its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
  // The CLI runs on Node 20 and later; action.yml runs the Action on node24, the tests on this machine's Node 20.
  target: 'node20',
  minify: false,
  legalComments: 'none',
  banner: { js: "import { createRequire as __parapetRequire } from 'node:module'; const require = __parapetRequire(import.meta.url);" },
  define: { PARAPET_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

// `node build.mjs action [FILE]` bundles the GitHub Action instead (buildAction, below). `npm run build` builds both;
// `prepare` and the tests' setup build only the CLI, so that the committed Action bundle is what its test compares.
if (process.argv[2] === 'action') {
  await buildAction(process.argv[3] ?? new URL('./action/parapet-action.mjs', import.meta.url).pathname);
  process.exit(0);
}

await build({
  ...BUNDLE,
  // A sweep reads the cloud in a worker thread (src/sweep/sweep-thread.ts), from its own entry beside parapet.js.
  entryPoints: { parapet: 'src/cli/main.ts', 'sweep-worker': 'src/sweep/sweep-worker.ts' },
  define: { ...BUNDLE.define, PARAPET_SWEEP_WORKER: JSON.stringify('./sweep-worker.js') },
  outdir: staging,
  splitting: true,
  banner: { js: `#!/usr/bin/env node\n${BUNDLE.banner.js}` },
  plugins: [yargsStandIns, embeddedWasm],
  // The cloud SDKs (`parapet sweep` only) are loaded from node_modules as installed: megabytes that bundling would
  // only copy, and packages that find their own files beside them at run time (__dirname, protos).
  external: CLOUD_SDKS,
});
chmodSync(`${staging}/parapet.js`, 0o755);
rmSync(dist, { recursive: true, force: true });
renameSync(staging, dist);

/**
 * The GitHub Action (action.yml) in one file that the runner loads as it is, with no npm install: committed, so built
 * the same, byte for byte, from the same sources. @actions/core's OIDC client and its use of @actions/exec are
 * replaced by stand-ins (src/action/no-oidc.ts, no-exec.ts): they would bring an HTTP client larger than Parapet.
 */
async function buildAction(outfile) {
  const actionsCoreStandIns = {
    name: 'actions-core-stand-ins',
    setup(build) {
      build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) => (args.importer.includes('@actions/core') ? { path: new URL('./src/action/no-oidc.ts', import.meta.url).pathname } : undefined));
      build.onResolve({ filter: /^@actions\/exec$/ }, () => ({ path: new URL('./src/action/no-exec.ts', import.meta.url).pathname }));
    },
  };
  const { metafile } = await build({
    ...BUNDLE,
    absWorkingDir: new URL('.', import.meta.url).pathname,
    // A sweep reads the cloud in a worker thread (src/sweep/sweep-thread.ts): its entry is a second file beside the Action's.
    entryPoints: { [basename(outfile, '.mjs')]: 'src/action/main.ts', [ACTION_SWEEP_WORKER]: 'src/sweep/sweep-worker.ts' },
    outdir: dirname(outfile),
    outExtension: { '.js': '.mjs' },
    define: { ...BUNDLE.define, PARAPET_SWEEP_WORKER: JSON.stringify(`./${ACTION_SWEEP_WORKER}.mjs`) },
    plugins: [yargsStandIns, actionsCoreStandIns, embeddedWasm],
    // A sweep's SDK is loaded from node_modules beside the Action, installed from package-lock.json when it is missing
    // (src/action/cloud-sdks.ts); a scan loads none.
    external: CLOUD_SDKS,
    metafile: true,
  });
  writeFileSync(join(dirname(outfile), 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(Object.values(metafile.outputs)));
}

/** The license of every package the bundles carry code of, as the committed bundles must carry them. */
function thirdPartyLicenses(outputs) {
  const packages = new Set();
  for (const [path, { bytesInOutput }] of outputs.flatMap((output) => Object.entries(output.inputs))) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
    if (name && bytesInOutput > 0) packages.add(name);
  }
  const sections = [...packages].sort().map((name) => {
    const directory = new URL(`./node_modules/${name}/`, import.meta.url).pathname;
    const { version, license } = JSON.parse(readFileSync(`${directory}package.json`, 'utf8'));
    const file = readdirSync(directory).sort().find((entry) => /^licen[cs]e/i.test(entry));
    return `${name} ${version} (${license})\n\n${file ? readFileSync(`${directory}${file}`, 'utf8').replace(/\r\n/g, '\n').trim() : '(the package holds no license file)'}\n`;
  });
  // The grammars are vendored (their packages would run a native install script), so they are not found under node_modules.
  const grammars = [
    ['terraform', '@tree-sitter-grammars/tree-sitter-hcl 1.2.0, tree-sitter-hcl.wasm (Apache-2.0)'],
    ['bicep', 'tree-sitter-bicep 1.1.0, tree-sitter-bicep.wasm (MIT)'],
  ];
  for (const [folder, title] of grammars) {
    const license = new URL(`./src/parsers/${folder}/grammar/LICENSE`, import.meta.url).pathname;
    sections.push(`${title}\n\n${readFileSync(license, 'utf8').replace(/\r\n/g, '\n').trim()}\n`);
  }
  return `Parapet's GitHub Action (parapet-action.mjs, parapet-sweep-worker.mjs) bundles code of these packages:\n\n${sections.join(`\n${'-'.repeat(80)}\n\n`)}`;
}
