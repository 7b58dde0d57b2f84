import type { Finding } from '../model/finding.js';
import { SEVERITIES } from '../model/severity.js';
import type { Report } from './report.js';
import { assetLabel, displayPath, mostSevereFirst, plural, severityCounts, statusOf } from './report-view.js';
import { markdownCode, markdownText } from './markdown-text.js';

/** GitHub refuses a pull request comment longer than this; the report stays under it, counted in UTF-8 bytes to be safe. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Room kept for the line that says how many rows were left out, and a margin. */
const TAIL_ROOM = 400;
const MAX_PROBLEMS_LISTED = 30;

/**
 * For a pull request comment: a heading, counts by severity, problems, and a table of the findings with the most
 * severe first. Everything from the scanned tree is inert markdown (markdown-text.ts). The table is cut to keep the
 * comment under GitHub's limit, and a line says how many rows were left out.
 */
export function* renderMarkdown(report: Report): Generator<string> {
  const head = [heading(report), '', ...countsTable(report), '', scope(report), ...problemsList(report)].join('\n');
  const findings = mostSevereFirst(report.findings);
  if (findings.length === 0) {
    yield `${head}\n`;
    return;
  }
  const withStatus = findings.some((finding) => statusOf(finding));
  const tableHead = `\n\n| Severity | Rule | Location | Asset | Message |${withStatus ? ' Status |' : ''}\n|---|---|---|---|---|${withStatus ? '---|' : ''}\n`;
  let used = bytes(head) + bytes(tableHead);
  yield head + tableHead;
  let shown = 0;
  for (const finding of findings) {
    const line = findingRow(finding, report.baseDirectory, withStatus);
    if (used + bytes(line) + TAIL_ROOM > GITHUB_COMMENT_LIMIT) break;
    used += bytes(line);
    shown++;
    yield line;
  }
  const left = findings.length - shown + report.omitted;
  if (left > 0) yield `\n_${plural(left, 'more finding')} not shown: a pull request comment holds at most ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')} characters. The SARIF, JSON, CSV or HTML report lists them all._\n`;
}

function heading(report: Report): string {
  const errors = report.problems.filter((problem) => problem.level === 'error').length;
  const verdict = report.findings.length === 0 ? 'no findings' : plural(report.findings.length, 'finding');
  return `### Parapet: ${verdict}${errors > 0 ? ` — ${plural(errors, 'input')} could not be judged in full` : ''}`;
}

function countsTable(report: Report): string[] {
  const counts = severityCounts(report.findings);
  const suppressed = severityCounts(report.findings.filter((finding) => finding.suppression));
  const baseline = report.findings.some((finding) => finding.baselineState);
  const fresh = severityCounts(report.findings.filter((finding) => finding.baselineState === 'new' && !finding.suppression));
  const rows = SEVERITIES.map((severity) => `| ${severity} | ${counts[severity]} | ${suppressed[severity]} |${baseline ? ` ${fresh[severity]} |` : ''}`);
  return [`| Severity | Findings | Suppressed |${baseline ? ' New since the baseline |' : ''}`, `|---|--:|--:|${baseline ? '--:|' : ''}`, ...rows];
}

function scope(report: Report): string {
  const skipped = report.skippedFiles.length > 0 ? `; ${plural(report.skippedFiles.length, 'file')} skipped as not an input Parapet reads` : '';
  return `${plural(report.scannedFiles.length, 'file')} scanned${skipped}.`;
}

function problemsList(report: Report): string[] {
  if (report.problems.length === 0) return [];
  const lines = report.problems.slice(0, MAX_PROBLEMS_LISTED).map((problem) => {
    const where = `${displayPath(problem.file, report.baseDirectory)}${problem.line ? `:${problem.line}` : ''}`;
    return `- **${problem.level}** ${markdownCode(where)}: ${markdownText(problem.message)}`;
  });
  if (report.problems.length > MAX_PROBLEMS_LISTED) lines.push(`- _and ${plural(report.problems.length - MAX_PROBLEMS_LISTED, 'more problem')}_`);
  return ['', '#### Problems', '', ...lines];
}

function findingRow(finding: Finding, baseDirectory: string, withStatus: boolean): string {
  const location = `${displayPath(finding.location.file, baseDirectory)}:${finding.location.line}`;
  const cells = [
    `**${finding.severity}**`,
    markdownCode(finding.ruleId),
    markdownCode(location),
    markdownText(assetLabel(finding.asset, baseDirectory)),
    markdownText(finding.message),
  ];
  if (withStatus) cells.push(markdownText(statusOf(finding)?.text ?? ''));
  return `| ${cells.join(' | ')} |\n`;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
