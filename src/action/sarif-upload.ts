import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { compareRank } from '../engine/most-severe.js';
import type { InputProblem } from '../model/problem.js';
import type { Report } from '../reporters/report.js';
import { MAX_SARIF_RESULTS } from '../reporters/index.js';
import { allTags, MAX_TAGS, renderSarif } from '../reporters/sarif.js';
import { writeReport } from '../cli/write-report.js';

/** Code scanning rejects an upload whose SARIF is larger than this once gzipped. */
export const MAX_GZIP_BYTES = 10 * 1024 * 1024;

export interface SarifWritten {
  /** Findings left out so that the file gzips to at most the limit. */
  leftOutForSize: number;
  gzipBytes: number;
  /** One sentence for each limit of code scanning the report reached, saying what was left out. */
  limitsReached: string[];
}

/**
 * Writes the SARIF report to `output` as code scanning takes it: when it gzips to more than `maxGzipBytes`, the least
 * severe results are left out until it fits, and a notification in it says how many.
 */
export function writeSarifForUpload(report: Report, output: string, maxGzipBytes = MAX_GZIP_BYTES): SarifWritten {
  writeReport(renderSarif(report), output);
  let gzipBytes = gzippedSize(output);
  const ranked = [...report.findings].sort(compareRank).slice(0, MAX_SARIF_RESULTS);
  let kept = ranked.length;
  while (gzipBytes > maxGzipBytes && kept > 0) {
    kept = Math.min(kept - 1, Math.floor(kept * (maxGzipBytes / gzipBytes) * 0.9));
    const notice: InputProblem = { id: 'output/truncated', file: report.baseDirectory, level: 'warning', message: `${ranked.length - kept} lowest-severity results were left out: GitHub rejects a SARIF file larger than ${megabytes(maxGzipBytes)} gzipped — use --format json for all of them` };
    writeReport(renderSarif({ ...report, findings: ranked.slice(0, kept), problems: [...report.problems, notice] }), output);
    gzipBytes = gzippedSize(output);
  }
  const leftOutForSize = ranked.length - kept;
  const limitsReached: string[] = [];
  if (report.omitted + report.findings.length - ranked.length > 0) {
    limitsReached.push(`${report.omitted + report.findings.length - ranked.length} lowest-severity findings were left out: code scanning takes at most ${MAX_SARIF_RESULTS.toLocaleString('en')} results in a run (format json lists them all).`);
  }
  if (leftOutForSize > 0) limitsReached.push(`${leftOutForSize} more of the least severe findings were left out: code scanning takes a SARIF file of at most ${megabytes(maxGzipBytes)} gzipped.`);
  if (gzipBytes > maxGzipBytes) limitsReached.push(`The SARIF file is ${megabytes(gzipBytes)} gzipped even without results, over code scanning's ${megabytes(maxGzipBytes)}: scan fewer inputs in one run.`);
  for (const rule of report.rules) {
    const tags = allTags(rule);
    if (tags.length > MAX_TAGS) limitsReached.push(`Rule ${rule.id}: ${tags.length - MAX_TAGS} of its ${tags.length} tags were left out (code scanning keeps ${MAX_TAGS}).`);
  }
  return { leftOutForSize, gzipBytes, limitsReached };
}

function gzippedSize(path: string): number {
  return gzipSync(readFileSync(path)).length;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}
