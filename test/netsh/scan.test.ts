import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

const example = (name: string) => new URL(`../../examples/windows/${name}`, import.meta.url).pathname;

/** The whole pipeline: directory walk, detection among every input type, this parser, every rule. */
describe('scanning the Windows examples', () => {
  it('finds RDP open to the world and 8081 public on the insecure Flow server, each at its Rule Name line', async () => {
    const result = await scan({ paths: [example('insecure-flow-server')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    const found = result.findings.map((finding) => `${finding.ruleId}@${finding.location.line}`);
    expect(found).toEqual(expect.arrayContaining(['net/rdp-open-to-world@52', 'net/rdp-open-to-world@72', 'net/app-port-public@92']));
    expect(result.findings.every((finding) => finding.asset.kind === 'windows-firewall' && finding.location.file.endsWith('netsh-advfirewall.txt'))).toBe(true);
  });

  it('finds nothing on the hardened Flow server', async () => {
    const result = await scan({ paths: [example('hardened-flow-server')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    expect(result.findings.map((finding) => `${finding.ruleId}@${finding.location.line}`)).toEqual([]);
  });
});
