const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute: whatever the scanned tree wrote shows as text, never as markup. */
export function htmlText(text: string): string {
  return text.replace(SPECIAL, (character) => ENTITIES[character]);
}
