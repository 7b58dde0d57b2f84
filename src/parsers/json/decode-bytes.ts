import { isUtf8 } from 'node:buffer';

/** JSON is UTF-8; bytes that are not are read as Latin-1, a byte a character (an export from a code page), rather than refused. */
export function decodeBytes(bytes: Buffer, start = 0, end = bytes.length): string {
  return isUtf8(bytes.subarray(start, end)) ? bytes.toString('utf8', start, end) : bytes.toString('latin1', start, end);
}
