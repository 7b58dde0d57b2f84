import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvField, renderCsv } from '../../src/reporters/csv.js';
import { runCli } from '../support/run-cli.js';
import { hostileAwsExport, REPOSITORY, rendered, reportOf, withStatuses } from './real-report.js';

/** RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes; anything else in a quoted field is an error. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  for (;;) {
    let field = '';
    if (text[index] === '"') {
      for (index++; ; index++) {
        if (index >= text.length) throw new Error('unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index++;
          } else break;
        } else field += text[index];
      }
      index++;
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r') {
        if (text[index] === '"' || text[index] === '\n') throw new Error(`bare ${JSON.stringify(text[index])} at ${index}`);
        field += text[index++];
      }
    }
    record.push(field);
    if (text[index] === ',') {
      index++;
      continue;
    }
    if (text.slice(index, index + 2) !== '\r\n') throw new Error(`expected CRLF at ${index}`);
    index += 2;
    records.push(record);
    record = [];
    if (index === text.length) return records;
  }
}

describe('CSV report', () => {
  it('parses back, as RFC 4180, to the same findings and problems', async () => {
    const report = await reportOf(['examples']);
    const text = rendered(renderCsv, report);
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_HEADER]);
    const column = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    const findings = rows.filter((row) => row[0] === 'finding');
    expect(findings).toHaveLength(report.findings.length);
    expect(rows.filter((row) => row[0] === 'problem')).toHaveLength(report.problems.length);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
    const key = (ruleId: string, file: string, line: string | number, message: string) => `${ruleId} ${file}:${line} ${message}`;
    expect(findings.map((row) => key(row[column('rule')], row[column('file')], row[column('line')], row[column('message')])).sort()).toEqual(
      report.findings.map((finding) => key(finding.ruleId, finding.location.file.slice(REPOSITORY.length), finding.location.line, finding.message)).sort(),
    );
    expect(findings.map((row) => row[column('fingerprint')]).sort()).toEqual(report.findings.map((finding) => finding.fingerprint).sort());
    // A message with a comma or a quote is quoted, and comes back whole.
    expect(text).toContain('"PasswordAuthentication is yes in the block ""Match User backup Address 198.51.100.0/24"": a password alone');
  });

  it('says which findings are suppressed, why, and which fail the run', async () => {
    const report = withStatuses(await reportOf(['examples/sshd/insecure-bastion']));
    const [header, ...rows] = parseCsv(rendered(renderCsv, report).slice(1));
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    const suppressed = rows.filter((row) => at(row, 'status') === 'suppressed');
    expect(suppressed.map((row) => [at(row, 'justification'), at(row, 'fails the run')])).toEqual([['accepted risk: the contractors VPN ends in June', 'no']]);
    expect(rows.filter((row) => at(row, 'status') === 'unchanged').every((row) => at(row, 'fails the run') === 'no')).toBe(true);
    expect(rows.filter((row) => at(row, 'status') === 'new').every((row) => at(row, 'fails the run') === 'yes')).toBe(true);
  });

  it('neutralises fields a spreadsheet would run as formulas', async () => {
    const { directory, file } = hostileAwsExport('ok', { fileName: '=HYPERLINK("evil.example","x").json' });
    const broken = join(directory, '@SUM(1+1).sshd_config');
    writeFileSync(broken, Buffer.from([0, 1, 2]));
    const text = rendered(renderCsv, await reportOf([file, broken], directory));
    const rows = parseCsv(text.slice(1)).slice(1);
    const files = new Set(rows.map((row) => row[CSV_HEADER.indexOf('file')]));
    expect(files).toEqual(new Set(['\'=HYPERLINK("evil.example","x").json', "'@SUM(1+1).sshd_config"]));
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'a,b', 'a"b', 'plain'].map(csvField)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "\"'\rx\"", '"a,b"', '"a""b"', 'plain']);
  });

  it('is what `parapet scan --format csv` writes', () => {
    const run = runCli(['scan', 'examples/sshd/insecure-bastion', '--format', 'csv'], { cwd: REPOSITORY });
    expect(run.status).toBe(1);
    const rows = parseCsv(run.stdout.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).some((row) => row[2] === 'sshd/password-authentication' && row[4] === 'examples/sshd/insecure-bastion/sshd_config' && row[5] === '29')).toBe(true);
  });
});
