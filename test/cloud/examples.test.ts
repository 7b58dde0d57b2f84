import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/cloud');

/** The insecure bastion of each cloud, through the whole scan: detection, loader, rules. */
describe.each([
  ['aws-describe-security-groups.json', '"CidrIp": "0.0.0.0/0"', '"CidrIp": "0.0.0.0/0"'],
  ['azure-network-nsg-list.json', '"name": "AllowSSHFromAnywhere"', '"name": "AllowFlowUI"'],
  ['gcp-firewall-rules-list.json', '"name": "flow-allow-ssh"', '"name": "flow-allow-ui"'],
])('examples/cloud/%s', (file, sshLine, appLine) => {
  it('finds SSH open to the world and the public 8081, at the lines that open them', async () => {
    const path = join(EXAMPLES, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    const result = await scan({ paths: [path], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    const at = (ruleId: string) => result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.location.line);
    // Azure and GCP point at the rule object's first line; AWS at the line naming the source (the first of the lines checked).
    const near = (line: number, text: string) => lines.slice(line - 1, line + 5).some((candidate) => candidate.includes(text));
    expect(at('net/ssh-open-to-world').some((line) => near(line, sshLine))).toBe(true);
    expect(at('net/app-port-public').some((line) => near(line, appLine))).toBe(true);
    for (const finding of result.findings) expect(finding.asset.id).not.toBe('');
  });
});
