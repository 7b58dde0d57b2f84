import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { InputProblem } from '../model/problem.js';
import type { ProblemId } from '../model/problem-kinds.js';

/** An input file read and decoded. `text` keeps the file's own line ends; parsers split on /\r?\n/. */
export interface InputFile {
  path: string;
  text: string;
  /** How the bytes were decoded. 'latin1' means the bytes were not valid UTF-8 (an OEM/ANSI code page export). */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
}

const HEAD_BYTES = 64 * 1024;

/** The start of a text that detection reads: as much as readHead decodes. */
export function headOf(text: string): string {
  return text.slice(0, HEAD_BYTES);
}

/** The first bytes of a file, decoded, for format detection. Never reads more than 64 KiB. */
export function readHead(path: string): { head: string; binary: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const bytes = buffer.subarray(0, length);
    const { text, encoding } = decode(bytes, true);
    const binary = encoding.startsWith('utf-16') ? false : bytes.includes(0);
    return { head: text, binary };
  } finally {
    closeSync(fd);
  }
}

/** Reads and decodes a whole input file, or says in one line why it cannot. */
export function readInputFile(path: string, maxBytes: number): InputFile | InputProblem {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return unreadable(path, 'not a regular file');
    if (stat.size > maxBytes) {
      return unreadable(path, `file is ${formatBytes(stat.size)}, more than the ${formatBytes(maxBytes)} this input type allows — not scanned`, 'input/too-large');
    }
    const bytes = readFileSync(path);
    const { text, encoding } = decode(bytes, false);
    if (!encoding.startsWith('utf-16') && bytes.includes(0)) return unreadable(path, 'binary file (contains NUL bytes) — not scanned', 'input/binary');
    return { path, text, encoding };
  } catch (error) {
    return unreadable(path, describeIoError(error));
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied — cannot read it';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return `cannot read: ${code ?? (error as Error)?.message ?? String(error)}`;
  }
}

export function unreadable(file: string, message: string, id: ProblemId = 'input/unreadable'): InputProblem {
  return { id, file, message, level: 'error' };
}

function decode(bytes: Buffer, partial: boolean): { text: string; encoding: InputFile['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body, { stream: partial }), encoding: 'utf-8' };
  } catch {
    return { text: body.toString('latin1'), encoding: 'latin1' };
  }
}

/** '16 MiB', '16.5 MiB', '12 KiB': whole numbers as they are, so that a file just over a limit never reads as equal to it. */
export function formatBytes(size: number): string {
  const [value, unit] = size >= 1024 * 1024 ? [size / 1024 / 1024, 'MiB'] : [Math.ceil(size / 1024), 'KiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
