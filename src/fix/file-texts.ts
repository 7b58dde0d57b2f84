import { readFileSync, statSync } from 'node:fs';
import { describeIoError, formatBytes } from '../inputs/input-file.js';
import { CONFIG_BYTES } from '../inputs/formats.js';
import { shown } from '../model/quote.js';

/** A configuration file's text as read for fixing: the lines as sshd counts them ('\n'), and the end of line it uses. */
export interface FileText {
  path: string;
  text: string;
  lines: string[];
  eol: '\n' | '\r\n';
}

/**
 * Reads the files a fix edits, once each. Only UTF-8 text without a byte-order mark is edited: anything else could not
 * be written back byte for byte around the change.
 */
export class FileTexts {
  private readonly read = new Map<string, FileText | string>();

  /** The file, or why it is not edited. */
  get(path: string): FileText | string {
    let entry = this.read.get(path);
    if (entry === undefined) {
      entry = readForFix(path);
      this.read.set(path, entry);
    }
    return entry;
  }
}

export function fileText(path: string, text: string): FileText {
  const lines = text.split('\n');
  return { path, text, lines, eol: lines.some((line, index) => index < lines.length - 1 && line.endsWith('\r')) ? '\r\n' : '\n' };
}

function readForFix(path: string): FileText | string {
  const where = shown(path, 1000);
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return `${where} is not a regular file`;
    if (stat.size > CONFIG_BYTES) return `${where} is larger than ${formatBytes(CONFIG_BYTES)}`;
    bytes = readFileSync(path);
  } catch (error) {
    return `${where}: ${describeIoError(error)}`;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return `${where} starts with a byte-order mark — Parapet does not edit such files`;
  if (bytes.includes(0)) return `${where} is not text (it contains NUL bytes)`;
  try {
    return fileText(path, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return `${where} is not UTF-8 text — Parapet edits UTF-8 files only`;
  }
}
