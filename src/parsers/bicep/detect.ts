/** Bicep is known by its name: a Bicep file, or a parameters file (`.bicepparam`). */
export function looksLikeBicep(name: string): boolean {
  return /\.bicep(?:param)?$/i.test(name);
}

const MODULE_PATH = /^[ \t]*(?:module[ \t]+[A-Za-z_][\w]*|using)[ \t]+'([^'\n]+\.bicep)'/gm;

/**
 * The Bicep files the text seems to read: the modules it calls (`module nsg './modules/nsg.bicep' = …`), or the file a
 * parameters file is for (`using './main.bicep'`), relative to its directory. A guess from the first 64 KiB, used only
 * to scan readers before the files they read; the translation decides what it reads.
 */
export function calledBicepModules(head: string): string[] {
  return [...head.matchAll(MODULE_PATH)].map((match) => match[1]).filter((path) => !/^(?:br|ts)[:/]/i.test(path));
}
