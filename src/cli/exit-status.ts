import { canFail, type Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { atLeast, type Severity } from '../model/severity.js';

/** Exit statuses: 0 clean, 1 findings at or above --fail-on, 2 usage error, unreadable input or tool error. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

/**
 * What a scan exits with: 2 when anything was left unjudged, else 1 when a finding that counts reaches --fail-on, else
 * 0. A suppressed finding does not count, nor, against a baseline, one that is not new.
 */
export function scanExitStatus(result: { problems: readonly InputProblem[]; findings: readonly Finding[] }, failOn: Severity | 'none'): number {
  if (result.problems.some((problem) => problem.level === 'error')) return EXIT.error;
  return result.findings.some((finding) => canFail(finding) && atLeast(finding.severity, failOn)) ? EXIT.findings : EXIT.clean;
}

