/** `# parapet-ignore sshd/log-level: reason` or `// parapet-ignore a, b: reason`: a comment line of its own. */
const MARKER = /^\s*(?:#|\/\/)\s*parapet-ignore\b(.*)$/;
const BODY = /^\s+([\w/-]+(?:\s*,\s*[\w/-]+)*)\s*(?::(.*))?$/;

/** One `parapet-ignore` comment of a scanned file. */
export interface InlineIgnore {
  line: number;
  rules: string[];
  /** Empty when the comment gives none: then it is refused. */
  reason: string;
}

/**
 * The `parapet-ignore` comments of a file's text, by line. Only a comment line counts (`#` or `//` first on the line),
 * so that a JSON value or a quoted string that happens to hold the words suppresses nothing.
 */
export function inlineIgnoresIn(text: string): Map<number, InlineIgnore | { line: number; malformed: true }> {
  const ignores = new Map<number, InlineIgnore | { line: number; malformed: true }>();
  if (!text.includes('parapet-ignore')) return ignores;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const marker = MARKER.exec(raw.replace(/\r$/, ''));
    if (!marker) return;
    const line = index + 1;
    const body = BODY.exec(marker[1]);
    if (!body) ignores.set(line, { line, malformed: true });
    else ignores.set(line, { line, rules: body[1].split(',').map((rule) => rule.trim()), reason: (body[2] ?? '').trim() });
  });
  return ignores;
}
