import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import SSH_OPEN_TO_WORLD from '../rules/net/ssh-open-to-world.js';
import { DEFAULT_RULE_SETTINGS, defineRule } from '../src/engine/rule.js';
import type { InputFormat } from '../src/inputs/input-format.js';
import { formatByType } from '../src/inputs/formats.js';
import { FileJudge } from '../src/scan/file-judge.js';
import { scan } from '../src/scan/scan.js';

const EXPORT = new URL('../examples/cloud/aws-describe-security-groups.json', import.meta.url).pathname;

/** A rule that breaks on the second group it judges: Parapet's own fault, to be reported like an input problem. */
function breakingOnSecond() {
  const ssh = SSH_OPEN_TO_WORLD;
  let judged = 0;
  return defineRule({
    ...ssh,
    check(asset, settings) {
      if (++judged === 2) throw new Error('boom\n  at somewhere (file.js:1:1)');
      return ssh.check(asset, settings);
    },
  });
}

describe('scan', () => {
  it('reports a rule that throws as a problem on the file, in one line, and keeps what it judged before', async () => {
    const result = await scan({ paths: [EXPORT], rules: [breakingOnSecond()], settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([expect.objectContaining({ id: 'internal/failed', file: EXPORT, level: 'error' })]);
    expect(result.problems[0].message).not.toMatch(/\n/);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('keeps only the most severe findings when asked, and counts the others', async () => {
    const all = await scan({ paths: [EXPORT], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const some = await scan({ paths: [EXPORT], rules: RULES, settings: DEFAULT_RULE_SETTINGS, limit: 2 });
    expect(all.findings.length).toBeGreaterThan(2);
    expect(some.findings).toHaveLength(2);
    expect(some.omitted).toBe(all.findings.length - 2);
    expect(some.findings.map((finding) => finding.severity)).toEqual(['critical', 'critical']);
  });

  it('keeps every one of a file\'s problems when it has hundreds of thousands, and judges the next file', async () => {
    // One problem per line of a large input: more than a call can take as arguments.
    const count = 300_000;
    const noisy: InputFormat = {
      type: 'noisy',
      title: 'a format whose every line is a problem',
      comments: false,
      detect: () => false,
      load: async (path) => ({ models: [], problems: Array.from({ length: count }, (_, index) => ({ id: 'input/unrecognised', file: path, line: index + 1, level: 'warning', message: 'not read' })) }),
    };
    const judge = new FileJudge({ rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    await judge.judge('noisy.txt', noisy, '.');
    await judge.judge(EXPORT, formatByType('aws')!, '.');
    const { problems, findings, scannedFiles } = judge.judged();
    expect(problems).toHaveLength(count);
    expect(problems.at(-1)).toMatchObject({ file: 'noisy.txt', line: count });
    expect(scannedFiles).toEqual(['noisy.txt', EXPORT]);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('counts as skipped only the files nothing read: a module\'s terraform.tfvars is read with its .tf files', async () => {
    const module = mkdtempSync(join(tmpdir(), 'parapet-scan-'));
    writeFileSync(join(module, 'main.tf'), 'variable "name" {}\nresource "aws_security_group" "web" {\n  name = var.name\n}\n');
    writeFileSync(join(module, 'terraform.tfvars'), 'name = "web"\n');
    writeFileSync(join(module, 'README.md'), '# web\n');
    const result = await scan({ paths: [module], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    expect([...result.scannedFiles].sort()).toEqual([join(module, 'main.tf'), join(module, 'terraform.tfvars')]);
    expect(result.skippedFiles).toEqual([join(module, 'README.md')]);
  });
});
