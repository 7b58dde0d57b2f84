import type { RE2JS } from 're2js';

export type RegexEngine = typeof RE2JS;

let engine: RegexEngine | undefined;

/** Terraform's function names that take a regular expression. */
const USES_REGEX = /regex|replace/;

/**
 * Loads RE2 (re2js, linear in its input, as Go's regexp is) before a module that may need it is evaluated, which is
 * synchronous: a scan whose modules never name a regular expression function never loads it.
 */
export async function loadRegexEngineFor(texts: string[]): Promise<void> {
  if (engine === undefined && texts.some((text) => USES_REGEX.test(text))) engine = (await import('re2js')).RE2JS;
}

/** The engine, once some module that names a regular expression function has loaded it. */
export function regexEngine(): RegexEngine | undefined {
  return engine;
}
