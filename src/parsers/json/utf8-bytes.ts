import type { InputFile } from '../../inputs/input-file.js';

/** The file as UTF-8 bytes without a BOM (line numbers equal the decoded text's): the file's own bytes when it was UTF-8. */
export function utf8Bytes(file: InputFile): Uint8Array {
  if (file.encoding !== 'utf-8' || !file.bytes) return Buffer.from(file.text, 'utf8');
  const bom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
  return bom ? file.bytes.subarray(3) : file.bytes;
}
