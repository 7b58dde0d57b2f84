import { renderJson } from './json.js';
import type { Reporter } from './report.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const REPORTERS: Record<'text' | 'json' | 'sarif', Reporter> = { text: renderText, json: renderJson, sarif: renderSarif };
export type ReportFormat = keyof typeof REPORTERS;
