import { withoutTrailingSlashes } from '../../../model/trailing-slashes.js';

/** A module of the Terraform Registry as a source names it. */
export interface RegistryModule {
  /** `NAMESPACE/NAME/PROVIDER`, without the registry's host, in lower case: the registry's addresses are. */
  address: string;
  /** NAME of `//modules/NAME`, else the path written after `//`; undefined for the module's root. */
  submodule: string | undefined;
  /** The version it is fetched at: the call's constraint, or the tag or branch a Git source's `ref` names. */
  version: string | undefined;
}

/**
 * The registry module a source names (`terraform-aws-modules/security-group/aws//modules/ssh`): a registry address
 * as Terraform and Terragrunt write it (`//`, `///`, `//.` are the module's root), or its GitHub repository by the
 * registry's naming (`github.com/NS/terraform-PROVIDER-NAME` is `NS/NAME/PROVIDER`), by any of Git's addresses, at
 * the tag or branch its `ref` names (a tag's leading `v` left out).
 */
export function registryModule(source: string, version: string | undefined): RegistryModule | undefined {
  const registry = FROM_REGISTRY.exec(source);
  if (registry) return { address: registry[1].toLowerCase(), submodule: submodule(registry[2]), version };
  const github = FROM_GITHUB.exec(source);
  if (!github) return undefined;
  const [, namespace, provider, name, path, ref] = github;
  return { address: `${namespace}/${name}/${provider}`.toLowerCase(), submodule: submodule(path), version: ref?.replace(/^v(?=\d)/, '') };
}

const FROM_REGISTRY = /^(?:registry\.terraform\.io\/|registry\.opentofu\.org\/)?([\w-]{1,100}\/[\w-]{1,100}\/[\w-]{1,40})(\/\/[^?]*)?$/i;
const FROM_GITHUB = /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]([\w-]{1,100})\/terraform-([a-z\d]{1,40})-([\w-]{1,100}?)(?:\.git)?(\/\/[^?]*)?(?:\?ref=([\w./-]{1,80}))?$/i;

/** What `//modules/ssh` names after the module's address (`ssh`); undefined for its root (`//`, `///`, `//.`, `//./`). */
function submodule(path: string | undefined): string | undefined {
  const inner = withoutTrailingSlashes((path ?? '').replace(/^\/+/, '').replace(/^\.(?:\/|$)/, ''));
  if (inner === '') return undefined;
  return /^modules\/[^/]+$/.test(inner) ? inner.slice('modules/'.length) : inner;
}
