import type { Finding } from '../model/finding.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { fingerprintOf } from './fingerprint.js';
import type { Model, Rule, RuleSettings } from './rule.js';
import { compareText } from './compare-text.js';

/** Runs every rule over every model of its input kind. Findings come out sorted by file, line and rule. */
export function runRules(rules: readonly Rule[], models: readonly Model[], settings: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    for (const rule of rules) {
      if (rule.input !== model.kind) continue;
      for (const { message, location, asset, key } of (rule as Rule<typeof model.kind>).check(model as never, settings)) {
        const fingerprint = fingerprintOf(rule.id, asset.id, key);
        if (seen.has(fingerprint)) continue;
        seen.add(fingerprint);
        findings.push({ ruleId: rule.id, severity: rule.severity, message, location, asset, key, fingerprint });
      }
    }
  }
  return findings.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    SEVERITY_SCALE[b.severity].rank - SEVERITY_SCALE[a.severity].rank ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.key, b.key)
  );
}
