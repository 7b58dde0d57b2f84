import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, type CliRun } from '../support/run-cli.js';

/** Why strace cannot watch the CLI here, or undefined when it can. */
export function straceUnavailable(): string | undefined {
  const probe = spawnSync('strace', ['-f', '-e', 'trace=%file', '-o', '/dev/null', 'true']);
  return probe.error || probe.status !== 0 ? 'strace is not installed or cannot trace here (apt-get install -y strace)' : undefined;
}

export interface TracedRun extends CliRun {
  /** Every path a file system call of the CLI named (its first path argument), made absolute. */
  touched: string[];
}

/** Runs the bundled CLI under strace and lists every path it looked at: what Parapet read, or tried to. */
export function tracedCli(args: string[], cwd: string): TracedRun {
  const traceDirectory = mkdtempSync(join(tmpdir(), 'parapet-trace-'));
  const trace = join(traceDirectory, 'trace');
  try {
    const result = spawnSync('strace', ['-f', '-qq', '-e', 'trace=%file', '-o', trace, process.execPath, CLI, ...args], { cwd, encoding: 'utf8' });
    const touched = readFileSync(trace, 'utf8')
      .split('\n')
      .map((line) => /^\d+\s+\w+\((?:AT_FDCWD|-?\d+), "([^"]*)"|^\d+\s+\w+\("([^"]*)"/.exec(line))
      .flatMap((match) => (match ? [match[1] ?? match[2]] : []))
      .filter((path) => path !== '')
      .map((path) => resolve(cwd, path));
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, touched };
  } finally {
    rmSync(traceDirectory, { recursive: true, force: true });
  }
}
