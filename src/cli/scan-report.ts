import { RULES } from '../../rules/index.js';
import type { RuleSettings } from '../engine/rule.js';
import type { IacOptions } from '../inputs/input-format.js';
import { FINDINGS_SHOWN, type ReportFormat } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';
import { scan } from '../scan/scan.js';
import { applyPolicy, rulesUnder } from '../policy/apply-policy.js';
import type { Policy } from '../policy/policy.js';

/** One scan as the CLI and the GitHub Action run it: what to read, how to judge it, and where the report's paths start. */
export interface ScanRequest {
  paths: string[];
  type?: string;
  root?: string;
  format: ReportFormat;
  settings: RuleSettings;
  iac?: IacOptions;
  /** Paths in SARIF are made relative to this directory. */
  baseDirectory: string;
  /** SARIF `automationDetails.id` category. */
  category?: string;
  /** .parapet.yml: rules off or at other severities, overrides, ignore entries. */
  policy?: Policy;
  /** Whether `# parapet-ignore` comments suppress (--no-inline-ignores: not). */
  inlineIgnores: boolean;
}

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

/**
 * Scans with every rule the policy leaves on, keeping as many findings as the format shows, applies the policy's
 * overrides and suppressions, and returns what its reporter renders.
 */
export async function scanForReport(request: ScanRequest): Promise<Report> {
  const rules = rulesUnder(RULES, request.policy);
  const result = await scan({ paths: request.paths, rules, settings: request.settings, type: request.type, root: request.root, iac: request.iac, limit: FINDINGS_SHOWN[request.format], identityBase: request.baseDirectory });
  const judged = applyPolicy(result.findings, result, request.policy, { inlineIgnores: request.inlineIgnores, ruleIds: RULE_IDS });
  return { ...result, findings: judged.findings, problems: [...result.problems, ...judged.problems], rules, baseDirectory: request.baseDirectory, category: request.category };
}
