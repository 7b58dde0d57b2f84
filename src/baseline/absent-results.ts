import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding } from '../model/finding.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { resultFile, type BaselineResult } from './baseline-result.js';

/** What the scan can say of the baseline's results no finding matched. */
export interface ScanCoverage {
  baseDirectory: string;
  /** The rules the scan ran: a result of any other rule is not absent, its rule was not asked. */
  ruleIds: ReadonlySet<string>;
  /** The paths the scan was given (files and directories); none for a sweep, which reads no paths. */
  scannedPaths: readonly string[];
  /** The files the scan judged. */
  scannedFiles: readonly string[];
  /** Files and directories the scan could not (wholly) judge: those of its error problems. */
  unjudgedPaths: readonly string[];
  /** With results left out of a capped report: the rank of the least severe finding kept. */
  lowestRankKept?: number;
}

/** Each unmatched result, sorted by what the scan can say of it. */
export interface Unmatched {
  /** Gone: its file was judged without it (or deleted from a directory that was scanned). */
  absent: Finding[];
  /** In a file the scan could not judge (an error on it or a directory above it, or no longer read as an input). */
  unjudged: Map<string, number>;
  /** As severe as the findings a capped report left out: it may be one of them. */
  notShown: number;
}

/**
 * Which results are gone. A result is absent only where the scan looked and could see: its rule ran, and its file was
 * judged, or was deleted from a directory the scan walked. A result whose file could not be judged is neither absent
 * nor new: it is left out and counted for a warning. One outside what was scanned (another subset of paths, a target a
 * sweep did not read, a rule turned off) is left out silently: this scan says nothing of it.
 */
export function sortUnmatched(results: readonly BaselineResult[], coverage: ScanCoverage): Unmatched {
  const scanned = new Set(coverage.scannedFiles.map((file) => resolve(file)));
  const unjudgedPaths = coverage.unjudgedPaths.map((path) => resolve(path));
  const scannedPaths = coverage.scannedPaths.map((path) => resolve(path));
  const unmatched: Unmatched = { absent: [], unjudged: new Map(), notShown: 0 };
  for (const result of results) {
    if (!coverage.ruleIds.has(result.ruleId)) continue;
    const file = resultFile(result.location, coverage.baseDirectory);
    if (file === undefined) continue;
    const inScope = scanned.has(file) || scannedPaths.some((path) => isWithin(file, path));
    if (!inScope) continue;
    if (unjudgedPaths.some((path) => isWithin(file, path)) || (!scanned.has(file) && existsSync(file))) {
      unmatched.unjudged.set(file, (unmatched.unjudged.get(file) ?? 0) + 1);
    } else if (coverage.lowestRankKept !== undefined && SEVERITY_SCALE[result.severity].rank <= coverage.lowestRankKept) {
      unmatched.notShown++;
    } else {
      unmatched.absent.push(absentFinding(result, file));
    }
  }
  return unmatched;
}

/** The result as a finding the reporters render: where and what the baseline said, and that it is gone. */
function absentFinding(result: BaselineResult, file: string): Finding {
  const { line, column, endLine, endColumn } = result.location;
  return {
    ruleId: result.ruleId,
    severity: result.severity,
    message: result.message,
    location: { file, line, ...(column ? { column } : {}), ...(endLine ? { endLine } : {}), ...(endColumn ? { endColumn } : {}) },
    asset: result.asset,
    // SARIF does not carry the finding's key: the fingerprint stands for it (reports order findings by it last).
    key: result.fingerprint,
    fingerprint: result.fingerprint,
    baselineState: 'absent',
  };
}

function isWithin(file: string, path: string): boolean {
  const fromPath = relative(path, file);
  return fromPath === '' || (!fromPath.startsWith('..') && !isAbsolute(fromPath));
}
