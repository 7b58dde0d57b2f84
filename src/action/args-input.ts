import { SCAN_OPTIONS } from '../cli/scan-options.js';
import { shown } from '../model/quote.js';
import type { InputName } from './action-inputs.js';

/** The `parapet scan` options that have an input of their own: given in `args` they would contradict it. */
const OWN_INPUT: Partial<Record<keyof typeof SCAN_OPTIONS, InputName>> = { format: 'format', output: 'output', root: 'root', 'fail-on': 'fail-on', 'app-ports': 'app-ports' };
const FURTHER = (Object.keys(SCAN_OPTIONS) as (keyof typeof SCAN_OPTIONS)[]).filter((name) => !OWN_INPUT[name]);

/** What `args` may set: the scan options without an input of their own. */
export interface FurtherArguments {
  type?: string;
  varFile?: string[];
  parameter?: string[];
}

/** Parses the `args` input by the CLI's own option rules (yargs, with the options of `parapet scan`). */
export async function parseArgsInput(text: string): Promise<FurtherArguments | { usageError: string }> {
  if (!text) return {};
  const { default: yargs } = await import('yargs');
  // No defaults here: what is in the parsed result was given.
  // Without a default at all: an array option given `default: undefined` parses as [undefined].
  const options = Object.fromEntries(Object.entries(SCAN_OPTIONS).map(([name, option]) => [name, withoutDefault(option)]));
  let parsed: Record<string, unknown>;
  try {
    parsed = await yargs()
      .options(options)
      .strict()
      .help(false)
      .version(false)
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseAsync(text);
  } catch (error) {
    return usageError(shown((error as Error).message.replace(/:?\s*\n\s*/g, ': '), 300));
  }
  for (const [option, input] of Object.entries(OWN_INPUT)) {
    if (parsed[option] !== undefined) return usageError(`--${option} has an input of its own — set '${input}' instead`);
  }
  return { type: parsed.type as string | undefined, varFile: parsed['var-file'] as string[] | undefined, parameter: parsed.parameter as string[] | undefined };
}

function withoutDefault<T extends object>(option: T): Omit<T, 'default'> {
  const { default: _, ...rest } = option as T & { default?: unknown };
  return rest;
}

function usageError(message: string): { usageError: string } {
  return { usageError: `Input 'args': ${message} (it takes the options of 'parapet scan' that have no input of their own: ${FURTHER.map((name) => `--${name}`).join(', ')})` };
}
