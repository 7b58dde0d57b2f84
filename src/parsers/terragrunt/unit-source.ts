/**
 * Where a Terragrunt unit's module comes from (`terraform { source = … }`): the Terraform Registry
 * (`tfr:///terraform-aws-modules/security-group/aws?version=5.1.2`), the local file system (`../../modules//sg`: the
 * part before `//` is what Terragrunt copies, the module is the whole path), or elsewhere (Git, an archive), as the
 * module source Terraform would be given.
 */
export type UnitSource =
  | { kind: 'registry'; address: string; version: string | undefined }
  | { kind: 'local'; path: string }
  | { kind: 'remote'; source: string };

const REGISTRY = /^tfr:\/\/(?:registry\.terraform\.io)?\/([^?]+?)(?:\?(.*))?$/i;

export function unitSource(written: string): UnitSource {
  const registry = REGISTRY.exec(written);
  if (registry) {
    const version = new URLSearchParams(registry[2] ?? '').get('version') ?? undefined;
    return { kind: 'registry', address: registry[1], version };
  }
  if (/^(?:\.\.?(?:[/\\]|$)|\/)/.test(written)) return { kind: 'local', path: written.replace(/\/\/+/g, '/') };
  return { kind: 'remote', source: written };
}
