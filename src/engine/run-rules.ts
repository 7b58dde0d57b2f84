import { assetIdentity, reportedAsset } from '../model/asset.js';
import type { Finding } from '../model/finding.js';
import { fingerprintOf } from './fingerprint.js';
import type { Model, Rule, RuleSettings } from './rule.js';
import { compareFindings } from './compare-findings.js';
import { MostSevere } from './most-severe.js';

/**
 * Runs every rule over each model of its input kind as the model is handed over (a scan hands them over while it
 * reads, so that models need not outlive their judgement).
 */
export class RuleRunner {
  private readonly found: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly mostSevere?: MostSevere;

  /**
   * `limit`: keep only that many findings, the most severe (a report that shows no more than that asks for it).
   * `identityBase`: the report's base directory, which fingerprints take file paths relative to (see assetIdentity).
   */
  constructor(
    private readonly rules: readonly Rule[],
    private readonly settings: RuleSettings,
    limit = Infinity,
    private readonly identityBase?: string,
  ) {
    if (Number.isFinite(limit)) this.mostSevere = new MostSevere(limit);
  }

  judge(model: Model): void {
    const { mostSevere } = this;
    for (const rule of this.rules) {
      if (rule.input !== model.kind) continue;
      for (const found of (rule as Rule<typeof model.kind>).check(model as never, this.settings)) {
        const { location, asset, key } = found;
        // A finding the limit leaves out is not looked at further. Its duplicates rank no better (they come later in
        // the scan, which is the report's order), so they are left out too — and counted with it.
        if (mostSevere && !mostSevere.admits({ severity: rule.severity, location, ruleId: rule.id, key })) continue;
        const fingerprint = fingerprintOf(rule.id, assetIdentity(asset, this.identityBase), key);
        if (this.seen.has(fingerprint)) continue;
        this.seen.add(fingerprint);
        // Read only now: a rule may put its message together when asked (see OpeningFinding).
        const { message, remedy } = found;
        const finding: Finding = { ruleId: rule.id, severity: rule.severity, message: flat(message), location, asset: reportedAsset(asset), key: flat(key), fingerprint, ...(remedy && { remedy }) };
        if (mostSevere) mostSevere.add(finding);
        else this.found.push(finding);
      }
    }
  }

  /** The findings kept, sorted by file, line and rule. */
  findings(): Finding[] {
    return (this.mostSevere?.all() ?? this.found).sort(compareFindings);
  }

  /** How many findings were not kept for the limit. */
  get omitted(): number {
    return this.mostSevere?.omitted ?? 0;
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
