import type { RuleSettings } from '../engine/rule.js';
import type { ReportFormat } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';
import { scanBoundary } from './scan-boundary.js';
import { planFixes, withFixes } from './plan-fixes.js';
import { writeFixes } from './write-fixes.js';

export interface ScanFixRequest {
  paths: readonly string[];
  root?: string;
  settings: RuleSettings;
  format: ReportFormat;
  /** `scan --fix`: write every fix, then report what remains. */
  write: boolean;
  /** The same scan again, after the fixes were written. */
  rescan(): Promise<Report>;
}

/**
 * What `parapet scan` does with fixes: a SARIF report carries each checked fix as `fixes[]`; with --fix they are
 * written and the report is of a new scan, of what remains. `status` is 2 when a configuration's fixes were refused.
 */
export async function fixesOfScan(report: Report, request: ScanFixRequest): Promise<{ report: Report; status: number }> {
  if (!request.write && request.format !== 'sarif') return { report, status: 0 };
  const planned = planFixes(report.findings, (mainFile) => ({ mainFile, boundary: scanBoundary(mainFile, request.paths, request.root), settings: request.settings }));
  if (!request.write) return { report: { ...report, findings: withFixes(report.findings, planned) }, status: 0 };
  const written = writeFixes(planned);
  for (const path of written.files) process.stderr.write(`parapet: fixed ${path}\n`);
  // A refused fix is an error of the run, in the report (SARIF notifications) as every other one: exit 2.
  const after = written.files.length > 0 ? await request.rescan() : report;
  return { report: { ...after, problems: [...after.problems, ...written.refusals] }, status: written.refusals.length > 0 ? 2 : 0 };
}
