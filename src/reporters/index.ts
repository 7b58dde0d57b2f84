import type { Reporter } from './report.js';

/** Each format's reporter, loaded only when a report of that format is written: a text scan never compiles SARIF's. */
const LOADERS = {
  text: async () => (await import('./text.js')).renderText,
  json: async () => (await import('./json.js')).renderJson,
  sarif: async () => (await import('./sarif.js')).renderSarif,
} satisfies Record<string, () => Promise<Reporter>>;

export type ReportFormat = keyof typeof LOADERS;
export const REPORT_FORMATS = Object.keys(LOADERS) as ReportFormat[];

export function loadReporter(format: ReportFormat): Promise<Reporter> {
  return LOADERS[format]();
}

/** GitHub rejects a SARIF run with more results than this; it keeps the first 5,000, so the most severe come first. */
export const MAX_SARIF_RESULTS = 25_000;

/** How many findings a format shows at most: a scan for it keeps no more than that, the most severe. */
export const FINDINGS_SHOWN: Partial<Record<ReportFormat, number>> = { sarif: MAX_SARIF_RESULTS };
