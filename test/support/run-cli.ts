import { spawnSync } from 'node:child_process';

export const CLI = new URL('../../dist/parapet.js', import.meta.url).pathname;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI as a user would. */
export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
