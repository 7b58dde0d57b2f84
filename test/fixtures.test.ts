import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../src/engine/rule.js';
import { scan } from '../src/scan/scan.js';
import { rulesUnder, settingsUnder } from '../src/policy/apply-policy.js';
import { CONFIG_NAME } from '../src/policy/find-config.js';
import { loadPolicy } from '../src/policy/load-policy.js';
import { listFixtures, prepareFixture } from './support/fixtures.js';

const fixtures = listFixtures();

describe('every rule over every fixture', () => {
  it.each(fixtures.map((fixture) => [`${fixture.ruleId}/${fixture.name}`, fixture] as const))('%s', async (_, fixture) => {
    const prepared = prepareFixture(fixture);
    // A fixture directory may carry its policy (the trusted networks of net/admin-port-untrusted-source).
    const config = join(prepared.scanPath, CONFIG_NAME);
    const loaded = existsSync(config) ? await loadPolicy([], new Set(RULES.map((rule) => rule.id)), config) : {};
    if ('usageError' in loaded) throw new Error(loaded.usageError);
    const result = await scan({
      paths: [prepared.scanPath],
      rules: rulesUnder(RULES, loaded.policy),
      settings: settingsUnder(DEFAULT_RULE_SETTINGS, loaded.policy, false),
      root: fixture.isDirectory ? prepared.scanPath : undefined,
    });
    const workspace = dirname(prepared.scanPath);

    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    const actual = result.findings
      .filter((finding) => prepared.comparedRules.has(finding.ruleId))
      .map((finding) => {
        const file = relative(workspace, finding.location.file);
        return `${finding.ruleId} ${file}:${prepared.originalLine(file, finding.location.line)}`;
      })
      .sort();
    expect(actual).toEqual(prepared.expected);
  });
});

describe('fixture coverage', () => {
  it.each(RULES.map((rule) => [rule.id] as const))('%s has a fixture that fires and one that stays silent', (ruleId) => {
    const own = fixtures.filter((fixture) => fixture.ruleId === ruleId);
    const firing = own.filter((fixture) => fixture.name.startsWith('bad') && prepareFixture(fixture).expected.some((line) => line.startsWith(`${ruleId} `)));
    const silent = own.filter((fixture) => fixture.name.startsWith('good') && !prepareFixture(fixture).expected.some((line) => line.startsWith(`${ruleId} `)));
    expect(firing.length, 'bad fixtures with a ruleid annotation').toBeGreaterThan(0);
    expect(silent.length, 'good fixtures').toBeGreaterThan(0);
  });

  it('every fixture folder names an existing rule', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    expect([...new Set(fixtures.map((fixture) => fixture.ruleId))].filter((id) => !ids.has(id))).toEqual([]);
  });
});
