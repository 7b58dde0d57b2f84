/**
 * Where a directive's arguments stand on its line, as 0-based offsets [start, end): from the first argument to the end
 * of the last one, leaving the keyword, its separator, and a trailing `# comment` and whitespace as they are. Tokens
 * are delimited as misc.c argv_split() delimits them (quotes, backslash escapes, a `#` that starts a token ends the line).
 */
export function valueSpan(raw: string, argumentsStart: number): { start: number; end: number } | undefined {
  let i = argumentsStart;
  let end = -1;
  while (i < raw.length) {
    const c = raw[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') { i++; continue; }
    if (c === '#') break;
    let quote = '';
    for (; i < raw.length; i++) {
      const d = raw[i];
      if (d === '\\' && i + 1 < raw.length) { i++; continue; }
      if (quote === '' && (d === ' ' || d === '\t' || d === '\r' || d === '\f')) break;
      if (quote === '' && (d === '"' || d === "'")) quote = d;
      else if (quote !== '' && d === quote) quote = '';
    }
    if (quote !== '') return undefined;
    end = i;
  }
  return end < 0 ? undefined : { start: argumentsStart, end };
}
