import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { shown } from '../model/quote.js';

/**
 * The files of the host an input is for, as far as Parapet may read them. An input names other files by the paths
 * its host sees (sshd's `Include /etc/ssh/sshd_config.d/*.conf`, ufw's /etc/default/ufw); a view says where such a
 * path lies on this machine, or that it lies outside the tree Parapet was asked to scan and is not read.
 */
export interface HostView {
  /** Where host paths are read, for messages: 'under --root host1', 'on this machine'. */
  readonly where: string;
  /** What a path must stay inside, for messages: 'the scanned directory repo/'. */
  readonly bound: string;
  /** What to do when a path is outside the view or missing from it; '' when there is nothing to do. */
  readonly advice: string;
  locate(hostPath: string): Located;
  /** The names in a host directory, or undefined when it is not there (or not read). */
  list(hostPath: string): string[] | undefined;
}

export type Located =
  | { kind: 'found'; path: string; directory: boolean }
  | { kind: 'missing' }
  /** `path`: the host path that leaves the view (a link target, or the path itself). */
  | { kind: 'outside'; path: string }
  | { kind: 'unreadable'; code: string };

/** Where an input's other files are read from: the --root image, or else the tree the input was found in. */
export interface ReadBoundary {
  /** --root: the host image, read as if it were `/`. */
  root?: string;
  /** The directory named on the command line the input was found in; for a file named itself, its directory. */
  tree?: string;
}

/** Linux's MAXSYMLINKS: more links than this on one path is a loop. */
const MAX_LINKS = 40;

/**
 * The view of the host for `file`, whose host keeps such files in `systemDirectory` (/etc/ssh for sshd_config):
 * - with --root, the image stands for `/`, as a chroot would see it;
 * - a file at its system location is a live host audit: host paths are this machine's own;
 * - anywhere else (a repository, a collected copy), the file's directory stands for `systemDirectory`, and host
 *   paths are read relative to it as long as they stay inside the tree that was scanned.
 */
export function hostView(file: string, systemDirectory: string, boundary: ReadBoundary): HostView {
  if (boundary.root !== undefined) return rootedView(boundary.root);
  if (isAtSystemLocation(file, systemDirectory)) return machineView();
  return besideView(dirname(file), systemDirectory, boundary.tree ?? dirname(file));
}

function isAtSystemLocation(file: string, systemDirectory: string): boolean {
  try {
    return realpathSync(file).startsWith(systemDirectory + sep);
  } catch {
    return false;
  }
}

/** This machine's own files: a live host audit. */
export function machineView(): HostView {
  return {
    where: 'on this machine',
    bound: 'this machine',
    advice: '',
    locate(hostPath) {
      const path = resolve('/', hostPath);
      try {
        return { kind: 'found', path, directory: statSync(path).isDirectory() };
      } catch (error) {
        return failure(error);
      }
    },
    list: (hostPath) => listDirectory(resolve('/', hostPath)),
  };
}

/** A collected host image: `root` stands for `/`. `..` stops at the root; absolute link targets are read inside it. */
export function rootedView(root: string): HostView {
  return confinedView({
    top: root,
    where: `under --root ${shown(root)}`,
    bound: `--root ${shown(root)}`,
    advice: 'collect the files it names into the host image',
    toTree: (hostPath) => (isAbsolute(hostPath) ? hostPath.split('/') : undefined),
    clampAtTop: true,
    linkTargetToTree: (target) => target.split('/'),
  });
}

/** This machine's files inside `tree` only: a link is followed as long as it stays inside. */
export function treeView(tree: string): HostView {
  return confinedView({
    top: tree,
    where: `in ${shown(tree)}`,
    bound: `the scanned directory ${shown(tree)}`,
    advice: 'scan its target itself if it is meant',
    toTree: (path) => stepsInside(tree, path),
    clampAtTop: false,
    linkTargetToTree: (target) => stepsInside(tree, target),
  });
}

/** A file away from its host: its directory stands for `systemDirectory`, inside the scanned tree. */
function besideView(fileDirectory: string, systemDirectory: string, tree: string): HostView {
  const fileSteps = stepsInside(tree, fileDirectory)?.filter(Boolean);
  return confinedView({
    top: tree,
    where: `in ${shown(fileDirectory)} (read as ${systemDirectory}: the file is not at its system location)`,
    bound: `the scanned directory ${shown(tree)}`,
    advice: `scan a host image with --root, or collect the files beside this one (its directory is read as ${systemDirectory})`,
    toTree: (hostPath) => (fileSteps && isAbsolute(hostPath) ? [...fileSteps, ...relative(systemDirectory, hostPath).split('/')] : undefined),
    clampAtTop: false,
    linkTargetToTree: (target) => stepsInside(tree, target),
  });
}

/** A path of this machine as steps below `tree`, or undefined when it is not inside. */
function stepsInside(tree: string, path: string): string[] | undefined {
  const fromTree = relative(resolve(tree), resolve(path));
  return fromTree.startsWith('..') || isAbsolute(fromTree) ? undefined : fromTree.split(sep);
}

interface Confinement {
  /** The machine directory nothing is read outside of, as it was named: the paths found are spelt from it. */
  top: string;
  where: string;
  bound: string;
  advice: string;
  /** A host path as steps from `top` ('..' allowed), or undefined when it cannot be read in this view. */
  toTree(hostPath: string): string[] | undefined;
  /** What `..` does at the top when the host path itself says it: stay (a chroot) or leave the view. */
  clampAtTop: boolean;
  /** An absolute link target as steps from `top`, or undefined when it leads out of the view. */
  linkTargetToTree(target: string): string[] | undefined;
}

/**
 * Resolves host paths one step at a time below `top`, as the kernel resolves paths under a chroot: each link is
 * read and its target followed inside the view, so no link and no `..` reaches a file outside it.
 */
function confinedView(confinement: Confinement): HostView {
  const locate = (hostPath: string): Located => {
    const steps = confinement.toTree(hostPath);
    if (!steps) return { kind: 'outside', path: hostPath };
    // Each step says whether it came from a link target: a link's `..` never stays at the top, it leaves.
    let pending = steps.map((name) => ({ name, fromLink: false }));
    let resolved: string[] = [];
    let links = 0;
    while (pending.length > 0) {
      const { name, fromLink } = pending.shift()!;
      if (name === '' || name === '.') continue;
      if (name === '..') {
        if (resolved.length > 0) resolved.pop();
        else if (fromLink || !confinement.clampAtTop) return { kind: 'outside', path: hostPath };
        continue;
      }
      resolved.push(name);
      const path = join(confinement.top, ...resolved);
      let isLink: boolean;
      try {
        isLink = lstatSync(path).isSymbolicLink();
      } catch (error) {
        return failure(error);
      }
      if (!isLink) continue;
      if (++links > MAX_LINKS) return { kind: 'unreadable', code: 'ELOOP' };
      const target = readlinkSync(path);
      resolved.pop();
      if (isAbsolute(target)) {
        const fromTop = confinement.linkTargetToTree(target);
        if (!fromTop) return { kind: 'outside', path: target };
        resolved = [];
        pending = [...fromTop.map((step) => ({ name: step, fromLink: true })), ...pending];
      } else {
        pending = [...target.split('/').map((step) => ({ name: step, fromLink: true })), ...pending];
      }
    }
    const path = join(confinement.top, ...resolved);
    try {
      return { kind: 'found', path, directory: statSync(path).isDirectory() };
    } catch (error) {
      return failure(error);
    }
  };
  return {
    where: confinement.where,
    bound: confinement.bound,
    advice: confinement.advice,
    locate,
    list(hostPath) {
      const located = locate(hostPath);
      return located.kind === 'found' && located.directory ? listDirectory(located.path) : undefined;
    },
  };
}

function failure(error: unknown): Located {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
}

function listDirectory(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}
