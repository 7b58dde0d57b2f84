import { basename } from 'node:path';
import { shown } from './quote.js';

/**
 * An exception for a message: its class and the place in Parapet's code that threw, never its message — a message may
 * quote the input (JSON.parse's does: `Unexpected token 'r', "root:x:0:0:"... is not valid JSON`).
 */
export function shownError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const frame = /\n\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?(?:\n|$)/.exec(error.stack ?? '');
  const where = frame ? ` at ${basename(frame[1])}:${frame[2]}:${frame[3]}` : '';
  return shown(`${error.name}${where}`, 120);
}
