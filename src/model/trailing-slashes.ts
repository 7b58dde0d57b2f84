/** The path without the slashes it ends with (a pattern anchored at the end, /\/+$/, retries from each: quadratic). */
export function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
