/**
 * Whether text output gets color: only on a terminal, never when NO_COLOR is set to anything (https://no-color.org),
 * and always when FORCE_COLOR is set to anything but 0 or false. NO_COLOR wins: it is the reader's wish.
 */
export function wantsColor(env: Record<string, string | undefined>, isTerminal: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTerminal && env.TERM !== 'dumb';
}

/** SGR sequences: the only escape sequences Parapet writes, and only around its own words. */
export interface Paint {
  severity(word: 'critical' | 'high' | 'medium' | 'low', text: string): string;
  level(level: 'error' | 'warning', text: string): string;
  heading(text: string): string;
  dim(text: string): string;
}

const SEVERITY_SGR = { critical: '1;31', high: '31', medium: '33', low: '36' } as const;
const sgr = (code: string, text: string): string => `\x1b[${code}m${text}\x1b[0m`;

export const COLOR: Paint = {
  severity: (word, text) => sgr(SEVERITY_SGR[word], text),
  level: (level, text) => sgr(level === 'error' ? '1;31' : '33', text),
  heading: (text) => sgr('1', text),
  dim: (text) => sgr('2', text),
};

export const NO_PAINT: Paint = {
  severity: (_, text) => text,
  level: (_, text) => text,
  heading: (text) => text,
  dim: (text) => text,
};
