import { createHash } from 'node:crypto';
import { compareFindings } from '../engine/compare-findings.js';
import { referenceMarkdown } from '../engine/rule-text.js';
import type { Rule } from '../engine/rule.js';
import { assetIdentity, type Asset } from '../model/asset.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, SEVERITY_SCALE } from '../model/severity.js';
import { htmlText } from './html/escape.js';
import { inline, ruleMarkdownHtml } from './html/rule-markdown.js';
import { SCRIPT } from './html/script.js';
import { STYLE } from './html/style.js';
import type { Report } from './report.js';
import { groupBy } from '../engine/group-by.js';
import { assetLabel, displayPath, INPUT_TYPE_NAMES, plural, severityCounts, statusOf } from './report-view.js';

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Nothing may be fetched, framed, submitted or run but the page's own style and script, named by their hashes: were
 * some text from the scanned tree ever to become markup, it could neither run nor send anything anywhere.
 */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; base-uri 'none'; form-action 'none'`;

/**
 * One self-contained page for auditors: a summary by severity and input type, problems, filters by severity and rule,
 * the findings grouped by asset with their files and lines, and each reported rule's rationale, remediation and
 * references. Everything from the scanned tree is escaped; the page loads nothing and reads well on a phone.
 */
export function* renderHtml(report: Report): Generator<string> {
  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Parapet report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Parapet report</h1>
`;
  yield summary(report);
  yield problems(report);
  yield* findingsByAsset(report);
  yield rulesHelp(report);
  yield `</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function summary(report: Report): string {
  const findings = report.findings;
  const suppressed = findings.filter((finding) => finding.suppression).length;
  const fresh = findings.filter((finding) => finding.baselineState === 'new' && !finding.suppression).length;
  const errors = report.problems.filter((problem) => problem.level === 'error').length;
  const facts = [
    plural(findings.length, 'finding'),
    `${plural(report.scannedFiles.length, 'file')} scanned`,
    ...(report.skippedFiles.length > 0 ? [`${plural(report.skippedFiles.length, 'file')} skipped as not an input Parapet reads`] : []),
    ...(suppressed > 0 ? [`${suppressed} suppressed`] : []),
    ...(findings.some((finding) => finding.baselineState) ? [`${fresh} new since the baseline`] : []),
    ...(report.omitted > 0 ? [`${report.omitted} less severe findings left out of this report`] : []),
    ...(errors > 0 ? [`<strong>${plural(errors, 'input')} could not be judged in full: the result is incomplete</strong>`] : []),
  ];
  const byKind = groupBy(findings, (finding) => finding.asset.kind);
  const rows = (Object.keys(INPUT_TYPE_NAMES) as Asset['kind'][])
    .filter((kind) => byKind.has(kind))
    .map((kind) => countsRow(INPUT_TYPE_NAMES[kind], byKind.get(kind)!));
  const table =
    findings.length === 0
      ? ''
      : `<table class="summary"><thead><tr><th>Input type</th>${SEVERITIES.map((severity) => `<th>${severity}</th>`).join('')}<th>total</th></tr></thead>\n` +
        `<tbody>\n${rows.join('\n')}\n</tbody><tfoot>${countsRow('All', findings)}</tfoot></table>\n`;
  return `<section id="summary"><h2>Summary</h2>\n<ul class="facts">${facts.map((fact) => `<li>${fact}</li>`).join('')}</ul>\n${table}</section>\n`;
}

function countsRow(name: string, findings: readonly Finding[]): string {
  const counts = severityCounts(findings);
  return `<tr><th scope="row">${htmlText(name)}</th>${SEVERITIES.map((severity) => `<td>${counts[severity]}</td>`).join('')}<td>${findings.length}</td></tr>`;
}

function problems(report: Report): string {
  if (report.problems.length === 0) return '';
  const items = report.problems.map((problem) => {
    const where = `${displayPath(problem.file, report.baseDirectory)}${problem.line ? `:${problem.line}` : ''}`;
    return `<li class="${problem.level}"><strong>${problem.level}</strong> <code>${htmlText(where)}</code>: ${htmlText(problem.message)} <span class="muted">(${htmlText(problem.id)})</span></li>`;
  });
  return `<section id="problems" class="problems"><h2>Problems</h2>\n<ul>\n${items.join('\n')}\n</ul></section>\n`;
}

function* findingsByAsset(report: Report): Generator<string> {
  if (report.findings.length === 0) return;
  yield `<section id="findings"><h2>Findings by asset</h2>\n${filters(report)}`;
  const groups = [...groupBy([...report.findings].sort(compareFindings), (finding) => assetIdentity(finding.asset)).values()]
    .map((findings) => ({ findings, label: assetLabel(findings[0].asset, report.baseDirectory), rank: findings.reduce((highest, finding) => Math.max(highest, SEVERITY_SCALE[finding.severity].rank), 0) }))
    .sort((a, b) => b.rank - a.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  for (const { findings, label } of groups) {
    yield `<section class="asset"><h3><span class="kind">${htmlText(INPUT_TYPE_NAMES[findings[0].asset.kind])}</span> ${htmlText(label)}</h3>\n<ul class="findings">\n`;
    for (const finding of findings) yield findingItem(finding, report.baseDirectory);
    yield '</ul></section>\n';
  }
  yield '</section>\n';
}

function filters(report: Report): string {
  const counts = severityCounts(report.findings);
  const byRule = groupBy(report.findings, (finding) => finding.ruleId);
  const severities = SEVERITIES.map((severity) => `<label><input type="checkbox" name="severity" value="${severity}" checked> ${severity} (${counts[severity]})</label>`);
  const rules = [...byRule.keys()].sort().map((id) => `<option value="${htmlText(id)}">${htmlText(id)} (${byRule.get(id)!.length})</option>`);
  return (
    `<form id="filters" hidden><fieldset><legend>Severity</legend>${severities.join('')}</fieldset>` +
    `<label>Rule <select name="rule"><option value="">All rules</option>${rules.join('')}</select></label>` +
    `<output id="shown-count" class="muted"></output></form>\n`
  );
}

function findingItem(finding: Finding, baseDirectory: string): string {
  const status = statusOf(finding);
  const where = `${displayPath(finding.location.file, baseDirectory)}:${finding.location.line}`;
  const statusLine = status ? `<p class="status${status.fails ? ' fails' : ''}">${htmlText(status.text)}</p>` : '';
  return (
    `<li class="finding" data-severity="${finding.severity}" data-rule="${htmlText(finding.ruleId)}">` +
    `<span class="sev sev-${finding.severity}">${finding.severity}</span>` +
    `<code class="where">${htmlText(where)}</code>` +
    `<a class="rule" href="#rule-${htmlText(finding.ruleId)}">${htmlText(finding.ruleId)}</a>` +
    `<p class="message">${htmlText(finding.message)}</p>${statusLine}</li>\n`
  );
}

function rulesHelp(report: Report): string {
  const reported = new Set(report.findings.map((finding) => finding.ruleId));
  const withFindings = report.rules.filter((rule) => reported.has(rule.id));
  const quiet = report.rules.filter((rule) => !reported.has(rule.id));
  const help = withFindings.map(ruleHelp).join('\n');
  const others =
    quiet.length === 0
      ? ''
      : `<details><summary>${plural(quiet.length, 'other rule')} checked with no findings</summary><ul>${quiet.map((rule) => `<li><code>${htmlText(rule.id)}</code> ${htmlText(rule.title)}</li>`).join('')}</ul></details>\n`;
  return `<section id="rules"><h2>Rules</h2>\n${help}\n${others}</section>\n`;
}

function ruleHelp(rule: Rule): string {
  const references = rule.references.map((reference) => `<li>${inline(referenceMarkdown(reference).replace(/\s*\n\s*/g, ' '))}</li>`).join('');
  return (
    `<article class="rule-help" id="rule-${htmlText(rule.id)}"><h3><span class="sev sev-${rule.severity}">${rule.severity}</span> <code>${htmlText(rule.id)}</code> ${htmlText(rule.title)}</h3>\n` +
    `<h4>Why</h4>\n${ruleMarkdownHtml(rule.rationale)}\n<h4>How to fix</h4>\n${ruleMarkdownHtml(rule.remediation)}\n<h4>References</h4>\n<ul>${references}</ul></article>`
  );
}
