import { resolve } from 'node:path';
import type { Severity } from '../model/severity.js';
import { formatProblem } from '../model/problem.js';
import { loadReporter, type ReportFormat } from '../reporters/index.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from './app-ports.js';
import { EXIT, scanExitStatus } from './exit-status.js';
import { iacOptionsFor } from './iac-options.js';
import { scanForReport } from './scan-report.js';
import { writeReport } from './write-report.js';

export interface ScanArguments {
  paths: string[];
  type?: string;
  format: ReportFormat;
  output?: string;
  root?: string;
  failOn: Severity | 'none';
  appPorts: string;
  varFile?: string[];
  parameter?: string[];
}

export async function runScan(args: ScanArguments): Promise<number> {
  const settings = ruleSettingsFor(args.appPorts);
  if (!settings) return usageError(`--app-ports takes ${APP_PORTS_EXPECTED}, got '${args.appPorts}'`);
  const iac = iacOptionsFor(args.varFile, args.parameter);
  if ('usageError' in iac) return usageError(iac.usageError);
  const result = await scanForReport({ paths: args.paths, type: args.type, root: args.root, format: args.format, settings, iac, baseDirectory: resolve(args.root ?? '.') });

  try {
    writeReport((await loadReporter(args.format))(result), args.output);
  } catch (error) {
    process.stderr.write(`parapet: cannot write ${args.output ?? 'to standard output'}: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  // Problems go to standard error as well, unless the text report on standard output already shows them.
  if (args.format !== 'text' || args.output) {
    for (const problem of result.problems) process.stderr.write(`parapet: ${problem.level}: ${formatProblem(problem)}\n`);
  }

  return scanExitStatus(result, args.failOn);
}

function usageError(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}
