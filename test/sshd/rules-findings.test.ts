import { describe, expect, it } from 'vitest';
import { SSHD_RULES } from '../../rules/sshd/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import type { SshdConfigModel } from '../../src/model/sshd-config.js';
import { loadSshdConfig } from '../../src/parsers/sshd/load.js';
import { listFixtures, prepareFixture } from '../support/fixtures.js';

const MiB = 1024 * 1024;
const models = listFixtures()
  .filter((fixture) => fixture.ruleId.startsWith('sshd/'))
  .map((fixture) => {
    const prepared = prepareFixture(fixture);
    const root = fixture.isDirectory ? prepared.scanPath : undefined;
    const file = readInputFile(root ? `${root}/etc/ssh/sshd_config` : prepared.scanPath, 16 * MiB);
    if (!('text' in file)) throw new Error(file.message);
    const loaded = loadSshdConfig(file, { root, settings: DEFAULT_RULE_SETTINGS, readFile: (path) => readInputFile(path, 16 * MiB) });
    return [`${fixture.ruleId}/${fixture.name}`, loaded.models[0] as SshdConfigModel] as const;
  });

describe('every sshd finding over every sshd fixture keeps the finding contract', () => {
  it.each(models)('%s', (_, model) => {
    const contexts = new Set(model.contexts.map((context) => context.name));
    for (const rule of SSHD_RULES) {
      const findings = rule.check(model, DEFAULT_RULE_SETTINGS);
      for (const finding of findings) {
        expect(finding.message, rule.id).toMatch(/^[A-Z].*\.$/s);
        expect(model.files, `${rule.id}: ${finding.message}`).toContain(finding.location.file);
        expect(finding.location.line).toBeGreaterThanOrEqual(1);
        expect(finding.asset).toBe(model.asset);
        expect(finding.key, 'keys carry no line numbers').not.toContain(`:${finding.location.line}`);
        if (rule.id === 'sshd/invalid-config') continue;
        const [, context, keyword] = /^(.*)\/([a-z0-9]+)$/.exec(finding.key) ?? [];
        expect(contexts, finding.key).toContain(context);
        expect(finding.message.toLowerCase(), 'the message names the keyword').toContain(keyword === 'clientaliveinterval' ? 'clientalive' : keyword);
        if (context !== 'global') expect(finding.message).toContain(`"${context}"`);
        if (finding.location.line === 1 && !finding.message.includes("OpenSSH's compiled-in default")) {
          expect(model.contexts[0].get(keyword).location?.line, 'a line-1 finding without a default note is about line 1').toBe(1);
        }
      }
      const keys = findings.map((finding) => finding.key);
      expect(new Set(keys).size, `${rule.id}: one finding per context and keyword`).toBe(keys.length);
    }
  });

  it('a default value is reported at line 1 of the main file and says so', () => {
    const [, model] = models.find(([name]) => name === 'sshd/permit-root-login/bad.default.sshd_config')!;
    const [finding] = SSHD_RULES.find((rule) => rule.id === 'sshd/permit-root-login')!.check(model, DEFAULT_RULE_SETTINGS);
    expect(finding.location).toEqual({ file: model.file, line: 1 });
    expect(finding.key).toBe('global/permitrootlogin');
    expect(finding.message).toBe(
      "PermitRootLogin is prohibit-password in the global configuration: root can log in with a key. No line sets PermitRootLogin: this is OpenSSH's compiled-in default.",
    );
  });

  it('a Match block that turns passwords back on is reported once, at its own line, naming the block', () => {
    const [, model] = models.find(([name]) => name === 'sshd/password-authentication/bad.match.sshd_config')!;
    const findings = SSHD_RULES.find((rule) => rule.id === 'sshd/password-authentication')!.check(model, DEFAULT_RULE_SETTINGS);
    expect(findings.map((finding) => finding.key)).toEqual(['Match User backup/passwordauthentication']);
    expect(findings[0].message).toContain('PasswordAuthentication is yes in the block "Match User backup"');
  });
});
