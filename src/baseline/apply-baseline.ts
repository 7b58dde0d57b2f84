import { compareFindings } from '../engine/compare-findings.js';
import type { InputProblem } from '../model/problem.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import type { Report } from '../reporters/report.js';
import { sortUnmatched } from './absent-results.js';
import { matchBaseline } from './match-baseline.js';
import type { Baseline } from './read-baseline.js';

export interface BaselineOptions {
  /** The paths the scan was given; none for a sweep. */
  scannedPaths: readonly string[];
  /**
   * Whether the results gone since the baseline are reported (baselineState absent). The Action leaves them out: code
   * scanning ignores baselineState and would show a fixed finding as an open alert; it closes the alert when the
   * result is no longer uploaded.
   */
  reportAbsent?: boolean;
}

/**
 * The report compared with a baseline: every finding marked new, unchanged or updated, the baseline's results that
 * are gone added as absent, and a warning for those the scan could not compare. Only new findings fail the run.
 */
export function applyBaseline(report: Report, baseline: Baseline, options: BaselineOptions): Report {
  const { findings, unmatched } = matchBaseline(report.findings, baseline.results);
  const lowestRankKept = report.omitted > 0 ? findings.reduce((lowest, finding) => Math.min(lowest, SEVERITY_SCALE[finding.severity].rank), Infinity) : undefined;
  const sorted = sortUnmatched(unmatched, {
    baseDirectory: report.baseDirectory,
    ruleIds: new Set(report.rules.map((rule) => rule.id)),
    scannedPaths: options.scannedPaths,
    scannedFiles: report.scannedFiles,
    unjudgedPaths: report.problems.filter((problem) => problem.level === 'error').map((problem) => problem.file),
    lowestRankKept,
  });
  const warnings: InputProblem[] = [...sorted.unjudged].map(([file, count]) => ({
    id: 'baseline/not-compared',
    file,
    message: `${count} result${count === 1 ? '' : 's'} of the baseline in this file ${count === 1 ? 'was' : 'were'} not compared: the file was not judged in this scan, so they are neither new nor absent — fix what kept it from being judged and scan again`,
    level: 'warning',
  }));
  if (sorted.notShown > 0) {
    warnings.push({
      id: 'baseline/not-compared',
      file: report.baseDirectory,
      message: `${sorted.notShown} result${sorted.notShown === 1 ? '' : 's'} of the baseline ${sorted.notShown === 1 ? 'is' : 'are'} not reported absent: ${sorted.notShown === 1 ? 'it is' : 'they are'} no more severe than the findings this capped report left out — use --format json to compare every finding`,
      level: 'warning',
    });
  }
  const absent = options.reportAbsent === false ? [] : sorted.absent;
  return { ...report, findings: absent.length > 0 ? [...findings, ...absent].sort(compareFindings) : findings, problems: [...report.problems, ...warnings] };
}
