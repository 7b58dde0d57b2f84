import { formatProblem, type InputProblem } from '../model/problem.js';
import { plural } from '../reporters/report-view.js';

/** Standard error shows at most this many problems: a hostile tree can make a hundred thousand, and a CI log drowns. */
export const MAX_PROBLEMS_ON_STDERR = 100;

/**
 * Writes the problems to standard error, errors before warnings, up to MAX_PROBLEMS_ON_STDERR; then how many were
 * not shown, and `whereAll`, where every one of them can be read.
 */
export function writeProblemsToStderr(problems: readonly InputProblem[], whereAll: string): void {
  const errors = problems.filter((problem) => problem.level === 'error');
  const shown = [...errors, ...problems.filter((problem) => problem.level !== 'error')].slice(0, MAX_PROBLEMS_ON_STDERR);
  for (const problem of shown) process.stderr.write(`parapet: ${problem.level}: ${formatProblem(problem)}\n`);
  const hidden = problems.length - shown.length;
  if (hidden === 0) return;
  const hiddenErrors = Math.max(0, errors.length - shown.length);
  process.stderr.write(`parapet: … and ${plural(hidden, 'more problem')} (${plural(hiddenErrors, 'error')}, ${plural(hidden - hiddenErrors, 'warning')}): ${whereAll} lists all of them\n`);
}
