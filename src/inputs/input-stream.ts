import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { InputProblem } from '../model/problem.js';
import { describeIoError, formatBytes, headOf, readHead, unreadable } from './input-file.js';

/**
 * A file read in pieces as UTF-8: the cloud exports, which run to hundreds of megabytes, are never held whole.
 * A UTF-8 byte order mark is dropped; UTF-16 (PowerShell's `>`) is converted, which does hold it whole.
 */
export interface InputStream {
  path: string;
  /** The first 64 KiB, decoded: enough to tell an XML or CLI error saved in place of the JSON. */
  head: string;
  /** Fills target[offset, offset + length) with the next bytes; returns how many, 0 at the end. Throws on read errors. */
  read(target: Uint8Array, offset: number, length: number): number;
  close(): void;
}

export function openInputStream(path: string, maxBytes: number): InputStream | InputProblem {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return unreadable(path, 'not a regular file');
    if (stat.size > maxBytes) {
      return unreadable(path, `file is ${formatBytes(stat.size)}, more than the ${formatBytes(maxBytes)} this input type allows — not scanned`, 'input/too-large');
    }
    const { head } = readHead(path);
    const mark = Buffer.alloc(3);
    const marked = readSync(fd, mark, 0, 3, 0);
    if (marked >= 2 && ((mark[0] === 0xff && mark[1] === 0xfe) || (mark[0] === 0xfe && mark[1] === 0xff))) {
      closeSync(fd);
      fd = undefined;
      const text = new TextDecoder(mark[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(readFileSync(path).subarray(2));
      return bytesStream(path, Buffer.from(text, 'utf8'), head);
    }
    const stream = fileStream(path, fd, marked === 3 && mark[0] === 0xef && mark[1] === 0xbb && mark[2] === 0xbf ? 3 : 0, head);
    fd = undefined;
    return stream;
  } catch (error) {
    return unreadable(path, describeIoError(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Text already in memory as a stream: for UTF-16 files and for tests. */
export function textStream(path: string, text: string): InputStream {
  return bytesStream(path, Buffer.from(text, 'utf8'), headOf(text));
}

function bytesStream(path: string, bytes: Uint8Array, head: string): InputStream {
  let at = 0;
  return {
    path,
    head,
    read(target, offset, length) {
      const count = Math.min(length, bytes.length - at);
      target.set(bytes.subarray(at, at + count), offset);
      at += count;
      return count;
    },
    close() {},
  };
}

function fileStream(path: string, fd: number, start: number, head: string): InputStream {
  let at = start;
  let open = true;
  return {
    path,
    head,
    read(target, offset, length) {
      const count = readSync(fd, target, offset, length, at);
      at += count;
      return count;
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
