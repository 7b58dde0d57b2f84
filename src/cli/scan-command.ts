import { resolve } from 'node:path';
import type { Severity } from '../model/severity.js';
import type { ReportFormat } from '../reporters/index.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from './app-ports.js';
import { deliverReport } from './deliver-report.js';
import { EXIT } from './exit-status.js';
import { iacOptionsFor } from './iac-options.js';
import { scanForReport } from './scan-report.js';

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
  return deliverReport(result, args.format, args.output, args.failOn);
}

function usageError(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}
