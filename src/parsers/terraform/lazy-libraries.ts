import type { RE2JS } from 're2js';

export type RegexEngine = typeof RE2JS;
export type YamlLibrary = typeof import('yaml');

let regex: RegexEngine | undefined;
let yaml: YamlLibrary | undefined;

/**
 * Loads what some functions need before a module that may call them is evaluated, which is synchronous: RE2 (re2js,
 * linear in its input, as Go's regexp is) for `regex`, `regexall` and `replace`, and the YAML parser for `yamldecode`.
 * A scan whose modules never name them never loads them.
 */
export async function loadLibrariesFor(texts: string[]): Promise<void> {
  if (regex === undefined && texts.some((text) => /regex|replace/.test(text))) regex = (await import('re2js')).RE2JS;
  if (yaml === undefined && texts.some((text) => text.includes('yamldecode'))) {
    // Bundled, the package is CommonJS, whose exports a dynamic import gives as `default`.
    const loaded: YamlLibrary & { default?: YamlLibrary } = await import('yaml');
    yaml = loaded.default ?? loaded;
  }
}

/** Loads them all: for code that reads files whose text is not known before it is evaluated (a Terragrunt unit's includes). */
export async function loadAllLibraries(): Promise<void> {
  await loadLibrariesFor(['regex yamldecode']);
}

/** RE2, once some module that names a regular expression function has loaded it. */
export function regexEngine(): RegexEngine | undefined {
  return regex;
}

/** The YAML parser, once some module that names yamldecode has loaded it. */
export function yamlLibrary(): YamlLibrary | undefined {
  return yaml;
}
