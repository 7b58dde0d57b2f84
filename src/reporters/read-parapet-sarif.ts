import { readFileSync } from 'node:fs';
import type * as Sarif from 'sarif';
import { notParapetSarif } from './merge-sarif.js';

/**
 * A SARIF log Parapet wrote, read back (by `parapet merge` and by `--baseline`), or why the file is not one — in
 * words that quote none of its content, which is not Parapet's to show.
 */
export function readParapetSarif(file: string): Sarif.Log | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error.
    return 'it is not JSON';
  }
  return notParapetSarif(log) ?? (log as Sarif.Log);
}
