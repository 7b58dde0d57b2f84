import type { AnnotationProperties } from '@actions/core';
import { compareRank } from '../engine/most-severe.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { problemKind } from '../model/problem-kinds.js';
import { shown } from '../model/quote.js';
import type { Severity } from '../model/severity.js';
import type { Report } from '../reporters/report.js';
import { workspacePath } from './workspace-path.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';
export const ANNOTATION_LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];

/** GitHub shows this many annotations of each level in a step, and drops the rest. */
export const SHOWN_PER_LEVEL = 10;

const LEVEL_OF: Record<Severity, AnnotationLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  properties: AnnotationProperties;
}

export interface ChosenAnnotations {
  shown: Annotation[];
  /** How many of each level were not annotated for the cap. */
  left: Record<AnnotationLevel, number>;
}

/**
 * The annotations of a report, at most SHOWN_PER_LEVEL of each level: within a level, the inputs that could not be
 * judged first, then the findings, most severe first, then the warnings. `reserved` error annotations are kept free
 * (the step's failure message is an error annotation too).
 */
export function chooseAnnotations(report: Report, workspace: string, reserved: Partial<Record<AnnotationLevel, number>> = {}): ChosenAnnotations {
  const titles = new Map(report.rules.map((rule) => [rule.id, `${rule.id}: ${rule.title}`]));
  const errors = report.problems.filter((problem) => problem.level === 'error');
  const warnings = report.problems.filter((problem) => problem.level !== 'error');
  const all = [
    ...errors.map((problem) => ofProblem(problem, workspace)),
    // A suppressed finding was accepted: it stays in SARIF, but is not put before the pull request's reviewers again.
    ...report.findings.filter((finding) => !finding.suppression).sort(compareRank).map((finding) => ofFinding(finding, titles.get(finding.ruleId) ?? finding.ruleId, workspace)),
    ...warnings.map((problem) => ofProblem(problem, workspace)),
  ];
  const shownAnnotations: Annotation[] = [];
  const left: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const counts: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of all) {
    if (counts[annotation.level] < SHOWN_PER_LEVEL - (reserved[annotation.level] ?? 0)) {
      counts[annotation.level]++;
      shownAnnotations.push(annotation);
    } else {
      left[annotation.level]++;
    }
  }
  return { shown: shownAnnotations, left };
}

function ofFinding(finding: Finding, title: string, workspace: string): Annotation {
  return { level: LEVEL_OF[finding.severity], ...placed(finding.message, finding.location.file, finding.location.line, title, workspace) };
}

function ofProblem(problem: InputProblem, workspace: string): Annotation {
  return { level: problem.level === 'error' ? 'error' : 'warning', ...placed(problem.message, problem.file, problem.line, `${problem.id}: ${problemKind(problem.id).title}`, workspace) };
}

/** Placed on its file and line when the file is in the workspace; else the message names the path. */
function placed(message: string, file: string, line: number | undefined, title: string, workspace: string): Omit<Annotation, 'level'> {
  const path = workspacePath(file, workspace);
  if (path === undefined) return { message: `${shown(file, 300)}${line ? `:${line}` : ''}: ${message}`, properties: { title } };
  return { message, properties: { title, file: path, ...(line ? { startLine: line } : {}) } };
}
