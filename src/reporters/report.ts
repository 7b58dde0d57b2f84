import type { Rule } from '../engine/rule.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';

/** Everything a reporter may show. Reporters are pure: they return the text in pieces, which the CLI writes as they come. */
export interface Report {
  findings: Finding[];
  /** Findings the scan left out, when the report asked for no more than it shows (see FINDINGS_SHOWN). */
  omitted: number;
  problems: InputProblem[];
  rules: readonly Rule[];
  scannedFiles: string[];
  skippedFiles: string[];
  /** Paths in SARIF are made relative to this directory (--root, else the working directory). */
  baseDirectory: string;
  /** SARIF `automationDetails.id` category, so that several uploads of one commit do not replace each other (default `parapet`). */
  category?: string;
}

export type Reporter = (report: Report) => Iterable<string>;
