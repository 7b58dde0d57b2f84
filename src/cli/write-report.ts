import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 20;

/** Writes a report's pieces to `output`, or to standard output, a megabyte at a time. Throws when it cannot write. */
export function writeReport(pieces: Iterable<string>, output?: string): void {
  const fd = output === undefined ? undefined : openSync(output, 'w');
  const write = (bytes: Uint8Array) => (fd === undefined ? process.stdout.write(bytes) : writeAll(fd, bytes));
  const buffer = Buffer.allocUnsafeSlow(BUFFER_BYTES);
  let used = 0;
  const flush = () => {
    if (used > 0) write(fd === undefined ? Buffer.from(buffer.subarray(0, used)) : buffer.subarray(0, used));
    used = 0;
  };
  try {
    for (const piece of pieces) {
      // A UTF-16 code unit is at most three bytes of UTF-8.
      if (used + piece.length * 3 > buffer.length) flush();
      if (piece.length * 3 > buffer.length) write(Buffer.from(piece, 'utf8'));
      else used += buffer.write(piece, used, 'utf8');
    }
    flush();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}
