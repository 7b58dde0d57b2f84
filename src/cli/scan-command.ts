import { resolve } from 'node:path';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../engine/rule.js';
import { atLeast, type Severity } from '../model/severity.js';
import { formatProblem } from '../model/problem.js';
import { FINDINGS_SHOWN, REPORTERS, type ReportFormat } from '../reporters/index.js';
import { scan } from '../scan/scan.js';
import { EXIT } from './exit-status.js';
import { writeReport } from './write-report.js';

export interface ScanArguments {
  paths: string[];
  type?: string;
  format: ReportFormat;
  output?: string;
  root?: string;
  failOn: Severity | 'none';
  appPorts: string;
}

export async function runScan(args: ScanArguments): Promise<number> {
  const settings = parseSettings(args.appPorts);
  if (typeof settings === 'string') return usageError(settings);
  const result = await scan({ paths: args.paths, rules: RULES, settings, type: args.type, root: args.root, limit: FINDINGS_SHOWN[args.format] });
  const report = REPORTERS[args.format]({ ...result, rules: RULES, baseDirectory: resolve(args.root ?? '.') });

  try {
    writeReport(report, args.output);
  } catch (error) {
    process.stderr.write(`parapet: cannot write ${args.output ?? 'to standard output'}: ${(error as Error).message}\n`);
    return EXIT.error;
  }
  // Problems go to standard error as well, unless the text report on standard output already shows them.
  if (args.format !== 'text' || args.output) {
    for (const problem of result.problems) process.stderr.write(`parapet: ${problem.level}: ${formatProblem(problem)}\n`);
  }

  if (result.problems.some((problem) => problem.level === 'error')) return EXIT.error;
  return result.findings.some((finding) => atLeast(finding.severity, args.failOn)) ? EXIT.findings : EXIT.clean;
}

function parseSettings(appPorts: string): RuleSettings | string {
  const ports = appPorts.split(',').map((port) => port.trim()).filter(Boolean);
  const numbers = ports.map(Number);
  if (ports.length === 0 || numbers.some((port) => !Number.isInteger(port) || port < 1 || port > 65535)) {
    return `--app-ports takes a comma-separated list of port numbers (1-65535), got '${appPorts}'`;
  }
  return { ...DEFAULT_RULE_SETTINGS, appPorts: numbers };
}

function usageError(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}
