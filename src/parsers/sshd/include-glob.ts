import { readdirSync, statSync } from 'node:fs';

const MAGIC = /[*?[]/;

/**
 * glob(3) as sshd calls it for Include (no flags): every existing path matching the pattern, sorted. Paths are as
 * sshd sees them; `root` is prefixed only to touch the disk. 'missing-directory' when a directory the pattern
 * needs does not exist (sshd is silent then; a scanner must not be).
 */
export function expandIncludeGlob(pattern: string, root = ''): string[] | 'missing-directory' {
  const segments = pattern.split('/');
  let candidates = [segments[0] === '' ? '' : '.'];
  let missing = false;
  for (let index = segments[0] === '' ? 1 : 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment === '') continue;
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const base of candidates) {
      const dir = base === '' ? '/' : base;
      if (!MAGIC.test(segment)) {
        const path = join(base, unescape(segment));
        if (exists(root + path, !last)) next.push(path);
        else if (!last) missing = true;
        continue;
      }
      const names = list(root + dir);
      if (!names) { missing = true; continue; }
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (!globSegmentMatches(name, segment)) continue;
        const path = join(base, name);
        if (last || exists(root + path, true)) next.push(path);
      }
    }
    candidates = next;
  }
  if (candidates.length === 0 && missing) return 'missing-directory';
  return candidates.filter((path) => path !== '' && path !== '.').sort(byteOrder);
}

function join(base: string, name: string): string {
  return base === '.' ? name : `${base}/${name}`;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function exists(path: string, asDirectory: boolean): boolean {
  try {
    const stat = statSync(path);
    return asDirectory ? stat.isDirectory() : true;
  } catch {
    return false;
  }
}

function list(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
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
