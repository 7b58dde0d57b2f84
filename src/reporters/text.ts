import { compareFindings } from '../engine/compare-findings.js';
import type { Finding } from '../model/finding.js';
import { formatProblem } from '../model/problem.js';
import { shown } from '../model/quote.js';
import { SEVERITIES } from '../model/severity.js';
import type { Report, Reporter } from './report.js';
import { groupBy } from '../engine/group-by.js';
import { plural, statusOf } from './report-view.js';
import { COLOR, NO_PAINT, type Paint } from './terminal-color.js';

export interface TextOptions {
  /** Color the severity words, file headers and problem levels (a terminal that wants it: see wantsColor). */
  color?: boolean;
}

/** The text reporter, with color or without: the CLI decides, as only it knows where the text goes. */
export function textReporter(options: TextOptions = {}): Reporter {
  const paint = options.color ? COLOR : NO_PAINT;
  return (report) => renderWith(report, paint);
}

/** For people at a terminal, without color: the findings grouped by file, problems, then a summary. */
export function renderText(report: Report): Iterable<string> {
  return renderWith(report, NO_PAINT);
}

function* renderWith(report: Report, paint: Paint): Generator<string> {
  const byFile = groupBy([...report.findings].sort(compareFindings), (finding) => finding.location.file);
  let first = true;
  for (const [file, findings] of byFile) {
    yield `${first ? '' : '\n'}${paint.heading(shown(file, 1000))}\n`;
    first = false;
    for (const finding of findings) yield findingLine(finding, paint);
  }
  if (report.problems.length > 0) {
    if (!first) yield '\n';
    for (const problem of report.problems) {
      const level = problem.level === 'error' ? 'error' : 'warning';
      yield `${paint.level(level, level)}: ${formatProblem(problem)}\n`;
    }
  }
  yield `\n${summary(report)}\n`;
}

/** `  12: high sshd/password-authentication: message`, and what a suppression or a baseline says of it. */
function findingLine(finding: Finding, paint: Paint): string {
  const status = statusOf(finding);
  const note = status ? ` ${paint.dim(`[${status.text}]`)}` : '';
  return `  ${finding.location.line}: ${paint.severity(finding.severity, finding.severity)} ${finding.ruleId}: ${finding.message}${note}\n`;
}

function summary(report: Report): string {
  const counts = SEVERITIES.map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const findings = report.findings.length === 0 ? 'no findings' : `${plural(report.findings.length, 'finding')} (${counts.join(', ')})`;
  const parts = [`${findings} in ${plural(report.scannedFiles.length, 'file')} scanned`];
  const suppressed = report.findings.filter((finding) => finding.suppression).length;
  if (suppressed > 0) parts.push(`${suppressed} suppressed`);
  if (report.findings.some((finding) => finding.baselineState)) {
    parts.push(`${report.findings.filter((finding) => finding.baselineState === 'new' && !finding.suppression).length} new since the baseline`);
  }
  if (report.skippedFiles.length > 0) parts.push(`${plural(report.skippedFiles.length, 'file')} skipped as not an input Parapet reads`);
  const errors = report.problems.filter((p) => p.level === 'error').length;
  if (errors > 0) parts.push(`${plural(errors, 'input')} could not be judged in full — the result is incomplete`);
  return `${parts.join('; ')}.`;
}
