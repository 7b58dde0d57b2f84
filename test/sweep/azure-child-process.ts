import { join } from 'node:path';
import { build } from 'esbuild';
import type { RunRequest, RunResult } from './azure-run-sweeper.js';
import { runNodeAsync } from './run-cli-async.js';

/**
 * Bundles azure-run-sweeper.ts (with the SDKs, as the CLI bundles them) into `directory`, so that a plain `node`
 * child can run it: the parent's vitest worker cannot take NODE_EXTRA_CA_CERTS any more.
 */
export async function bundleSweeperRun(directory: string): Promise<string> {
  const outfile = join(directory, 'run-sweeper.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'azure-run-sweeper.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __testRequire } from 'node:module'; const require = __testRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Runs the bundled sweep in a child whose environment is the parent's without any Azure login or proxy, plus `env` (the
 * variables DefaultAzureCredential reads) and the stub's certificate as an extra CA. Async: the stub answers from
 * this process's event loop.
 */
export async function runSweeper(script: string, request: RunRequest, certificatePath: string, env: Record<string, string>): Promise<RunResult> {
  const run = await runNodeAsync([script, JSON.stringify(request)], { ...env, NODE_EXTRA_CA_CERTS: certificatePath });
  if (run.status !== 0) throw new Error(`the sweep child exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as RunResult;
}
