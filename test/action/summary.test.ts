import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { chooseAnnotations } from '../../src/action/annotations.js';
import { summaryMarkdown, type SummaryFacts } from '../../src/action/summary.js';
import { lineLink, summaryText } from '../../src/action/summary-text.js';
import type { Finding } from '../../src/model/finding.js';
import { shown } from '../../src/model/quote.js';
import type { Report } from '../../src/reporters/report.js';
import { GITHUB } from './runner.js';

const HOSTILE = [
  '</td></tr></table><script>alert(1)</script>',
  '| forged | table | row |',
  '`code` and ```fence```',
  '[click](javascript:alert(1)) ![x](https://evil.example/x.png) <https://evil.example>',
  '**bold** _em_ ~~gone~~ \\| escaped',
  '@octocat #123 :smile: $x^2$',
  'line one\n# heading\n- item\n\n<img src=x onerror=alert(1)>',
  'https://evil.example/path www.evil.example',
  '&lt;already escaped&gt; &#124; &amp;',
  'right-to-left \u202e override and \u0007 bell',
];

const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('summaryText', () => {
  it.each(HOSTILE)('leaves no markup in %j', (text) => {
    const escaped = summaryText(text, 1000);
    // What is left besides character references is letters, digits, spaces and non-ASCII text: nothing Markdown or HTML reads.
    expect(escaped.replace(/&#\d+;/g, '')).toMatch(/^[^!-/:-@[-`{-~\n\r]*$/);
    expect(decode(escaped)).toBe(shown(text, 1000));
  });

  it('escapes any text so that it reads back as shown', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const escaped = summaryText(text, 1000);
        expect(escaped.replace(/&#\d+;/g, '')).not.toMatch(/[!-/:-@[-`{-~]/);
        expect(decode(escaped)).toBe(shown(text, 1000));
      }),
    );
  });
});

describe('lineLink', () => {
  it('links a path at the commit, every segment encoded', () => {
    expect(lineLink('infra/ssh (old)/sshd_config', 7, GITHUB)).toBe(`https://github.com/octo-org/infra/blob/${GITHUB.GITHUB_SHA}/infra/ssh%20%28old%29/sshd_config#L7`);
  });

  it('makes no link when the run does not say which repository and commit', () => {
    expect(lineLink('sshd_config', 1, {})).toBeUndefined();
    expect(lineLink('sshd_config', 1, { ...GITHUB, GITHUB_REPOSITORY: 'a/b) [x](y' })).toBeUndefined();
    expect(lineLink('sshd_config', 1, { ...GITHUB, GITHUB_SERVER_URL: 'javascript:alert(1)' })).toBeUndefined();
  });
});

function finding(file: string, line: number, ruleId: string, message: string): Finding {
  const rule = RULES.find((candidate) => candidate.id === ruleId)!;
  return { ruleId, severity: rule.severity, message, location: { file, line }, asset: { kind: 'sshd', id: file }, key: `${ruleId}/${line}`, fingerprint: `f${line}` };
}

describe('summaryMarkdown', () => {
  const workspace = '/home/runner/_work/infra/infra';
  const facts = (report: Partial<Report>): SummaryFacts => ({
    report: { findings: [], omitted: 0, problems: [], rules: RULES, scannedFiles: [], skippedFiles: [], baseDirectory: workspace, ...report },
    workspace,
    failOn: 'high',
    output: 'parapet.sarif',
    notAnnotated: { error: 0, warning: 0, notice: 0 },
    limitsReached: [],
    env: GITHUB,
  });

  it('keeps every table row to its columns whatever a message or a file name holds', () => {
    const findings = HOSTILE.map((text, index) => finding(`${workspace}/hosts/${text.replace(/\n/g, ' ')}.conf`, index + 1, 'sshd/permit-root-login', `PermitRootLogin ${text}.`));
    const markdown = summaryMarkdown(facts({ findings, scannedFiles: findings.map((each) => each.location.file) }));
    const table = markdown.split('### The most severe findings')[1].split('\n\n')[1].split('\n');
    expect(table).toHaveLength(2 + HOSTILE.length);
    for (const row of table) expect(row.split('|')).toHaveLength(6);
    expect(markdown).not.toMatch(/<(script|img|\/td)/i);
    expect(markdown).not.toContain('](javascript');
  });

  it('says a clean run in one line, with what was scanned', () => {
    const scannedFiles = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `${workspace}/hosts/${name}/sshd_config`);
    expect(summaryMarkdown(facts({ scannedFiles }))).toBe(
      '**Parapet**: no findings in 7 files (<code>hosts&#47;a&#47;sshd&#95;config</code>, <code>hosts&#47;b&#47;sshd&#95;config</code>, <code>hosts&#47;c&#47;sshd&#95;config</code>, <code>hosts&#47;d&#47;sshd&#95;config</code>, <code>hosts&#47;e&#47;sshd&#95;config</code> and 2 more).\n',
    );
  });

  it('lists the 20 most severe findings and says how many more there are, the ones left out of SARIF included', () => {
    const findings = Array.from({ length: 30 }, (_, index) => finding(`${workspace}/sshd_config`, index + 1, index === 29 ? 'sshd/permit-empty-passwords' : 'sshd/x11-forwarding', `Finding ${index + 1}.`));
    const markdown = summaryMarkdown(facts({ findings, omitted: 5 }));
    const rows = markdown.split('### The most severe findings')[1].split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| severity') && !line.startsWith('| ---'));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toContain('critical');
    expect(rows[0]).toContain(`(https://github.com/octo-org/infra/blob/${GITHUB.GITHUB_SHA}/sshd_config#L30)`);
    expect(markdown).toContain('15 more findings in the report.');
    expect(markdown).toContain('| 1 | 0 | 29 | 0 | 5 | 0 | 0 |');
  });
});

describe('chooseAnnotations', () => {
  it('keeps at most 10 of each level, inputs not judged first, then the most severe findings, and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, index) => finding('/w/sshd_config', index + 1, 'sshd/password-authentication', 'high.')),
      finding('/w/sshd_config', 40, 'sshd/permit-empty-passwords', 'critical.'),
      ...Array.from({ length: 3 }, (_, index) => finding('/w/sshd_config', 50 + index, 'sshd/x11-forwarding', 'medium.')),
    ];
    const report: Report = { findings, omitted: 0, problems: [{ id: 'input/unreadable', file: '/w/missing', message: 'no such file or directory', level: 'error' }], rules: RULES, scannedFiles: [], skippedFiles: [], baseDirectory: '/w' };
    const { shown: annotations, left } = chooseAnnotations(report, '/w', { error: 1 });
    const errors = annotations.filter((annotation) => annotation.level === 'error');
    expect(errors).toHaveLength(9);
    expect(errors[0].properties).toEqual({ title: 'input/unreadable: A file could not be read', file: 'missing' });
    expect(errors[1].properties).toEqual({ title: 'sshd/permit-empty-passwords: Accounts with an empty password can log in over SSH', file: 'sshd_config', startLine: 40 });
    expect(left).toEqual({ error: 14 - 9, warning: 0, notice: 0 });
    expect(annotations.filter((annotation) => annotation.level === 'warning')).toHaveLength(3);
  });

  it('names the path in the message of an annotation outside the workspace', () => {
    const report: Report = { findings: [finding('/elsewhere/sshd_config', 3, 'sshd/x11-forwarding', 'X11Forwarding is yes.')], omitted: 0, problems: [], rules: RULES, scannedFiles: [], skippedFiles: [], baseDirectory: '/w' };
    expect(chooseAnnotations(report, '/w').shown).toEqual([{ level: 'warning', message: '/elsewhere/sshd_config:3: X11Forwarding is yes.', properties: { title: 'sshd/x11-forwarding: SSH X11 forwarding is enabled' } }]);
  });
});
