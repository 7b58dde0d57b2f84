import type { Random } from '../test/support/seeded-random.js';
import { below, pick } from './choose.js';

/** How an input's text is turned into bytes, as the tools that capture inputs write them (or break them). */
export type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le with BOM' | 'utf-16le' | 'utf-16be with BOM' | 'utf-16be' | 'latin1';

export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'utf-16le', 'utf-16be with BOM', 'utf-16be', 'latin1'];

/** Decodes a seed as Parapet's readers do: a UTF-16 byte order mark, else UTF-8, else Latin-1. */
export function decodeSeed(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le with BOM' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: swapBytes(bytes.subarray(2)).toString('utf16le'), encoding: 'utf-16be with BOM' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: bom ? 'utf-8 with BOM' : 'utf-8' };
  } catch {
    return { text: body.toString('latin1'), encoding: 'latin1' };
  }
}

/** Lone surrogates stay lone in UTF-16; UTF-8 has no bytes for them (Buffer writes U+FFFD), see BYTE_MUTATIONS for those. */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le with BOM': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16le': return Buffer.from(text, 'utf16le');
    case 'utf-16be with BOM': return Buffer.concat([Buffer.from([0xfe, 0xff]), swapBytes(Buffer.from(text, 'utf16le'))]);
    case 'utf-16be': return swapBytes(Buffer.from(text, 'utf16le'));
    case 'latin1': return Buffer.from(text, 'latin1');
  }
}

function swapBytes(bytes: Buffer): Buffer {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return swapped.swap16();
}

export interface ByteMutation {
  name: string;
  apply(bytes: Buffer, random: Random): { bytes: Buffer; detail: string };
}

/** Bytes no text tool writes, or writes only by accident. */
const ODD_BYTES: readonly (readonly number[])[] = [
  [0x00], [0x00, 0x00], [0xff], [0xfe, 0xff], [0xff, 0xfe], [0xef, 0xbb, 0xbf], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe9], [0xfc, 0x62, 0x65, 0x72], [0x81], [0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x80], [0x1b, 0x5b, 0x33, 0x31, 0x6d],
];

export const BYTE_MUTATIONS: readonly ByteMutation[] = [
  {
    name: 'truncate-bytes',
    apply(bytes, random) {
      const at = below(random, bytes.length + 1);
      return { bytes: bytes.subarray(0, at), detail: `cut at byte ${at} of ${bytes.length}` };
    },
  },
  {
    name: 'odd-bytes',
    apply(bytes, random) {
      const at = below(random, bytes.length + 1);
      const odd = Buffer.from(pick(random, ODD_BYTES));
      return { bytes: Buffer.concat([bytes.subarray(0, at), odd, bytes.subarray(at)]), detail: `inserted bytes ${odd.toString('hex')} at byte ${at}` };
    },
  },
  {
    name: 'flip-byte',
    apply(bytes, random) {
      if (bytes.length === 0) return { bytes, detail: 'empty: nothing to flip' };
      const at = below(random, bytes.length);
      const changed = Buffer.from(bytes);
      changed[at] ^= 1 << below(random, 8);
      return { bytes: changed, detail: `flipped a bit of byte ${at} (${bytes[at].toString(16)} → ${changed[at].toString(16)})` };
    },
  },
];
