/**
 * A module of the Terraform Registry (`Azure/network-security-group/azurerm`), written as Terraform and OpenTofu take
 * it, with or without the registry's host; the submodule it names (`//modules/SSH`) is the match's first group.
 */
export function registrySource(address: string): RegExp {
  return new RegExp(`^(?:registry\\.terraform\\.io\\/|registry\\.opentofu\\.org\\/)?${address.replaceAll('/', '\\/')}(?:\\/\\/modules\\/([\\w-]{1,40}))?$`, 'i');
}
