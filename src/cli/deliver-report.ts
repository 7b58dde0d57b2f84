import type { Severity } from '../model/severity.js';
import { loadReporter, type ReportFormat } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';
import { wantsColor } from '../reporters/terminal-color.js';
import { EXIT, scanExitStatus } from './exit-status.js';
import { writeProblemsToStderr } from './problems-on-stderr.js';
import { writeReport } from './write-report.js';

/** Writes a scan's report where it was asked for, the problems to standard error too, and returns the exit status. */
export async function deliverReport(report: Report, format: ReportFormat, output: string | undefined, failOn: Severity | 'none'): Promise<number> {
  try {
    const color = format === 'text' && output === undefined && wantsColor(process.env, process.stdout.isTTY === true);
    writeReport((await loadReporter(format, { color }))(report), output);
  } catch (error) {
    process.stderr.write(`parapet: cannot write ${output ?? 'to standard output'}: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  // Problems go to standard error as well, unless the text report on standard output already shows them.
  if (format !== 'text' || output) {
    // The Markdown report lists only the first problems.
    writeProblemsToStderr(report.problems, format === 'markdown' ? '--format json' : output ? `the report in ${output}` : 'the report');
  }
  return scanExitStatus(report, failOn);
}
