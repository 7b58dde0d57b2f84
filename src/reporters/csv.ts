import { compareFindings } from '../engine/compare-findings.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { reportedAsset } from '../model/asset.js';
import { redacted } from '../model/quote.js';
import type { Report } from './report.js';
import { assetLabel, displayPath, INPUT_TYPE_NAMES, statusOf } from './report-view.js';

export const CSV_HEADER = ['kind', 'severity', 'rule', 'title', 'file', 'line', 'input type', 'asset', 'account', 'region', 'message', 'status', 'fails the run', 'justification', 'fingerprint'] as const;

/**
 * For auditors' spreadsheets: RFC 4180 (CRLF line ends, a header row, fields quoted when they hold a comma, a quote, CR
 * or LF, quotes doubled), one row per finding in file and line order, then one per problem (kind `problem`, its level
 * in the severity column). A UTF-8 byte order mark comes first so that Excel reads the text as UTF-8. A field that
 * starts with = + - @, a tab or CR gets a leading apostrophe: a spreadsheet would run it as a formula, and the scanned
 * tree, which chose the names and paths in it, may be hostile.
 */
export function* renderCsv(report: Report): Generator<string> {
  const titles = new Map(report.rules.map((rule) => [rule.id, rule.title]));
  yield `\ufeff${row(CSV_HEADER)}`;
  for (const finding of [...report.findings].sort(compareFindings)) yield row(findingFields(finding, titles.get(finding.ruleId) ?? '', report.baseDirectory));
  for (const problem of report.problems) yield row(problemFields(problem, report.baseDirectory));
}

function findingFields(finding: Finding, title: string, baseDirectory: string): string[] {
  const asset = reportedAsset(finding.asset);
  const status = statusOf(finding);
  return [
    'finding',
    finding.severity,
    finding.ruleId,
    title,
    displayPath(finding.location.file, baseDirectory),
    String(finding.location.line),
    INPUT_TYPE_NAMES[finding.asset.kind],
    assetLabel(finding.asset, baseDirectory),
    asset.account ?? '',
    asset.region ?? '',
    finding.message,
    status?.label ?? '',
    status?.fails === false ? 'no' : 'yes',
    finding.suppression ? redacted(finding.suppression.justification, 200) : '',
    finding.fingerprint,
  ];
}

function problemFields(problem: InputProblem, baseDirectory: string): string[] {
  return ['problem', problem.level, problem.id, '', displayPath(problem.file, baseDirectory), problem.line === undefined ? '' : String(problem.line), '', '', '', '', problem.message, '', problem.level === 'error' ? 'yes' : 'no', '', ''];
}

function row(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** One field: neutralised if a spreadsheet would take it for a formula, then quoted if RFC 4180 needs it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
