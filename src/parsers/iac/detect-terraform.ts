/** Terraform configuration is known by its name: HCL in `*.tf`, its JSON syntax in `*.tf.json`; OpenTofu's `*.tofu(.json)` too. */
export function looksLikeTerraform(name: string): boolean {
  return /\.(?:tf|tofu)(?:\.json)?$/.test(name);
}

const LOCAL_SOURCE = /(?:\bsource\s*=|"source"\s*:)\s*"(\.\.?[\\/][^"\n]*)"/g;
const MODULE_BLOCK = /^[ \t]*module[ \t]+"([^"\n/\\]+)"/gm;

/**
 * The directories of the modules the text seems to call: its local sources (`source = "./modules/sg"`), and where
 * `terraform init` puts each module it fetches (.terraform/modules/NAME). A guess from the first 64 KiB, used only
 * to scan callers before the modules they call; the module's own reader decides what it calls.
 */
export function calledModuleDirectories(head: string): string[] {
  return [...[...head.matchAll(LOCAL_SOURCE)].map((match) => match[1]), ...[...head.matchAll(MODULE_BLOCK)].map((match) => `.terraform/modules/${match[1]}`)];
}
