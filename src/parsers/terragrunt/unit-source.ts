/**
 * Where a Terragrunt unit's module (`terraform { source = … }`), or a stack's catalog, comes from: the Terraform
 * Registry (`tfr:///terraform-aws-modules/security-group/aws?version=5.1.2`), elsewhere (a getter such as `git::`, a
 * URL, Git's `git@`, or a host Terraform's getters know), or else the local file system, as go-getter reads a source
 * with none of those (`../../modules//sg`, `units/vpc`: the part before `//` is what Terragrunt copies, the module is
 * the whole path).
 */
export type UnitSource =
  | { kind: 'registry'; address: string; version: string | undefined }
  | { kind: 'local'; path: string }
  | { kind: 'remote'; source: string; hostless?: string };

const REGISTRY = /^tfr:\/\/([^/?]{0,253})\/([^?]+?)(?:\?(.*))?$/i;
const REMOTE = /^(?:[a-z][a-z\d+.-]*::|[a-z][a-z\d+.-]*:\/\/|git@|(?:github\.com|gitlab\.com|bitbucket\.org)\/)/i;

export function unitSource(written: string): UnitSource {
  const registry = REGISTRY.exec(written);
  if (registry) {
    const [, host, path, query] = registry;
    const version = new URLSearchParams(query ?? '').get('version') ?? undefined;
    // tfr:/// is the public registry; another host is another registry, named as Terraform names its modules. A
    // "host" without a dot is a namespace written after two slashes instead of three: no registry Terragrunt can reach.
    if (host === '' || host.toLowerCase() === 'registry.terraform.io') return { kind: 'registry', address: path, version };
    if (!host.includes('.')) return { kind: 'remote', source: written, hostless: host };
    return { kind: 'registry', address: `${host}/${path}`, version };
  }
  if (REMOTE.test(written)) return { kind: 'remote', source: written };
  return { kind: 'local', path: written.replace(/\/\/+/g, '/') };
}
