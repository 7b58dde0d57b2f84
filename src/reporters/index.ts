import type { Reporter } from './report.js';

/** How the CLI asks for a report beyond its format: color for text on a terminal that wants it. */
export interface ReporterOptions {
  color?: boolean;
}

/** Each format's reporter, loaded only when a report of that format is written: a text scan never compiles SARIF's. */
const LOADERS = {
  text: async (options: ReporterOptions) => (await import('./text.js')).textReporter(options),
  json: async () => (await import('./json.js')).renderJson,
  sarif: async () => (await import('./sarif.js')).renderSarif,
  junit: async () => (await import('./junit.js')).renderJunit,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  csv: async () => (await import('./csv.js')).renderCsv,
  html: async () => (await import('./html.js')).renderHtml,
} satisfies Record<string, (options: ReporterOptions) => Promise<Reporter>>;

export type ReportFormat = keyof typeof LOADERS;
export const REPORT_FORMATS = Object.keys(LOADERS) as ReportFormat[];

export function loadReporter(format: ReportFormat, options: ReporterOptions = {}): Promise<Reporter> {
  return LOADERS[format](options);
}

/** GitHub rejects a SARIF run with more results than this; it keeps the first 5,000, so the most severe come first. */
export const MAX_SARIF_RESULTS = 25_000;

/** How many findings a format shows at most: a scan for it keeps no more than that, the most severe. */
export const FINDINGS_SHOWN: Partial<Record<ReportFormat, number>> = { sarif: MAX_SARIF_RESULTS };
