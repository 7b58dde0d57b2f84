import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** A child's exit status and everything it wrote, once it has closed. */
export function childOutput(child: ChildProcessByStdio<null, Readable, Readable>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
