/** Characters XML 1.0 forbids anywhere, even escaped: most C0 controls, lone surrogates, U+FFFE and U+FFFF. */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML content or a quoted attribute: the five special characters as entities, and each character XML 1.0
 * forbids written as a visible escape (`\x1b`), as nothing a reader could act on should vanish silently. In attributes,
 * tabs and line ends are kept as character references, which parsers do not normalise away.
 */
export function xmlText(text: string, attribute = false): string {
  const clean = text.replace(FORBIDDEN, visibleEscape).replace(SPECIAL, (character) => ENTITIES[character]);
  return attribute ? clean.replace(/[\t\n\r]/g, (character) => `&#${character.charCodeAt(0)};`) : clean;
}

function visibleEscape(character: string): string {
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
