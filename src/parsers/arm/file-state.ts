import { problemAt, type InputProblem } from '../../model/problem.js';
import type { ProblemId } from '../../model/problem-kinds.js';
import type { ArmExpression } from './expression-syntax.js';
import { MAX_EVALUATION_DEPTH, MAX_VALUES } from './limits.js';

/** Thrown when one template would produce more values than its budget (MAX_VALUES beyond its own size): what was built so far is kept, the rest is not judged. */
export class ValueBudgetExceeded extends Error {}

/** What the evaluation of one file shares across its templates (nested deployments): problems, budget, parsed expressions. */
export class FileState {
  readonly problems: InputProblem[] = [];
  /** Expressions parsed once: a copy loop evaluates the same text once per instance. */
  readonly parsedExpressions = new Map<string, ArmExpression | Error>();
  /** Variables and parameters whose evaluation is under way, nested. */
  referenceDepth = 0;
  /** Values and expressions whose evaluation is under way, nested (see MAX_EVALUATION_DEPTH). */
  evaluationDepth = 0;
  private readonly reported = new Set<string>();
  private values = 0;
  private readonly budget: number;

  /** `heldValues`: the values of the file itself, which a template without copy loops evaluates about once each. */
  constructor(public file: string, heldValues = 0) {
    this.budget = MAX_VALUES + 2 * heldValues;
  }

  /** Runs `walk` with what it reads and reports attributed to `file` (a Bicep module's), then returns to this file. */
  within<T>(file: string, walk: () => T): T {
    const previous = this.file;
    this.file = file;
    try {
      return walk();
    } finally {
      this.file = previous;
    }
  }

  /** A problem, once per `key` (default: id, line and message), so a copy loop does not repeat it per instance. */
  report(id: ProblemId, line: number | undefined, message: string, level: InputProblem['level'], key = `${id}\u0000${line}\u0000${message}`): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(problemAt(id, { file: this.file, line }, message, level));
  }

  /** Runs a nested evaluation, or returns `tooDeep()` past MAX_EVALUATION_DEPTH (reported once). */
  nested<T>(line: number, evaluate: () => T, tooDeep: () => T): T {
    if (this.evaluationDepth >= MAX_EVALUATION_DEPTH) {
      this.report('iac/unsupported', line, `values and expressions nest more than ${MAX_EVALUATION_DEPTH} deep (through variables reading variables?) — judged as unknown; simplify the template`, 'warning', 'iac/unsupported evaluation depth');
      return tooDeep();
    }
    this.evaluationDepth++;
    try {
      return evaluate();
    } finally {
      this.evaluationDepth--;
    }
  }

  /** Counts values made; past the budget, the evaluation stops. */
  count(made: number): void {
    this.values += made;
    if (this.values > this.budget) throw new ValueBudgetExceeded();
  }
}
