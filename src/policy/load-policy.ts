import { readFileSync, statSync } from 'node:fs';
import { describeIoError } from '../inputs/input-file.js';
import { shown } from '../model/quote.js';
import { findConfig } from './find-config.js';
import type { Policy } from './policy.js';

/** A configuration is a few hundred lines; a larger file is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The policy of a scan: the file --config names, else the `.parapet.yml` found upward from the scanned paths, else
 * none. Anything wrong with it is a usage error listing every problem: a scan never runs under a policy it misread.
 * The YAML parser is loaded only when there is a file to read. `ceiling`: see findConfig.
 */
export async function loadPolicy(paths: readonly string[], ruleIds: ReadonlySet<string>, configOption?: string, ceiling?: string): Promise<{ policy?: Policy } | { usageError: string }> {
  let file = configOption;
  if (file === undefined) {
    const found = findConfig(paths, ceiling);
    if ('usageError' in found) return found;
    if (found.file === undefined) return {};
    file = found.file;
  }
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) return { usageError: `${shown(file, 300)} is larger than 1 MB: not a Parapet configuration` };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { usageError: `cannot read the configuration ${shown(file, 300)}: ${describeIoError(error)}` };
  }
  const { readConfig } = await import('./read-config.js');
  const read = readConfig(file, text, ruleIds);
  return 'errors' in read ? { usageError: `the configuration is not valid:\n  ${read.errors.join('\n  ')}` } : { policy: read };
}
