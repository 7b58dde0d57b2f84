import { isAscii, isUtf8 } from 'node:buffer';

/**
 * JSON is UTF-8; bytes that are not are read as Latin-1, a byte a character (an export from a code page), rather
 * than refused. ASCII, most of any export, is copied as it is.
 */
export function decodeBytes(bytes: Buffer, start = 0, end = bytes.length): string {
  const view = bytes.subarray(start, end);
  return isAscii(view) || !isUtf8(view) ? bytes.toString('latin1', start, end) : bytes.toString('utf8', start, end);
}
