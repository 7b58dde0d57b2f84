import { compareRank } from '../engine/most-severe.js';
import { compareText } from '../engine/compare-text.js';
import type { InputProblem } from '../model/problem.js';
import { atLeast, SEVERITIES, type Severity } from '../model/severity.js';
import { canFail } from '../model/finding.js';
import type { Report } from '../reporters/report.js';
import { ANNOTATION_LEVELS, SHOWN_PER_LEVEL, type AnnotationLevel } from './annotations.js';
import { lineLink, summaryText } from './summary-text.js';
import { workspacePath } from './workspace-path.js';

/** How many of the most severe findings the summary lists (all of them are in the report and in code scanning). */
export const FINDINGS_LISTED = 20;
/** How many problems of each level it lists. */
const PROBLEMS_LISTED = 20;
const FILES_NAMED = 5;

export interface SummaryFacts {
  report: Report;
  workspace: string;
  failOn: Severity | 'none';
  /** The report file, as the `output` input named it. */
  output: string;
  /** Annotations not shown for GitHub's cap, by level. */
  notAnnotated: Record<AnnotationLevel, number>;
  /** One sentence for each SARIF limit reached, saying what was left out. */
  limitsReached: string[];
  env?: NodeJS.ProcessEnv;
}

/** The job summary, as Markdown: one line for a clean run, else counts, findings by rule, the most severe findings and what could not be judged. */
export function summaryMarkdown(facts: SummaryFacts): string {
  const { report } = facts;
  const errors = report.problems.filter((problem) => problem.level === 'error');
  const warnings = report.problems.filter((problem) => problem.level !== 'error');
  const total = report.findings.length + report.omitted;
  if (total === 0 && report.problems.length === 0 && facts.limitsReached.length === 0) {
    return `**Parapet**: no findings in ${scannedFiles(facts)}.\n`;
  }

  const lines: string[] = [`## Parapet: ${count(total, 'finding')}${errors.length ? `, ${count(errors.length, 'input')} not judged` : ''}`, ''];
  lines.push(...severityCounts(facts), '', verdict(facts, errors.length), '');
  if (report.findings.length > 0) lines.push('### Findings by rule', '', ...findingsByRule(report), '');
  if (report.findings.length > 0) lines.push(`### The most severe findings`, '', ...mostSevere(facts), '');
  if (errors.length > 0) lines.push('### Inputs that could not be judged', '', ...problemList(errors, facts), '');
  if (warnings.length > 0) lines.push('### Warnings', '', ...problemList(warnings, facts), '');
  if (facts.limitsReached.length > 0) lines.push('### SARIF limits reached', '', ...facts.limitsReached.map((sentence) => `- ${summaryText(sentence, 500)}`), '');
  const notAnnotated = ANNOTATION_LEVELS.filter((level) => facts.notAnnotated[level] > 0).map((level) => `${facts.notAnnotated[level]} ${level}`);
  if (notAnnotated.length > 0) {
    lines.push(`Not annotated: ${notAnnotated.join(', ')} (GitHub shows ${SHOWN_PER_LEVEL} annotations of each level in a step); the report lists them all.`, '');
  }
  lines.push(`Scanned ${scannedFiles(facts)}; the report is <code>${summaryText(facts.output, 300)}</code>.`, '');
  return lines.join('\n');
}

function severityCounts({ report }: SummaryFacts): string[] {
  const counts = SEVERITIES.map((severity) => report.findings.filter((finding) => finding.severity === severity).length);
  const header = ['critical', 'high', 'medium', 'low', ...(report.omitted > 0 ? ['left out of SARIF'] : []), 'inputs not judged', 'warnings'];
  const row = [...counts, ...(report.omitted > 0 ? [report.omitted] : []), report.problems.filter((p) => p.level === 'error').length, report.problems.filter((p) => p.level !== 'error').length];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' ---: ').join('|')}|`, `| ${row.join(' | ')} |`];
}

function verdict({ report, failOn }: SummaryFacts, errors: number): string {
  const failing = report.findings.filter((finding) => canFail(finding) && atLeast(finding.severity, failOn)).length;
  const reasons = [
    ...(failing > 0 ? [`${count(failing, 'finding')} at or above \`${failOn}\` (\`fail-on\`)`] : []),
    ...(errors > 0 ? [`${count(errors, 'input')} that could not be judged`] : []),
  ];
  if (reasons.length > 0) return `**The step fails**: ${reasons.join(' and ')}.`;
  return failOn === 'none' ? 'The step passes: `fail-on` is `none`, and every input was judged.' : `The step passes: no finding at or above \`${failOn}\` (\`fail-on\`), and every input was judged.`;
}

function findingsByRule(report: Report): string[] {
  const byRule = new Map<string, number>();
  for (const finding of report.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const rules = report.rules.filter((rule) => byRule.has(rule.id));
  rules.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || compareText(a.id, b.id));
  return ['| rule | severity | findings | title |', '| --- | --- | ---: | --- |', ...rules.map((rule) => `| <code>${summaryText(rule.id)}</code> | ${rule.severity} | ${byRule.get(rule.id)} | ${summaryText(rule.title)} |`)];
}

function mostSevere(facts: SummaryFacts): string[] {
  const ranked = [...facts.report.findings].sort(compareRank);
  const rows = ranked.slice(0, FINDINGS_LISTED).map((finding) => `| ${finding.severity} | <code>${summaryText(finding.ruleId)}</code> | ${where(finding.location.file, finding.location.line, facts)} | ${summaryText(finding.message, 500)} |`);
  const more = ranked.length + facts.report.omitted - rows.length;
  return ['| severity | rule | where | finding |', '| --- | --- | --- | --- |', ...rows, ...(more > 0 ? ['', `${count(more, 'more finding')} in the report.`] : [])];
}

function problemList(problems: InputProblem[], facts: SummaryFacts): string[] {
  const items = problems.slice(0, PROBLEMS_LISTED).map((problem) => `- ${where(problem.file, problem.line, facts)}: ${summaryText(problem.message, 500)} (<code>${summaryText(problem.id)}</code>)`);
  return problems.length > PROBLEMS_LISTED ? [...items, `- and ${problems.length - PROBLEMS_LISTED} more in the report.`] : items;
}

/** `path:line`, linked to that line at the commit when the file is in the workspace. */
function where(file: string, line: number | undefined, facts: SummaryFacts): string {
  const path = workspacePath(file, facts.workspace);
  const text = summaryText(`${path ?? file}${line ? `:${line}` : ''}`, 300);
  const link = path === undefined ? undefined : lineLink(path, line, facts.env);
  return link ? `[${text}](${link})` : text;
}

function scannedFiles({ report, workspace }: SummaryFacts): string {
  const names = report.scannedFiles.map((file) => workspacePath(file, workspace) ?? file);
  const named = names.slice(0, FILES_NAMED).map((name) => `<code>${summaryText(name, 300)}</code>`).join(', ');
  const rest = names.length > FILES_NAMED ? ` and ${names.length - FILES_NAMED} more` : '';
  return names.length === 0 ? 'no file' : `${count(names.length, 'file')} (${named}${rest})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
