import { resolve } from 'node:path';
import type { Severity } from '../model/severity.js';
import type { ReportFormat } from '../reporters/index.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from './app-ports.js';
import { deliverReport } from './deliver-report.js';
import { EXIT } from './exit-status.js';
import { iacOptionsFor } from './iac-options.js';
import { RULE_IDS, scanForReport } from './scan-report.js';
import { loadPolicy } from '../policy/load-policy.js';
import { settingsUnder } from '../policy/apply-policy.js';
import { shown } from '../model/quote.js';

export interface ScanArguments {
  paths: string[];
  type?: string;
  format: ReportFormat;
  output?: string;
  root?: string;
  failOn: Severity | 'none';
  appPorts?: string;
  config?: string;
  inlineIgnores: boolean;
  varFile?: string[];
  parameter?: string[];
  baseline?: string;
  /** --fix: write every sshd fix, then report what remains. */
  fix?: boolean;
}

export async function runScan(args: ScanArguments): Promise<number> {
  const given = ruleSettingsFor(args.appPorts);
  if (!given) return usageError(`--app-ports takes ${APP_PORTS_EXPECTED}, got '${shown(args.appPorts ?? '', 80)}'`);
  const loaded = await loadPolicy(args.paths, RULE_IDS, args.config);
  if ('usageError' in loaded) return usageError(loaded.usageError);
  const settings = settingsUnder(given, loaded.policy, args.appPorts !== undefined);
  const iac = iacOptionsFor(args.varFile, args.parameter);
  if ('usageError' in iac) return usageError(iac.usageError);
  // Read before the scan: a baseline that cannot be used stops the run before any work, never compares with nothing.
  // Baselines and fixes are loaded only when asked for: a plain scan's start-up pays for neither.
  const baseline = args.baseline === undefined ? undefined : (await import('../baseline/read-baseline.js')).readBaseline(args.baseline);
  if (baseline && 'usageError' in baseline) return usageError(baseline.usageError);
  const request = { paths: args.paths, type: args.type, root: args.root, format: args.format, settings, iac, baseDirectory: resolve(args.root ?? '.'), policy: loaded.policy, inlineIgnores: args.inlineIgnores };
  let report = await scanForReport(request);
  let status: number = EXIT.clean;
  if (args.fix || args.format === 'sarif') {
    const { fixesOfScan } = await import('../fix/scan-fixes.js');
    ({ report, status } = await fixesOfScan(report, { ...request, write: args.fix === true, rescan: () => scanForReport(request) }));
  }
  if (baseline) report = (await import('../baseline/apply-baseline.js')).applyBaseline(report, baseline, { scannedPaths: args.paths });
  return Math.max(status, await deliverReport(report, args.format, args.output, args.failOn));
}

function usageError(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}
