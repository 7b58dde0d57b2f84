import type { Finding } from '../model/finding.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { fingerprintOf } from './fingerprint.js';
import type { Model, Rule, RuleSettings } from './rule.js';
import { compareText } from './compare-text.js';

/**
 * Runs every rule over each model of its input kind as the model is handed over (a scan hands them over while it
 * reads, so that models need not outlive their judgement).
 */
export class RuleRunner {
  private readonly found: Finding[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly rules: readonly Rule[],
    private readonly settings: RuleSettings,
  ) {}

  judge(model: Model): void {
    for (const rule of this.rules) {
      if (rule.input !== model.kind) continue;
      for (const { message, location, asset, key } of (rule as Rule<typeof model.kind>).check(model as never, this.settings)) {
        const fingerprint = fingerprintOf(rule.id, asset.id, key);
        if (this.seen.has(fingerprint)) continue;
        this.seen.add(fingerprint);
        this.found.push({ ruleId: rule.id, severity: rule.severity, message: flat(message), location, asset, key: flat(key), fingerprint });
      }
    }
  }

  /** Everything found so far, sorted by file, line and rule. */
  findings(): Finding[] {
    return this.found.sort(compareFindings);
  }
}

/**
 * A message built from parts is a tree of those parts in V8 until something reads it; findings outlive the models
 * they were built from, so each is flattened once here rather than keeping every part alive (and copied by every GC).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

export function runRules(rules: readonly Rule[], models: Iterable<Model>, settings: RuleSettings): Finding[] {
  const runner = new RuleRunner(rules, settings);
  for (const model of models) runner.judge(model);
  return runner.findings();
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.location.file === b.location.file ? 0 : compareText(a.location.file, b.location.file)) ||
    a.location.line - b.location.line ||
    SEVERITY_SCALE[b.severity].rank - SEVERITY_SCALE[a.severity].rank ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.key, b.key)
  );
}
