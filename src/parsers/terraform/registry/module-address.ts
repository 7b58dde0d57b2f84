import { withoutTrailingSlashes } from '../../../model/trailing-slashes.js';

/**
 * The registry module a source names (`terraform-aws-modules/security-group/aws//modules/ssh`), with the version it
 * fetches: a registry address as Terraform and Terragrunt write it (`//`, `///`, `//.` are the module's root), or its
 * GitHub repository by the registry's naming (`github.com/NS/terraform-PROVIDER-NAME` is `NS/NAME/PROVIDER`), by any
 * of Git's addresses, at the tag or branch its `ref` names (a tag's leading `v` left out).
 */
export function registryModule(source: string, version: string | undefined): { address: string; version: string | undefined } | undefined {
  const registry = FROM_REGISTRY.exec(source);
  if (registry) return { address: `${registry[1]}${submodule(registry[2])}`, version };
  const github = FROM_GITHUB.exec(source);
  if (!github) return undefined;
  const [, namespace, provider, name, path, ref] = github;
  return { address: `${namespace}/${name}/${provider}${submodule(path)}`, version: ref?.replace(/^v(?=\d)/, '') };
}

const FROM_REGISTRY = /^((?:registry\.terraform\.io\/|registry\.opentofu\.org\/)?[\w-]{1,100}\/[\w-]{1,100}\/[\w-]{1,40})(\/\/[^?]*)?$/i;
const FROM_GITHUB = /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]([\w-]{1,100})\/terraform-([a-z\d]{1,40})-([\w-]{1,100}?)(?:\.git)?(\/\/[^?]*)?(?:\?ref=([\w./-]{1,80}))?$/i;

/** `//modules/ssh` as written after the module's address; '' for its root (`//`, `///`, `//.`, `//./`). */
function submodule(path: string | undefined): string {
  const inner = withoutTrailingSlashes((path ?? '').replace(/^\/+/, '').replace(/^\.(?:\/|$)/, ''));
  return inner === '' ? '' : `//${inner}`;
}
