import { reportedAsset } from '../model/asset.js';
import type { Finding } from '../model/finding.js';
import { sameJudgement, type BaselineResult } from './baseline-result.js';
import { groupBy } from '../engine/group-by.js';

export interface Matched {
  /** The scan's findings, each with its baselineState: new, unchanged or updated. */
  findings: Finding[];
  /** The baseline's results no finding matched. */
  unmatched: BaselineResult[];
}

/**
 * Pairs each finding with a result of the baseline, one with one, by fingerprint: it depends neither on the line nor on
 * how a file was named (file paths are taken relative to the report's base, see assetIdentity). Paired and judged
 * alike is unchanged; paired with another severity or message is updated; not paired is new. A message names a host
 * configuration by its path as given: that part is put aside, so that `.` and `./sshd_config` read as the same message.
 */
export function matchBaseline(findings: readonly Finding[], results: readonly BaselineResult[]): Matched {
  const byFingerprint = groupBy(results, (result) => result.fingerprint);
  const paired = new Map<Finding, { result: BaselineResult; same: boolean }>();
  for (const finding of findings) {
    const message = messageWithout(finding.message, reportedAsset(finding.asset).id);
    const same = (result: BaselineResult) => sameJudgement(result, finding.severity, message, messageWithout(result.message, result.asset.id));
    const result = take(byFingerprint.get(finding.fingerprint), finding, same);
    if (result) paired.set(finding, { result, same: same(result) });
  }
  const matched = new Set([...paired.values()].map((pair) => pair.result));
  return {
    findings: findings.map((finding) => {
      const pair = paired.get(finding);
      return { ...finding, baselineState: !pair ? 'new' : pair.same ? 'unchanged' : 'updated' };
    }),
    unmatched: results.filter((result) => !matched.has(result)),
  };
}

/** Takes out of the candidates the one to pair with the finding: of its rule, one judged alike if there is one. */
function take(candidates: BaselineResult[] | undefined, finding: Finding, same: (result: BaselineResult) => boolean): BaselineResult | undefined {
  if (!candidates) return undefined;
  const ofRule = candidates.filter((result) => result.ruleId === finding.ruleId);
  const chosen = ofRule.find(same) ?? ofRule[0];
  if (chosen) candidates.splice(candidates.indexOf(chosen), 1);
  return chosen;
}


/** The message with the asset's id put aside: a ufw capture or a netsh listing is named by its path as given. */
function messageWithout(message: string, assetId: string): string {
  return assetId ? message.split(assetId).join('\0') : message;
}

