import { VERSION } from '../version.js';
import type { Report } from './report.js';

/** For scripts: the findings and problems as they are, with the asset and the fingerprint. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(
    {
      tool: { name: 'parapet', version: VERSION },
      findings: report.findings.map(({ ruleId, severity, message, location, asset, fingerprint }) => ({ ruleId, severity, message, location, asset, fingerprint })),
      problems: report.problems,
      scannedFiles: report.scannedFiles,
      skippedFiles: report.skippedFiles.length,
    },
    null,
    2,
  )}\n`;
}
