import { EXIT } from './exit-status.js';

/**
 * A reader that stops early (`parapet rules | head`) closes the pipe: the rest of the output is dropped and the command
 * keeps its own exit status. Any other failure to write is said once on standard error, and the exit status is 2.
 */
export function toleratePipeClosedByReader(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.exitCode = EXIT.error;
    if (stream !== process.stderr) process.stderr.write(`parapet: cannot write to ${name}: ${error.message}\n`);
  });
}
