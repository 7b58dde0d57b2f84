/**
 * Characters JSON.stringify leaves as they are but a reader of the file would not see: C1 controls, every format
 * character (bidirectional marks and the others, U+070F among them), line and paragraph separators, and the unassigned
 * rest of the format blocks.
 */
const UNSEEN = /[\u007f-\u009f\p{Cf}\u2028\u2029\u2060-\u206f\u{e0000}-\u{e007f}]/gu;

/**
 * JSON.stringify, with every character that would not show as itself written as a `\u` escape: the same JSON value
 * to a program, and nothing that could mislead a person reading the report (or GitHub showing it).
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(UNSEEN, unicodeEscape);
}

/** `\u202e`; a character outside the BMP as its two UTF-16 halves, as JSON writes it. */
function unicodeEscape(character: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index++) escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}
