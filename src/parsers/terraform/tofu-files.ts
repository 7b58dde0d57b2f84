import { baseName } from './source-file.js';

/**
 * OpenTofu reads `x.tofu` instead of `x.tf`, and `x.tofu.json` instead of `x.tf.json`, when a module holds both (so a
 * module can serve Terraform and OpenTofu; Terraform reads no .tofu file). Each path so replaced, with the path that
 * replaces it.
 */
export function replacedByTofu(paths: readonly string[]): Map<string, string> {
  const byName = new Map(paths.map((path) => [baseName(path), path]));
  const replaced = new Map<string, string>();
  for (const path of paths) {
    const tofu = byName.get(baseName(path).replace(/\.tf(\.json)?$/, '.tofu$1'));
    if (tofu !== undefined && tofu !== path) replaced.set(path, tofu);
  }
  return replaced;
}
