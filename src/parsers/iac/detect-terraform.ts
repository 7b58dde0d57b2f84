/** Terraform configuration is known by its name: HCL in `*.tf`, its JSON syntax in `*.tf.json`. */
export function looksLikeTerraform(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}
