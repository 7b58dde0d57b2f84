import { chmodSync, chownSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeIoError } from '../inputs/input-file.js';
import { shown } from '../model/quote.js';
import type { FileText } from './file-texts.js';

/**
 * Replaces a file's text as one step (a temporary file beside it, renamed over it), keeping its mode and owner, so that
 * sshd never reads half a file. Refuses a symbolic link (the rename would replace the link, not what it leads to) and
 * a file that changed since it was read. Returns why it did not write, or undefined.
 */
export function writeFileInPlace(original: FileText, text: string): string | undefined {
  const refusal = unwritable(original);
  if (refusal) return refusal;
  const temporary = join(dirname(original.path), `.${basename(original.path)}.parapet-${process.pid}`);
  try {
    const stat = lstatSync(original.path);
    writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 });
    chmodSync(temporary, stat.mode & 0o7777);
    if (process.getuid?.() === 0) chownSync(temporary, stat.uid, stat.gid);
    renameSync(temporary, original.path);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return `cannot write ${shown(original.path, 1000)}: ${describeIoError(error)}`;
  }
}

/** Why a file read for fixing must not be replaced now, or undefined. */
export function unwritable(original: FileText): string | undefined {
  const where = shown(original.path, 1000);
  try {
    const stat = lstatSync(original.path);
    if (stat.isSymbolicLink()) return `${where} is a symbolic link — fix the file it leads to`;
    if (!stat.isFile()) return `${where} is not a regular file`;
    if (readFileSync(original.path, 'utf8') !== original.text) return `${where} changed since it was read — scan again`;
    return undefined;
  } catch (error) {
    return `cannot write ${where}: ${describeIoError(error)}`;
  }
}
