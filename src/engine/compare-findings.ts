import type { Finding } from '../model/finding.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { compareText } from './compare-text.js';

/** The order of a report: by file, line, then the most severe, then rule and key. */
export function compareFindings(a: Ranked, b: Ranked): number {
  return (
    (a.location.file === b.location.file ? 0 : compareText(a.location.file, b.location.file)) ||
    a.location.line - b.location.line ||
    SEVERITY_SCALE[b.severity].rank - SEVERITY_SCALE[a.severity].rank ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.key, b.key)
  );
}

/** What orders findings: where, how severe, which rule, what about. */
export type Ranked = Pick<Finding, 'location' | 'severity' | 'ruleId' | 'key'>;
