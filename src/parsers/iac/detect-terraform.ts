/** Terraform configuration is known by its name: HCL in `*.tf`, its JSON syntax in `*.tf.json`; OpenTofu's `*.tofu(.json)` too. */
export function looksLikeTerraform(name: string): boolean {
  return /\.(?:tf|tofu)(?:\.json)?$/.test(name);
}
