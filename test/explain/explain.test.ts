import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { examplesModule } from '../../src/explain/examples-module.js';
import { fixtureExamples } from '../../src/explain/fixture-examples.js';
import { RULE_EXAMPLES } from '../../src/explain/rule-examples.js';
import { runCli } from '../support/run-cli.js';

const repository = new URL('../../', import.meta.url).pathname;

describe('the examples parapet explain shows', () => {
  it('src/explain/rule-examples.ts is generated from the current fixtures (npm run docs)', () => {
    const current = examplesModule(fixtureExamples(repository, RULES.map((rule) => rule.id)));
    expect(readFileSync(`${repository}src/explain/rule-examples.ts`, 'utf8'), 'stale: run npm run docs').toBe(current);
  });

  it.each(RULES.map((rule) => [rule.id] as const))('%s has a bad example with its flagged line and a good one', (id) => {
    const { bad, good } = RULE_EXAMPLES[id] ?? {};
    expect(bad?.file).toMatch(new RegExp(`^fixtures/${id}/bad`));
    expect(bad?.marked.length).toBeGreaterThan(0);
    expect(good?.file).toMatch(new RegExp(`^fixtures/${id}/good`));
    expect(good?.lines.length).toBeGreaterThan(0);
    // A few lines, never a whole fixture.
    expect(bad!.lines.length + good!.lines.length).toBeLessThan(16);
  });
});

describe('parapet explain', () => {
  it('prints the rationale, the remediation, the references and the bad and good lines, as plain text', () => {
    const run = runCli(['explain', 'sshd/password-authentication']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = run.stdout;
    expect(text).toMatch(/^sshd\/password-authentication: SSH password authentication is enabled\nSeverity: high\./);
    expect(text).toContain('Why\n  A server that accepts passwords can be brute-forced');
    expect(text).toContain('How to fix\n');
    expect(text).toContain('\n  PasswordAuthentication no\n');
    expect(text).toContain('References\n  - Policy singlestore-flow-secure-access.md');
    expect(text).toContain('sshd_config(5) (https://man.openbsd.org/sshd_config#PasswordAuthentication)');
    expect(text).toContain('Bad (from fixtures/sshd/password-authentication/bad.sshd_config');
    expect(text).toContain('  > PasswordAuthentication yes\n');
    expect(text).toContain('Good (from fixtures/sshd/password-authentication/good.sshd_config');
    expect(text).toContain('  > PasswordAuthentication no\n');
    expect(text).not.toMatch(/`|\]\(/);
  });

  it('explains a network rule from its fixtures too', () => {
    const run = runCli(['explain', 'net/ssh-open-to-world']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Bad \(from fixtures\/net\/ssh-open-to-world\/bad\.aws\.json[^\n]*\n(.*\n)*  > +"CidrIp": "0\.0\.0\.0\/0"/);
  });

  it('names the nearest rules for an unknown id, and exits 2', () => {
    const run = runCli(['explain', 'password-auth']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^parapet: there is no rule 'password-auth' — did you mean sshd\/password-authentication, /);
    const typo = runCli(['explain', 'sshd/permit-rot-login']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean sshd/permit-root-login,');
    const misspeltStart = runCli(['explain', 'sshd/pasword']);
    expect(misspeltStart.stderr).toContain('did you mean sshd/password-authentication,');
  });
});
