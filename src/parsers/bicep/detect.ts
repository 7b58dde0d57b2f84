/** Bicep is known by its name. */
export function looksLikeBicep(name: string): boolean {
  return name.toLowerCase().endsWith('.bicep');
}

const MODULE_PATH = /^\s*module\s+[A-Za-z_][\w]*\s+'([^'\n]+\.bicep)'/gm;

/**
 * The module files the text seems to call (`module nsg './modules/nsg.bicep' = …`), relative to its directory. A guess
 * from the first 64 KiB, used only to scan callers before the modules they call; the translation decides what it reads.
 */
export function calledBicepModules(head: string): string[] {
  return [...head.matchAll(MODULE_PATH)].map((match) => match[1]).filter((path) => !/^(?:br|ts)[:/]/i.test(path));
}
