import { spawn } from 'node:child_process';
import { childOutput } from '../support/child-output.js';
import { CLI } from '../support/run-cli.js';

export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs node without blocking this process: the local cloud servers the child talks to answer from this process's
 * event loop. The environment is this one's without cloud logins or proxies (the SDKs would send even 127.0.0.1
 * through one), plus `env`.
 */
export function runNodeAsync(args: string[], env: Record<string, string>): Promise<NodeRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:AWS_|AZURE_|GOOGLE_|GCLOUD_|MSI_|IDENTITY_)|_proxy$/i.test(name)));
  return childOutput(spawn(process.execPath, args, { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The bundled CLI, run as a user runs it. */
export function runCliAsync(args: string[], env: Record<string, string>): Promise<NodeRun> {
  return runNodeAsync([CLI, ...args], env);
}
