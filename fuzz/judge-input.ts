import { RULES } from '../rules/index.js';
import { scanExitStatus } from '../src/cli/exit-status.js';
import { DEFAULT_RULE_SETTINGS } from '../src/engine/rule.js';
import { formatProblem, type InputProblem } from '../src/model/problem.js';
import { loadReporter, REPORT_FORMATS } from '../src/reporters/index.js';
import { scan } from '../src/scan/scan.js';

/** What one input did to Parapet, and every way it broke a promise Parapet makes about bad input. */
export interface Outcome {
  /** Broken promises, one line each; empty when the input was handled well. */
  violations: string[];
  problems: InputProblem[];
  findings: number;
  /** The status `parapet scan` (--fail-on medium) exits with for this result. */
  exitStatus: number;
  milliseconds: number;
  /** When the scan threw: its stack, for the person who fixes it (never part of Parapet's own output). */
  thrown?: string;
}

export interface InputToJudge {
  path: string;
  /** Forced with --type; detected when absent. */
  type?: string;
  root: string;
}

/** Longer problems are no longer a line a person reads. */
export const MAX_MESSAGE = 1000;
/** Findings may list what they are about (every risky service a rule opens), but no more than this, whatever the input. */
export const MAX_FINDING_MESSAGE = 4000;
/** Characters that end a line somewhere: a terminal, an editor, a log viewer, a SARIF viewer. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
/** A frame of a Node stack trace: `at name (/path/file.js:12:5)`, `at file:///path/file.mjs:3:9`, `at node:internal/…:1:2`. */
const STACK_FRAME = /\bat (?:[\w$.<>[\]]+ )?\(?(?:file:\/\/|node:|\/)[^\s()'"]*:\d+:\d+\)?/;

/**
 * Scans one input in-process exactly as `parapet scan` does (scan() with every rule, then the text, JSON and SARIF
 * reporters) and checks the result.
 */
export async function judgeInput(input: InputToJudge): Promise<Outcome> {
  const started = performance.now();
  const violations: string[] = [];
  let result;
  try {
    result = await scan({ paths: [input.path], rules: RULES, settings: DEFAULT_RULE_SETTINGS, type: input.type, root: input.root });
  } catch (error) {
    const stack = error instanceof Error ? error.stack ?? error.message : String(error);
    return { violations: [`scan() threw: ${stack.split('\n')[0]}`], problems: [], findings: 0, exitStatus: 2, milliseconds: performance.now() - started, thrown: stack };
  }
  const files = new Set([input.path, ...result.scannedFiles]);

  for (const problem of result.problems) {
    const shown = `${problem.id} ${JSON.stringify(problem.message.slice(0, 160))}`;
    if (problem.id === 'internal/failed') violations.push(`Parapet failed on this input: ${shown}`);
    if (LINE_BREAK.test(formatProblem(problem))) violations.push(`problem is more than one line: ${shown}`);
    if (STACK_FRAME.test(problem.message)) violations.push(`problem shows a stack trace: ${shown}`);
    if (problem.message.length > MAX_MESSAGE) violations.push(`problem message is ${problem.message.length} characters long: ${shown}`);
    if (!files.has(problem.file)) violations.push(`problem names ${JSON.stringify(problem.file)}, not the scanned file: ${shown}`);
    if (problem.line !== undefined && !(Number.isInteger(problem.line) && problem.line >= 1)) violations.push(`problem is on line ${problem.line}: ${shown}`);
  }
  for (const finding of result.findings) {
    const shown = `${finding.ruleId} ${JSON.stringify(finding.message.slice(0, 160))}`;
    const { file, line } = finding.location;
    if (!files.has(file)) violations.push(`finding names ${JSON.stringify(file)}, not a scanned file: ${shown}`);
    if (!(Number.isInteger(line) && line >= 1)) violations.push(`finding is on line ${line}: ${shown}`);
    if (LINE_BREAK.test(finding.message)) violations.push(`finding message is more than one line: ${shown}`);
    if (finding.message.length > MAX_FINDING_MESSAGE) violations.push(`finding message is ${finding.message.length} characters long: ${shown}`);
  }
  if (result.scannedFiles.length === 0 && !result.problems.some((problem) => problem.level === 'error')) {
    violations.push('nothing was judged and no error says so: a silent pass');
  }

  const report = { ...result, rules: RULES, baseDirectory: input.root };
  for (const format of REPORT_FORMATS) {
    try {
      const text = [...(await loadReporter(format))(report)].join('');
      if (format === 'json' || format === 'sarif') JSON.parse(text);
      if (STACK_FRAME.test(text)) violations.push(`the ${format} report shows a stack trace`);
    } catch (error) {
      violations.push(`the ${format} report does not render: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  const exitStatus = scanExitStatus(result, 'medium');
  const anError = result.problems.some((problem) => problem.level === 'error');
  if (![0, 1, 2].includes(exitStatus) || anError !== (exitStatus === 2)) violations.push(`exit status ${exitStatus} with${anError ? '' : 'out'} an error problem`);
  return { violations, problems: result.problems, findings: result.findings.length, exitStatus, milliseconds: performance.now() - started };
}
