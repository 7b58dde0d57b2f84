/**
 * Where a Terragrunt unit's module comes from (`terraform { source = … }`): the Terraform Registry
 * (`tfr:///terraform-aws-modules/security-group/aws?version=5.1.2`), the local file system (`../../modules//sg`: the
 * part before `//` is what Terragrunt copies, the module is the whole path), or elsewhere (Git, an archive), as the
 * module source Terraform would be given.
 */
export type UnitSource =
  | { kind: 'registry'; address: string; version: string | undefined }
  | { kind: 'local'; path: string }
  | { kind: 'remote'; source: string; hostless?: string };

const REGISTRY = /^tfr:\/\/([^/?]{0,253})\/([^?]+?)(?:\?(.*))?$/i;

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
  if (/^(?:\.\.?(?:[/\\]|$)|\/)/.test(written)) return { kind: 'local', path: written.replace(/\/\/+/g, '/') };
  return { kind: 'remote', source: written };
}
