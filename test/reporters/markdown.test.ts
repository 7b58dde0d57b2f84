import { describe, expect, it } from 'vitest';
import { SEVERITY_SCALE, type Severity } from '../../src/model/severity.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/reporters/markdown.js';
import { markdownCode, markdownText } from '../../src/reporters/markdown-text.js';
import { runCli } from '../support/run-cli.js';
import { hostileAwsExport, REPOSITORY, rendered, reportOf, withStatuses } from './real-report.js';

/** The table's rows, split into cells on the pipes GitHub splits on (not the escaped ones). */
function tableRows(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| Severity | Rule |'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
  }
  return rows;
}

describe('Markdown report', () => {
  it('has a heading, counts by severity and a table with the most severe first', async () => {
    const report = await reportOf(['examples']);
    const markdown = rendered(renderMarkdown, report);
    expect(markdown).toMatch(/^### Parapet: \d+ findings\n/);
    const counts = Object.fromEntries([...markdown.matchAll(/^\| (critical|high|medium|low) \| (\d+) \| (\d+) \|$/gm)].map((match) => [match[1], Number(match[2])]));
    for (const severity of Object.keys(SEVERITY_SCALE)) expect(counts[severity]).toBe(report.findings.filter((finding) => finding.severity === severity).length);
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(report.findings.length);
    for (const row of rows) expect(row).toHaveLength(5);
    const ranks = rows.map((row) => SEVERITY_SCALE[row[0].replace(/\*/g, '') as Severity].rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(rows.map((row) => row[2])).toContain('`examples/sshd/insecure-bastion/sshd_config:29`');
    expect(markdown).toContain('#### Problems');
  });

  it('says which findings are suppressed, with the reason, and which are new', async () => {
    const markdown = rendered(renderMarkdown, withStatuses(await reportOf(['examples/sshd/insecure-bastion'])));
    const rows = tableRows(markdown);
    expect(rows.every((row) => row.length === 6)).toBe(true);
    expect(rows.filter((row) => row[5].startsWith('suppressed'))).toHaveLength(1);
    expect(rows.filter((row) => row[5] === 'new since the baseline').length).toBeGreaterThan(0);
    expect(markdown).toMatch(/\| Severity \| Findings \| Suppressed \| New since the baseline \|/);
  });

  it('keeps what the scanned tree wrote inert: no HTML, no extra cells, no mentions', async () => {
    const hostile = 'evil | <img src=x onerror=alert(1)> @octocat/admins `x` **b** [l](https://evil.example)\n| forged |';
    const { directory, file } = hostileAwsExport(hostile);
    const markdown = rendered(renderMarkdown, await reportOf([file], directory));
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toMatch(/@octocat/);
    expect(markdown).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
    expect(markdown).toContain('\\[l\\](https://evil');
    for (const row of tableRows(markdown)) expect(row).toHaveLength(5);
    expect(markdownText('a|b\nc <x> & @me [y](z) $m$')).toBe('a\\|b c &lt;x> &amp; @\u2060me \\[y\\](z) \\$m\\$');
    expect(markdownCode('a`b|c')).toBe('``a`b\\|c``');
  });

  it('stays under GitHub’s comment limit with a huge report, and says how many rows it left out', async () => {
    const { directory, file } = hostileAwsExport('big', { copies: 1500 });
    const report = await reportOf([file], directory);
    expect(report.findings.length).toBeGreaterThan(5000);
    const markdown = rendered(renderMarkdown, report);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const rows = tableRows(markdown);
    const left = Number(/_(\d+) more findings not shown/.exec(markdown)?.[1]);
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length + left).toBe(report.findings.length);
    // The rows kept are the most severe.
    expect(rows.every((row) => row[0] === '**critical**' || row[0] === '**high**')).toBe(true);
  });

  it('is what `parapet scan --format markdown` writes', () => {
    const run = runCli(['scan', 'examples/sshd/insecure-bastion', '--format', 'markdown'], { cwd: REPOSITORY });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^### Parapet: \d+ findings/);
    expect(tableRows(run.stdout).length).toBeGreaterThan(5);
  });
});
