/** Terraform configuration is known by its name: HCL in `*.tf`, its JSON syntax in `*.tf.json`; OpenTofu's `*.tofu(.json)` too. */
export function looksLikeTerraform(name: string): boolean {
  return /\.(?:tf|tofu)(?:\.json)?$/.test(name);
}

const LOCAL_SOURCE = /(?:\bsource\s*=|"source"\s*:)\s*"(\.\.?[\\/][^"\n]*)"/g;

/**
 * The local module sources (`source = "./modules/sg"`) the text seems to call: a guess from the first 64 KiB, used
 * only to scan callers before the modules they call; the module's own reader decides what it calls.
 */
export function localModuleSources(head: string): string[] {
  return [...head.matchAll(LOCAL_SOURCE)].map((match) => match[1]);
}
