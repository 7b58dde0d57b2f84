import type { SourceLocation } from './location.js';
import type { ProblemId } from './problem-kinds.js';
import { shown } from './quote.js';

/**
 * Something that kept Parapet from judging (part of) an input: unreadable, unparseable, an Include that cannot
 * be resolved, an unknown app profile. Problems become SARIF toolExecutionNotifications and make the exit status 2.
 */
export interface InputProblem {
  /** Stable id, e.g. 'input/unreadable', 'sshd/include-unresolved': one of the catalogue in problem-kinds.ts, which describes it in SARIF. */
  id: ProblemId;
  message: string;
  file: string;
  line?: number;
  /** 'error' means something was not judged (exit 2); 'warning' is worth saying but everything was judged. */
  level: 'error' | 'warning';
}

export function problemAt(id: ProblemId, location: SourceLocation | { file: string; line?: number }, message: string, level: InputProblem['level'] = 'error'): InputProblem {
  return { id, message, file: location.file, line: location.line, level };
}

export function formatProblem(problem: InputProblem): string {
  const where = problem.line ? `${shown(problem.file, 1000)}:${problem.line}` : shown(problem.file, 1000);
  return `${where}: ${problem.message}`;
}
