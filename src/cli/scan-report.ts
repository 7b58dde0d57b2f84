import { RULES } from '../../rules/index.js';
import type { RuleSettings } from '../engine/rule.js';
import type { IacOptions } from '../inputs/input-format.js';
import { FINDINGS_SHOWN, type ReportFormat } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';
import { scan } from '../scan/scan.js';

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
}

/** Scans with every rule, keeping as many findings as the format shows, and returns what its reporter renders. */
export async function scanForReport(request: ScanRequest): Promise<Report> {
  const result = await scan({ paths: request.paths, rules: RULES, settings: request.settings, type: request.type, root: request.root, iac: request.iac, limit: FINDINGS_SHOWN[request.format] });
  return { ...result, rules: RULES, baseDirectory: request.baseDirectory, category: request.category };
}
