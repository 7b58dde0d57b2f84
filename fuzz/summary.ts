import type { CampaignSummary, Failure } from './campaign.js';

/** A whole run: the campaigns of its workers, and what the supervisor saw of memory and time. */
export interface RunSummary extends CampaignSummary {
  seed: number;
  seconds: number;
  peakRssBytes: number;
  /** Live heap after garbage collection: at the start of the run (after warm-up) and the most it reached later. */
  heapBaselineBytes?: number;
  heapPeakBytes?: number;
  /** Set when the live heap grew more than allowed. */
  leak?: string;
}

export function emptySummary(): CampaignSummary {
  return { inputs: 0, byType: {}, problemsById: {}, exitStatuses: {}, findings: 0, failures: [] };
}

export function mergeSummaries(into: CampaignSummary, from: CampaignSummary): CampaignSummary {
  into.inputs += from.inputs;
  into.findings += from.findings;
  for (const [key, count] of Object.entries(from.byType)) into.byType[key] = (into.byType[key] ?? 0) + count;
  for (const [key, count] of Object.entries(from.problemsById)) into.problemsById[key] = (into.problemsById[key] ?? 0) + count;
  for (const [key, count] of Object.entries(from.exitStatuses)) into.exitStatuses[key] = (into.exitStatuses[key] ?? 0) + count;
  if (from.slowest && (!into.slowest || from.slowest.milliseconds > into.slowest.milliseconds)) into.slowest = from.slowest;
  into.failures.push(...from.failures);
  return into;
}

const MiB = 1024 * 1024;

export function formatSummary(summary: RunSummary): string {
  const lines: string[] = [];
  const rate = summary.seconds > 0 ? Math.round(summary.inputs / summary.seconds) : 0;
  lines.push(`parapet fuzz: ${summary.inputs.toLocaleString('en')} inputs in ${summary.seconds.toFixed(1)} s (${rate}/s), seed ${summary.seed}`);
  lines.push(`  inputs per type: ${sorted(summary.byType).map(([type, count]) => `${type} ${count.toLocaleString('en')}`).join(', ')}`);
  lines.push(`  exit statuses:   ${sorted(summary.exitStatuses).map(([status, count]) => `${status}: ${count.toLocaleString('en')}`).join(', ')}; ${summary.findings.toLocaleString('en')} findings`);
  lines.push('  problems by id:');
  for (const [id, count] of Object.entries(summary.problemsById).sort((a, b) => b[1] - a[1])) lines.push(`    ${count.toLocaleString('en').padStart(9)}  ${id}`);
  if (summary.slowest) {
    const { slowest } = summary;
    lines.push(`  slowest input:   #${slowest.index}, ${Math.round(slowest.milliseconds)} ms, ${slowest.bytes.toLocaleString('en')} bytes: ${slowest.recipe.join('; ')}`);
  }
  lines.push(`  peak RSS:        ${(summary.peakRssBytes / MiB).toFixed(0)} MiB`);
  if (summary.heapBaselineBytes !== undefined && summary.heapPeakBytes !== undefined) {
    lines.push(`  live heap:       ${(summary.heapBaselineBytes / MiB).toFixed(0)} MiB after warm-up, at most ${(summary.heapPeakBytes / MiB).toFixed(0)} MiB later`);
  }
  if (summary.leak) lines.push(`  ✗ ${summary.leak}`);
  lines.push(summary.failures.length === 0 ? '  failures:        none' : `  failures:        ${summary.failures.length}`);
  for (const failure of summary.failures.slice(0, 20)) lines.push(formatFailure(failure, summary.seed));
  if (summary.failures.length > 20) lines.push(`  … and ${summary.failures.length - 20} more (in the failure directory)`);
  return lines.join('\n');
}

export function formatFailure(failure: Failure, seed: number): string {
  return [
    `  ✗ input #${failure.index} (${failure.type}, ${failure.forced ? `--type ${failure.type}` : 'detected'}) — replay: npm run fuzz -- --seed ${seed} --replay ${failure.index}`,
    ...failure.violations.slice(0, 5).map((violation) => `      ${violation}`),
    `      recipe: ${failure.recipe.join('; ')}`,
    `      saved as ${failure.savedAs}`,
  ].join('\n');
}

function sorted(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort((a, b) => a[0].localeCompare(b[0]));
}
