import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import SSH_OPEN_TO_WORLD from '../rules/net/ssh-open-to-world.js';
import { DEFAULT_RULE_SETTINGS, defineRule } from '../src/engine/rule.js';
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
});
