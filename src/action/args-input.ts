import type { Options } from 'yargs';
import { SCAN_OPTIONS } from '../cli/scan-options.js';
import { SWEEP_OPTIONS } from '../cli/sweep-options.js';
import { shown } from '../model/quote.js';
import type { InputName } from './action-inputs.js';

/** What the Action runs: a scan of files, or (input `sweep`) a sweep of a cloud. */
export type ActionCommand = 'scan' | 'sweep';

const OPTIONS: Record<ActionCommand, Record<string, Options>> = { scan: SCAN_OPTIONS, sweep: SWEEP_OPTIONS };

/** The options of each command that have an input of their own: given in `args` they would contradict it. */
const OWN_INPUT: Record<ActionCommand, Record<string, InputName>> = {
  scan: { format: 'format', output: 'output', root: 'root', 'fail-on': 'fail-on', 'app-ports': 'app-ports' },
  sweep: { format: 'format', output: 'output', 'fail-on': 'fail-on', 'app-ports': 'app-ports', regions: 'regions', subscriptions: 'subscriptions', projects: 'projects' },
};

/** Options the Action refuses: it reports on a pull request's files and never changes them. */
const NOT_IN_ACTION: readonly string[] = ['fix'];

/** What `args` may set: the options of the command without an input of their own. */
export interface FurtherArguments {
  type?: string;
  varFile?: string[];
  parameter?: string[];
  assumeRole?: string[];
  accountsFile?: string;
  endpointUrl?: string;
  snapshotDir?: string;
  shard?: string;
  concurrency?: number;
  baseline?: string;
  config?: string;
  inlineIgnores?: boolean;
}

/** Parses the `args` input by the CLI's own option rules (yargs, with the options of `parapet scan` or `parapet sweep`). */
export async function parseArgsInput(text: string, command: ActionCommand = 'scan'): Promise<FurtherArguments | { usageError: string }> {
  if (!text) return {};
  const { default: yargs } = await import('yargs');
  // No defaults here: what is in the parsed result was given.
  // Without a default at all: an array option given `default: undefined` parses as [undefined].
  const options = Object.fromEntries(Object.entries(OPTIONS[command]).map(([name, option]) => [name, withoutDefault(option)]));
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
    return usageError(command, shown((error as Error).message.replace(/:?\s*\n\s*/g, ': '), 300));
  }
  for (const option of NOT_IN_ACTION) {
    if (parsed[option] !== undefined) return usageError(command, `--${option} changes files: the Action reports on the workspace and never edits it`);
  }
  for (const [option, input] of Object.entries(OWN_INPUT[command])) {
    if (parsed[option] !== undefined) return usageError(command, `--${option} has an input of its own — set '${input}' instead`);
  }
  return {
    type: parsed.type as string | undefined,
    varFile: parsed['var-file'] as string[] | undefined,
    parameter: parsed.parameter as string[] | undefined,
    assumeRole: parsed['assume-role'] as string[] | undefined,
    accountsFile: parsed['accounts-file'] as string | undefined,
    endpointUrl: parsed['endpoint-url'] as string | undefined,
    snapshotDir: parsed['snapshot-dir'] as string | undefined,
    shard: parsed.shard as string | undefined,
    concurrency: parsed.concurrency as number | undefined,
    baseline: parsed.baseline as string | undefined,
    config: parsed.config as string | undefined,
    inlineIgnores: parsed['inline-ignores'] as boolean | undefined,
  };
}

function withoutDefault<T extends object>(option: T): Omit<T, 'default'> {
  const { default: _, ...rest } = option as T & { default?: unknown };
  return rest;
}

function usageError(command: ActionCommand, message: string): { usageError: string } {
  const further = Object.keys(OPTIONS[command]).filter((name) => !OWN_INPUT[command][name] && !NOT_IN_ACTION.includes(name));
  return { usageError: `Input 'args': ${message} (it takes the options of 'parapet ${command}' that have no input of their own: ${further.map((name) => `--${name}`).join(', ')})` };
}
