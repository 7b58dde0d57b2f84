import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

const example = (name: string) => new URL(`../../examples/terraform/${name}/`, import.meta.url).pathname;

describe('the Terraform examples', () => {
  it('finds what the insecure bastion opens, and says which finding depends on a variable', async () => {
    const result = await scan({ paths: [example('insecure-bastion')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.findings.map((finding) => `${finding.ruleId}:${finding.location.line}`)).toEqual([
      'net/ssh-open-to-world:11',
      'net/egress-open-to-world:19',
      'net/app-port-public:32',
      'net/ssh-open-to-world:45',
    ]);
    expect(result.findings[3].message).toContain('may be reachable');
    expect(result.problems.map((problem) => `${problem.id}:${problem.line}`)).toEqual(['iac/unresolved:45']);
  });

  it('finds nothing in the hardened bastion', async () => {
    const result = await scan({ paths: [example('hardened-bastion')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.scannedFiles).toHaveLength(1);
  });
});
