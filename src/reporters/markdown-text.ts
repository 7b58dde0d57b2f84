/**
 * Text from a scanned tree made inert in GitHub-flavoured markdown: every character markdown or HTML could act on is
 * backslash-escaped or an entity (no raw HTML, no link syntax, no emphasis or math, no table cells of its own), line ends become
 * spaces, and an `@` before a name gets an invisible word joiner so that a message cannot mention a user or a team.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|~$]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/@(?=\w)/g, '@\u2060');
}

/**
 * A code span for a path or an id: delimited by more backticks than any run in it, pipes escaped (GitHub splits table
 * cells on them even in code), line ends as spaces.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
