import { formatLocation } from '../model/location.js';
import { formatProblem } from '../model/problem.js';
import { SEVERITIES } from '../model/severity.js';
import type { Report } from './report.js';

/** For people at a terminal: one line per finding, problems, then a summary. */
export function* renderText(report: Report): Generator<string> {
  for (const finding of report.findings) yield `${formatLocation(finding.location)}: ${finding.severity} ${finding.ruleId}: ${finding.message}\n`;
  if (report.problems.length > 0) {
    if (report.findings.length > 0) yield '\n';
    for (const problem of report.problems) yield `${problem.level === 'error' ? 'error' : 'warning'}: ${formatProblem(problem)}\n`;
  }
  yield `\n${summary(report)}\n`;
}

function summary(report: Report): string {
  const counts = SEVERITIES.map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const findings = report.findings.length === 0 ? 'no findings' : `${plural(report.findings.length, 'finding')} (${counts.join(', ')})`;
  const parts = [`${findings} in ${plural(report.scannedFiles.length, 'file')} scanned`];
  if (report.skippedFiles.length > 0) parts.push(`${plural(report.skippedFiles.length, 'file')} skipped as not an input Parapet reads`);
  const errors = report.problems.filter((p) => p.level === 'error').length;
  if (errors > 0) parts.push(`${plural(errors, 'input')} could not be judged in full — the result is incomplete`);
  return `${parts.join('; ')}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
