import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { readConfig } from '../../src/policy/read-config.js';
import { STARTER_CONFIG } from '../../src/policy/starter-config.js';

const IDS = new Set(RULES.map((rule) => rule.id));
const read = (text: string) => readConfig('repo/.parapet.yml', text, IDS);
const errorsOf = (text: string) => {
  const result = read(text);
  expect(result).toHaveProperty('errors');
  return (result as { errors: string[] }).errors;
};

describe('.parapet.yml', () => {
  it('reads every setting', () => {
    const policy = read(`rules:
  sshd/log-level: off
  net/egress-open-to-world: high
networks:
  trusted: [203.0.113.0/24, 2001:db8::/32, 198.51.100.7]
  appPorts: [9443]
overrides:
  - paths: ['legacy/**']
    rules: { sshd/max-auth-tries: low }
ignore:
  - rule: net/ssh-open-to-world
    resource: aws_security_group.bastion
    reason: the bastion is SSH's one door
    until: 2027-06-30
`);
    expect(policy).not.toHaveProperty('errors');
    if ('errors' in policy) return;
    expect([...policy.rules]).toEqual([['sshd/log-level', 'off'], ['net/egress-open-to-world', 'high']]);
    expect(policy.trustedNetworks).toEqual(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7']);
    expect(policy.appPorts).toEqual([9443]);
    expect(policy.overrides).toEqual([{ paths: ['legacy/**'], resources: [], rules: new Map([['sshd/max-auth-tries', 'low']]) }]);
    expect(policy.ignores).toEqual([{ rule: 'net/ssh-open-to-world', path: undefined, resource: 'aws_security_group.bastion', reason: "the bastion is SSH's one door", until: '2027-06-30', location: { file: 'repo/.parapet.yml', line: 11 } }]);
  });

  it('gives one message per problem, each at its line', () => {
    const errors = errorsOf(`rule:
  sshd/log-level: off
rules:
  sshd/log-levle: off
  sshd/max-auth-tries: severe
networks:
  trusted: [office]
  appPorts: [0, 22]
  vpn: 10.8.0.0/24
ignore:
  - rule: net/ssh-open-to-world
  - rule: net/ssh-open-to-world
    reason: ok
    until: next week
`);
    expect(errors).toEqual([
      "repo/.parapet.yml:1: unknown key 'rule' (expected rules, networks, overrides, ignore)",
      "repo/.parapet.yml:4: rules: unknown rule 'sshd/log-levle' — see `parapet rules`",
      "repo/.parapet.yml:5: rules.sshd/max-auth-tries must be off or a severity (critical, high, medium, low), got 'severe'",
      "repo/.parapet.yml:7: networks.trusted: 'office' is not a CIDR or an address",
      'repo/.parapet.yml:8: networks.appPorts must be a list of port numbers (1-65535)',
      'repo/.parapet.yml:9: unknown key networks.vpn (expected trusted, appPorts)',
      'repo/.parapet.yml:11: the ignore of net/ssh-open-to-world has no reason: say why it is accepted (reason: …), for the auditor who reads it',
      "repo/.parapet.yml:12: ignore: until must be a date YYYY-MM-DD, got 'next week'",
    ]);
  });

  it('refuses YAML that does not parse, duplicate keys, and a document that is not a mapping', () => {
    expect(errorsOf('rules: [\n')[0]).toMatch(/^repo\/\.parapet\.yml:\d+: not valid YAML/);
    expect(errorsOf('rules: {}\nrules: {}\n')[0]).toMatch(/^repo\/\.parapet\.yml:2: not valid YAML \(DUPLICATE_KEY\)/);
    expect(errorsOf('- rules\n')).toEqual(['repo/.parapet.yml:1: the configuration must be a mapping of rules, networks, overrides and ignore']);
  });

  it('does not echo a secret pasted into it', () => {
    const errors = errorsOf('ghp_0123456789abcdefghijklmnopqrstuvwxyzAB: 1\n');
    expect(errors.join('\n')).not.toContain('ghp_0123456789');
  });

  it('`parapet init` writes a valid configuration that changes nothing', () => {
    const policy = read(STARTER_CONFIG);
    expect(policy).toEqual({ file: 'repo/.parapet.yml', rules: new Map(), trustedNetworks: [], appPorts: [8081, 8084], overrides: [], ignores: [] });
  });
});
