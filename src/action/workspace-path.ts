import { isAbsolute, relative, sep } from 'node:path';

/** A file's path relative to the workspace, with `/` separators (as GitHub places it in the repository), or undefined when it lies outside. */
export function workspacePath(file: string, workspace: string): string | undefined {
  const path = relative(workspace, file);
  if (!path || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}
