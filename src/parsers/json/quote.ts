import { quoted, redacted } from '../../model/quote.js';

/**
 * A JSON value from the input for a message: a string quoted as every message quotes input (src/model/quote.ts), a
 * number or literal as it reads, an array or object by its kind only — never its members, which may be anything.
 */
export function quotedJson(value: unknown, max = 40): string {
  if (typeof value === 'string') return quoted(value, max);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return '(missing)';
  if (Array.isArray(value)) return `an array of ${value.length} value${value.length === 1 ? '' : 's'}`;
  return 'an object';
}

/** A cloud API's error code or message: one line of prose, cut, escaped, and without anything that looks like a credential. */
export function errorText(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return quotedJson(value);
  return redacted(String(value).replace(/\s+/g, ' ').trim(), 160);
}
