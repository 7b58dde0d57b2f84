import { runScan, type ScanArguments } from './scan-command.js';

export type BaselineWriteArguments = Omit<ScanArguments, 'format' | 'failOn' | 'baseline' | 'output' | 'fix'> & { output: string };

/**
 * `parapet baseline write`: the scan's SARIF log, with every finding whatever its severity, written to --output for
 * later scans to be compared with (--baseline). It is the scan itself, so that the findings are judged exactly as the
 * scans compared with it judge theirs (the same rules, configuration and suppressions). Exits 0 when written, whatever
 * it records; 2 when an input could not be read or judged (the log is still written, with the notifications): a
 * baseline that misses a file's findings would call them new later.
 */
export async function runBaselineWrite(args: BaselineWriteArguments): Promise<number> {
  return await runScan({ ...args, format: 'sarif', failOn: 'none' });
}
