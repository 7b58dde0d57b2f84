import type { Finding } from '../model/finding.js';
import { VERSION } from '../version.js';
import { inPieces } from './in-pieces.js';
import { jsonText } from './json-text.js';
import type { Report } from './report.js';

/** For scripts: the findings and problems as they are, with the asset and the fingerprint; one finding a line. */
export function renderJson(report: Report): Iterable<string> {
  const envelope = {
    tool: { name: 'parapet', version: VERSION },
    problems: report.problems,
    scannedFiles: report.scannedFiles,
    skippedFiles: report.skippedFiles.length,
    findings: [],
  };
  return inPieces(envelope, findingsJson(report.findings));
}

function* findingsJson(findings: readonly Finding[]): Generator<string> {
  for (const { ruleId, severity, message, location, asset, fingerprint, suppression, baselineState, fix } of findings) {
    yield jsonText({ ruleId, severity, message, location, asset, fingerprint, suppression, baselineState, fix });
  }
}
