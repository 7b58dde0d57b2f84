import type { HostView } from '../../inputs/host-view.js';

const MAGIC = /[*?[]/;

export interface IncludeMatches {
  /** Host paths of the files matched, sorted as glob(3) sorts them. */
  paths: string[];
  /** A directory (or the file) the pattern needs does not exist in the view: sshd is silent then, a scanner must not be. */
  missing: boolean;
  /** Host paths the pattern reaches that lie outside the view (through `..` or a link): not read. */
  outside: string[];
}

/**
 * glob(3) as sshd calls it for Include (no flags), over the host files a view shows: every existing path matching
 * the pattern, sorted. Paths are as sshd sees them (absolute); the view says where they lie on this machine.
 */
export function expandIncludeGlob(pattern: string, view: HostView): IncludeMatches {
  const segments = pattern.split('/').filter((segment) => segment !== '');
  const outside = new Set<string>();
  const locate = (path: string) => {
    const located = view.locate(path);
    if (located.kind === 'outside') outside.add(located.path);
    return located;
  };
  let candidates = [''];
  let missing = false;
  for (let index = 0; index < segments.length; index++) {
    // Like glob(3), literal steps are not looked at one by one: only the path before a wildcard, and the last one.
    let literal = '';
    while (index < segments.length && !MAGIC.test(segments[index])) literal += `/${unescape(segments[index++])}`;
    const last = index === segments.length;
    const next: string[] = [];
    for (const base of candidates) {
      const path = base + literal;
      if (last) {
        const located = locate(path);
        // An unreadable file is kept: reading it says why.
        if (located.kind === 'found' || located.kind === 'unreadable') next.push(path);
        else if (located.kind === 'missing') missing = true;
        continue;
      }
      const names = view.list(path === '' ? '/' : path);
      if (!names) {
        if (locate(path === '' ? '/' : path).kind !== 'outside') missing = true;
        continue;
      }
      const segment = segments[index];
      const final = index === segments.length - 1;
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (!globSegmentMatches(name, segment)) continue;
        const matched = `${path}/${name}`;
        if (final) next.push(matched);
        else {
          const located = locate(matched);
          if (located.kind === 'found' && located.directory) next.push(matched);
        }
      }
    }
    candidates = next;
  }
  return { paths: candidates.filter((path) => path !== '').sort(byteOrder), missing: candidates.length === 0 && missing, outside: [...outside] };
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, '$1');
}

/** fnmatch() for one path segment: '*', '?', '[set]', '[!set]', backslash escapes. Linear backtracking on '*'. */
export function globSegmentMatches(name: string, pattern: string): boolean {
  let n = 0;
  let p = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const step = p < pattern.length ? matchOne(name[n], pattern, p) : -1;
    if (pattern[p] === '*') {
      starP = p++;
      starN = n;
    } else if (step > 0) {
      n++;
      p = step;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Where the pattern continues when `char` matches the element at p, or -1. */
function matchOne(char: string, pattern: string, p: number): number {
  const c = pattern[p];
  if (c === '?') return p + 1;
  if (c === '\\' && p + 1 < pattern.length) return pattern[p + 1] === char ? p + 2 : -1;
  if (c === '[') {
    let i = p + 1;
    const negated = pattern[i] === '!' || pattern[i] === '^';
    if (negated) i++;
    let found = false;
    let first = true;
    while (i < pattern.length && (first || pattern[i] !== ']')) {
      first = false;
      const low = pattern[i];
      if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
        if (low <= char && char <= pattern[i + 2]) found = true;
        i += 3;
      } else {
        if (low === char) found = true;
        i++;
      }
    }
    if (i >= pattern.length) return c === char ? p + 1 : -1;
    return found !== negated ? i + 1 : -1;
  }
  return c === char ? p + 1 : -1;
}
