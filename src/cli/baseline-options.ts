import type { Options } from 'yargs';
import { SCAN_OPTIONS } from './scan-options.js';

/**
 * The options of `parapet baseline write`: those of `scan` that say what to read and how to judge it (a baseline must
 * be judged as the scans compared with it are), and the file to write. Named one by one, so that an option a scan
 * gains later (a report format, a fixer) does not reach a command that only records.
 */
export const BASELINE_WRITE_OPTIONS = {
  type: SCAN_OPTIONS.type,
  root: SCAN_OPTIONS.root,
  'app-ports': SCAN_OPTIONS['app-ports'],
  config: SCAN_OPTIONS.config,
  'inline-ignores': SCAN_OPTIONS['inline-ignores'],
  'var-file': SCAN_OPTIONS['var-file'],
  parameter: SCAN_OPTIONS.parameter,
  output: { type: 'string', demandOption: true, describe: 'The file to write the baseline to (a SARIF log)' },
} as const satisfies Record<string, Options>;
