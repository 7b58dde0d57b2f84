import type { Rule } from '../engine/rule.js';
import { append } from '../model/append.js';
import { assetIdentity, type Asset } from '../model/asset.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import type { Report } from './report.js';
import { groupBy } from '../engine/group-by.js';
import { assetLabel, displayPath, INPUT_TYPE_NAMES, plural, ruleInputOf, statusOf } from './report-view.js';
import { xmlText } from './xml-text.js';

/**
 * Above this many testcases, the rules that found nothing on an asset share one passing testcase instead of one each:
 * an export of a hundred thousand groups would otherwise be millions of testcases no viewer loads.
 */
export const MAX_PASSING_PER_RULE = 20_000;

interface TestCase {
  classname: string;
  name: string;
  file?: string;
  line?: number;
  outcome: 'passed' | 'failure' | 'skipped' | 'error';
  /** The failure's, error's or skip's message attribute. */
  message?: string;
  /** The failure's type: the most severe severity, or the problem's id. */
  type?: string;
  /** The failure's or error's text: one line per finding or problem. */
  detail?: string;
  systemOut?: string;
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

/**
 * JUnit XML for CI test-report viewers (Jenkins, GitLab, the GitHub test-report actions). One testsuite per input type,
 * one testcase per (rule, asset): a failure when a finding on it can fail the run, skipped when its findings are
 * suppressed or already in the baseline, passing for each rule of the asset's input type that found nothing there.
 * Only assets with a finding are known to the report, so only they get testcases; a last suite, `inputs`, has one
 * testcase per file read, with an error for each problem that kept part of it from being judged.
 */
export function* renderJunit(report: Report): Generator<string> {
  const suites = [...findingSuites(report), inputSuite(report)];
  const count = (outcome: TestCase['outcome']) => suites.reduce((sum, suite) => sum + suite.cases.filter((c) => c.outcome === outcome).length, 0);
  const tests = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="parapet" tests="${tests}" failures="${count('failure')}" errors="${count('error')}" time="0">\n`;
  for (const suite of suites) {
    const of = (outcome: TestCase['outcome']) => suite.cases.filter((c) => c.outcome === outcome).length;
    yield `  <testsuite name="${xmlText(suite.name, true)}" tests="${suite.cases.length}" failures="${of('failure')}" errors="${of('error')}" skipped="${of('skipped')}" time="0">\n`;
    for (const testCase of suite.cases) yield testCaseXml(testCase);
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

function findingSuites(report: Report): TestSuite[] {
  const byKind = groupBy(report.findings, (finding) => finding.asset.kind);
  const rulesByInput = groupBy(report.rules, (rule) => rule.input);
  const assetCount = new Set(report.findings.map((finding) => assetIdentity(finding.asset))).size;
  const perRule = assetCount * Math.max(0, ...[...rulesByInput.values()].map((rules) => rules.length)) <= MAX_PASSING_PER_RULE;
  const suites: TestSuite[] = [];
  for (const kind of Object.keys(INPUT_TYPE_NAMES) as Asset['kind'][]) {
    const findings = byKind.get(kind);
    if (!findings) continue;
    const rules = rulesByInput.get(ruleInputOf(kind)) ?? [];
    const cases: TestCase[] = [];
    const byAsset = [...groupBy(findings, (finding) => assetIdentity(finding.asset)).values()]
      .map((assetFindings) => ({ label: assetLabel(assetFindings[0].asset, report.baseDirectory), findings: assetFindings }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    for (const { label, findings: assetFindings } of byAsset) append(cases, assetCases(label, assetFindings, rules, report.baseDirectory, perRule));
    suites.push({ name: INPUT_TYPE_NAMES[kind], cases });
  }
  return suites;
}

function assetCases(label: string, findings: Finding[], rules: readonly Rule[], baseDirectory: string, perRule: boolean): TestCase[] {
  const byRule = groupBy(findings, (finding) => finding.ruleId);
  const cases: TestCase[] = [];
  const quiet: Rule[] = [];
  for (const rule of rules) {
    const ruleFindings = byRule.get(rule.id);
    if (ruleFindings) cases.push(findingCase(label, rule.id, ruleFindings, baseDirectory));
    else if (perRule) cases.push({ classname: label, name: rule.id, outcome: 'passed' });
    else quiet.push(rule);
  }
  // A finding of a rule the report does not list (a rule turned off after it ran): still shown, never dropped.
  for (const [ruleId, ruleFindings] of byRule) if (!rules.some((rule) => rule.id === ruleId)) cases.push(findingCase(label, ruleId, ruleFindings, baseDirectory));
  if (quiet.length > 0) cases.push({ classname: label, name: `${plural(quiet.length, 'other rule')}: no findings`, outcome: 'passed', systemOut: quiet.map((rule) => rule.id).join('\n') });
  return cases;
}

function findingCase(classname: string, ruleId: string, findings: Finding[], baseDirectory: string): TestCase {
  const failing = findings.filter((finding) => statusOf(finding)?.fails ?? true);
  const first = failing[0] ?? findings[0];
  const lines = findings.map((finding) => {
    const status = statusOf(finding);
    return `${displayPath(finding.location.file, baseDirectory)}:${finding.location.line}: ${finding.severity}: ${finding.message}${status ? ` [${status.text}]` : ''}`;
  });
  const where = { classname, name: ruleId, file: displayPath(first.location.file, baseDirectory), line: first.location.line };
  if (failing.length > 0) {
    const more = failing.length > 1 ? ` (and ${plural(failing.length - 1, 'other finding')})` : '';
    return { ...where, outcome: 'failure', type: first.severity, message: `${first.message}${more}`, detail: lines.join('\n') };
  }
  return { ...where, outcome: 'skipped', message: statusOf(first)!.text, systemOut: lines.join('\n') };
}

function inputSuite(report: Report): TestSuite {
  const problemsByFile = groupBy(report.problems, (problem) => problem.file);
  const files = [...new Set([...report.scannedFiles, ...problemsByFile.keys()])];
  const cases = files.map((file): TestCase => {
    const problems = problemsByFile.get(file) ?? [];
    const errors = problems.filter((problem) => problem.level === 'error');
    const warnings = problems.filter((problem) => problem.level === 'warning');
    const classname = displayPath(file, report.baseDirectory);
    const systemOut = warnings.length > 0 ? warnings.map((problem) => problemLine(problem, classname)).join('\n') : undefined;
    if (errors.length === 0) return { classname, name: 'read and judged', outcome: 'passed', systemOut };
    return { classname, name: 'read and judged', file: classname, line: errors[0].line, outcome: 'error', type: errors[0].id, message: errors[0].message, detail: errors.map((problem) => problemLine(problem, classname)).join('\n'), systemOut };
  });
  return { name: 'inputs', cases };
}

function problemLine(problem: InputProblem, file: string): string {
  return `${problem.line ? `${file}:${problem.line}` : file}: ${problem.level} ${problem.id}: ${problem.message}`;
}

function testCaseXml(testCase: TestCase): string {
  const location = `${testCase.file === undefined ? '' : ` file="${xmlText(testCase.file, true)}"`}${testCase.line === undefined ? '' : ` line="${testCase.line}"`}`;
  const open = `    <testcase classname="${xmlText(testCase.classname, true)}" name="${xmlText(testCase.name, true)}"${location} time="0"`;
  let body = '';
  if (testCase.outcome === 'failure' || testCase.outcome === 'error') {
    body += `      <${testCase.outcome} type="${xmlText(testCase.type ?? '', true)}" message="${xmlText(testCase.message ?? '', true)}">${xmlText(testCase.detail ?? '')}</${testCase.outcome}>\n`;
  } else if (testCase.outcome === 'skipped') {
    body += `      <skipped message="${xmlText(testCase.message ?? '', true)}"/>\n`;
  }
  if (testCase.systemOut !== undefined) body += `      <system-out>${xmlText(testCase.systemOut)}</system-out>\n`;
  return body === '' ? `${open}/>\n` : `${open}>\n${body}    </testcase>\n`;
}
