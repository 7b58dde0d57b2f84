import { renderJson } from './json.js';
import type { Reporter } from './report.js';
import { MAX_RESULTS, renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORTERS: Record<'text' | 'json' | 'sarif', Reporter> = { text: renderText, json: renderJson, sarif: renderSarif };
export type ReportFormat = keyof typeof REPORTERS;

/** How many findings a format shows at most: a scan for it keeps no more than that, the most severe. */
export const FINDINGS_SHOWN: Partial<Record<ReportFormat, number>> = { sarif: MAX_RESULTS };
