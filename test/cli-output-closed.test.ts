import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './support/run-cli.js';

const insecure = join(new URL('../', import.meta.url).pathname, 'examples/sshd/insecure-bastion/sshd_config');

/** Runs the CLI with standard output given to `stdout`; a reader that is gone is a pipe closed before Parapet writes. */
function runWithStdout(args: string[], stdout: 'closed pipe' | number): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', stdout === 'closed pipe' ? 'pipe' : stdout, 'pipe'] });
  child.stdout?.destroy();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('standard output that cannot be written', () => {
  it('a reader that stops early (parapet rules | head) ends the command quietly, with its own exit status', async () => {
    const rules = await runWithStdout(['rules'], 'closed pipe');
    expect(rules.stderr).toBe('');
    expect(rules.status).toBe(0);
    const scan = await runWithStdout(['scan', insecure, '--format', 'sarif'], 'closed pipe');
    expect(scan.stderr).toBe('');
    expect(scan.status).toBe(1);
  });

  it('a full disk is said in one line and exits 2, never a stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['rules'], ['scan', insecure]]) {
        const run = await runWithStdout(args, full);
        expect(run.stderr).toBe('parapet: cannot write to standard output: ENOSPC: no space left on device, write\n');
        expect(run.status).toBe(2);
      }
    } finally {
      closeSync(full);
    }
  });
});
