import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSarifForUpload } from '../../src/action/sarif-upload.js';
import { ruleSettingsFor } from '../../src/cli/app-ports.js';
import { scanForReport } from '../../src/cli/scan-report.js';
import { SEVERITY_SCALE } from '../../src/model/severity.js';
import type { Report } from '../../src/reporters/report.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';

const examples = new URL('../../examples/', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'parapet-sarif-upload-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function exampleReport(copies = 1): Promise<Report> {
  const report = await scanForReport({ paths: [join(examples, 'sshd'), join(examples, 'cloud')], format: 'sarif', settings: ruleSettingsFor('8081,8084')!, baseDirectory: examples, inlineIgnores: true });
  // Copies on other lines, with fingerprints of their own: results, not the rules, make most of the file.
  const findings = Array.from({ length: copies }, (_, copy) => report.findings.map((finding) => ({ ...finding, location: { ...finding.location, line: finding.location.line + 1000 * copy }, fingerprint: createHash('md5').update(`${finding.fingerprint}/${copy}`).digest('hex') }))).flat();
  return { ...report, findings };
}

const RANK: Record<string, number> = { error: 3, warning: 2, note: 1 };

describe('writeSarifForUpload', () => {
  it('writes the whole report when it gzips within the limit', async () => {
    const report = await exampleReport();
    const output = join(directory, 'whole.sarif');
    const written = writeSarifForUpload(report, output);
    expect(written).toMatchObject({ leftOutForSize: 0, limitsReached: [] });
    expect(written.gzipBytes).toBe(gzipSync(readFileSync(output)).length);
    expect((JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log).runs[0].results).toHaveLength(report.findings.length);
  });

  it('leaves out the least severe results until the file gzips within the limit, and says so in a notification', async () => {
    const report = await exampleReport(40);
    const whole = writeSarifForUpload(report, join(directory, 'whole.sarif'));
    const limit = Math.floor(whole.gzipBytes * 0.7);
    const output = join(directory, 'cut.sarif');

    const written = writeSarifForUpload(report, output, limit);
    const log = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
    expect(gzipSync(readFileSync(output)).length).toBeLessThanOrEqual(limit);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0].results ?? [];
    expect(written.leftOutForSize).toBe(report.findings.length - results.length);
    expect(written.leftOutForSize).toBeGreaterThan(0);
    expect(written.limitsReached).toEqual([`${written.leftOutForSize} more of the least severe findings were left out: code scanning takes a SARIF file of at most ${limit} bytes gzipped.`]);

    const notification = log.runs[0].invocations?.[0].toolExecutionNotifications?.find((each) => each.descriptor?.id === 'output/truncated');
    expect(notification?.message.text).toContain(`${written.leftOutForSize} lowest-severity results were left out`);
    // The kept results are the most severe: none left out is more severe than one kept.
    const keptRanks = results.map((result) => RANK[result.level ?? 'warning']);
    const leastKept = Math.min(...keptRanks);
    const leftOut = [...report.findings].map((finding) => SEVERITY_SCALE[finding.severity].level).map((level) => RANK[level]).sort((a, b) => b - a).slice(results.length);
    expect(leftOut.every((rank) => rank <= leastKept)).toBe(true);
  });
});
