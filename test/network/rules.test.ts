import { describe, expect, it } from 'vitest';
import { NET_RULES } from '../../rules/net/index.js';
import { DEFAULT_RULE_SETTINGS, type RuleSettings } from '../../src/engine/rule.js';
import type { RuleFinding } from '../../src/model/finding.js';
import type { AddressMatch, NetworkAsset } from '../../src/network/model.js';
import { asset, cidr, port, rule, scope } from './build.js';

const ruleById = (id: string) => {
  const found = NET_RULES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const check = (id: string, model: NetworkAsset, settings: RuleSettings = DEFAULT_RULE_SETTINGS): RuleFinding[] => ruleById(id).check(model, settings);
const lines = (findings: RuleFinding[]) => findings.map((finding) => finding.location.line).sort((a, b) => a - b);
const symbol = (name: string, isPublic: 'yes' | 'no' | 'unknown'): AddressMatch => ({ kind: 'symbol', name, public: isPublic, text: name });
const windowsProfiles = () => ['Domain', 'Private', 'Public'].map((name, index) => scope({ name, stateLocation: { file: 'fw.txt', line: 100 + index }, defaultLocation: { file: 'fw.txt', line: 200 + index }, defaultOutbound: 'allow' }));

describe('net/ssh-open-to-world', () => {
  it('reports the rule that lets the world in, naming asset, rule, port and source, with a line-free key', () => {
    const open = rule({ id: 'Allow SSH', label: "rule 'Allow SSH'", action: 'allow', ports: port(22), remote: [cidr('0.0.0.0/0')] });
    const sg = asset('allow-only', [open], [], 'aws-security-group');
    sg.asset = { kind: 'aws-security-group', id: 'sg-0123', name: 'web' };
    const [finding, ...rest] = check('net/ssh-open-to-world', sg);
    expect(rest).toEqual([]);
    expect(finding.location).toEqual(open.location);
    expect(finding.asset.id).toBe('sg-0123');
    expect(finding.message).toBe("SSH (TCP 22) on sg-0123 (web) is reachable from any IPv4 address (0.0.0.0/0) through rule 'Allow SSH'. Allow SSH only from a VPN, office or bastion range.");
    expect(finding.key).toBe('rule:Allow SSH/tcp/22');
    expect(finding.key).not.toMatch(/\d+:\d+/);
  });

  it('reports an IPv6-only opening and a world split across two rules, not an office range', () => {
    const v6 = asset('allow-only', [rule({ action: 'allow', ports: port(22), remote: [cidr('::/0')] })], [], 'aws-security-group');
    expect(check('net/ssh-open-to-world', v6)).toHaveLength(1);
    const halves = asset('allow-only', [rule({ action: 'allow', ports: port(22), remote: [cidr('0.0.0.0/1')] }), rule({ action: 'allow', ports: port(22), remote: [cidr('128.0.0.0/1')] })], [], 'aws-security-group');
    expect(check('net/ssh-open-to-world', halves)).toHaveLength(2);
    const office = asset('allow-only', [rule({ action: 'allow', ports: port(22), remote: [cidr('203.0.113.0/24')] })], [], 'aws-security-group');
    expect(check('net/ssh-open-to-world', office)).toEqual([]);
  });

  it('an office IPv4 range beside an IPv6 opening is no part of it; an IPv4 rule that completes an IPv4 world is', () => {
    const office = rule({ id: 'office', action: 'allow', ports: port(22), remote: [cidr('203.0.113.0/24')], location: { file: 'sg.json', line: 2 } });
    const v6 = rule({ id: 'v6', action: 'allow', remote: [cidr('::/0')], location: { file: 'sg.json', line: 3 } });
    expect(lines(check('net/ssh-open-to-world', asset('allow-only', [office, v6], [], 'aws-security-group')))).toEqual([3]);
    const half = rule({ id: 'half', action: 'allow', ports: port(22), remote: [cidr('0.0.0.0/1')], location: { file: 'sg.json', line: 4 } });
    const rest = rule({ id: 'rest', action: 'allow', ports: port(22), remote: [cidr('128.0.0.0/1'), cidr('2001:db8::/32')], location: { file: 'sg.json', line: 5 } });
    const findings = check('net/ssh-open-to-world', asset('allow-only', [half, rest], [], 'aws-security-group'));
    expect(lines(findings)).toEqual([4, 5]);
    const completing = findings.find((finding) => finding.location.line === 5)!;
    expect(completing.message).toContain('128.0.0.0/1');
    expect(completing.message).not.toContain('2001:db8');
  });

  it('a port range containing 22 counts; a deny of one attacker before the allow does not make SSH private', () => {
    const fw = asset('first-match', [rule({ action: 'deny', remote: [cidr('198.51.100.7/32')], priority: 1 }), rule({ id: 'range', action: 'allow', ports: [{ from: 20, to: 30 }], priority: 2 })]);
    const [finding] = check('net/ssh-open-to-world', fw);
    expect(finding.message).toContain('any IPv4 address except 198.51.100.7/32');
  });

  it('a switched-off firewall and a default allow are reported at their own lines', () => {
    const off = asset('first-match', [], [scope({ enabled: false, stateLocation: { file: 'fw.txt', line: 1 } })]);
    expect(lines(check('net/ssh-open-to-world', off))).toEqual([1]);
    expect(check('net/ssh-open-to-world', off)[0].message).toContain('through the firewall being off');
    const defaultAllow = asset('first-match', [], [scope({ defaultInbound: 'allow', defaultLocation: { file: 'fw.txt', line: 3 } })]);
    expect(check('net/ssh-open-to-world', defaultAllow)[0].message).toContain("through the default inbound policy 'allow'");
  });

  it('two lines with the same rule name make two findings with different keys', () => {
    const fw = asset('block-wins', [rule({ id: 'Remote Access', action: 'allow', ports: port(22), remote: [cidr('0.0.0.0/0')] }), rule({ id: 'Remote Access', action: 'allow', ports: port(22), remote: [cidr('::/0')] })], windowsProfiles(), 'windows-firewall');
    const keys = check('net/ssh-open-to-world', fw).map((finding) => finding.key);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('one Windows rule on three profiles is one finding at its line, naming the profiles', () => {
    const fw = asset('block-wins', [rule({ id: 'ssh', label: "rule 'OpenSSH Server (sshd)'", action: 'allow', ports: port(22), scopes: ['Domain', 'Private', 'Public'] })], windowsProfiles(), 'windows-firewall');
    const findings = check('net/ssh-open-to-world', fw);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('on the Domain, Private and Public profiles');
  });
});

describe('net/rdp-open-to-world', () => {
  it('TCP and UDP 3389 of one rule make one finding; a rule for the VPN range makes none', () => {
    const fw = asset('first-match', [rule({ id: 'rdp', action: 'allow', protocol: 'any', ports: port(3389) })]);
    const [finding, ...rest] = check('net/rdp-open-to-world', fw);
    expect(rest).toEqual([]);
    expect(finding.message).toContain('RDP (TCP 3389 and UDP 3389) on host-1 is reachable from any address');
    expect(finding.key).toBe('rule:rdp/tcp/3389,udp/3389');
    const vpn = asset('first-match', [rule({ action: 'allow', protocol: 'any', ports: port(3389), remote: [cidr('10.8.0.0/16')] })]);
    expect(check('net/rdp-open-to-world', vpn)).toEqual([]);
  });

  it('Azure: an Allow from Internet at 300 behind a Deny at 100 is not reported; the Deny removed, it is', () => {
    const allow = rule({ id: 'allow-rdp', action: 'allow', ports: port(3389), remote: [symbol('Internet', 'yes')], priority: 300 });
    const deny = rule({ id: 'deny-rdp', action: 'deny', ports: port(3389), priority: 100 });
    const denyAll = rule({ id: 'DenyAllInBound', action: 'deny', protocol: 'any', priority: 65500 });
    expect(check('net/rdp-open-to-world', asset('first-match', [allow, deny, denyAll], [], 'azure-nsg'))).toEqual([]);
    expect(lines(check('net/rdp-open-to-world', asset('first-match', [allow, denyAll], [], 'azure-nsg')))).toEqual([allow.location.line]);
  });

  it('GCP: a deny at the same priority wins', () => {
    const allow = rule({ action: 'allow', ports: port(3389), priority: 1000 });
    const deny = rule({ action: 'deny', ports: port(3389), priority: 1000 });
    expect(check('net/rdp-open-to-world', asset('first-match', [allow, deny], [], 'gcp-network'))).toEqual([]);
  });
});

describe('net/app-port-public', () => {
  it('even one public address is reported; private, unique-local and LocalSubnet sources are not', () => {
    const one = asset('block-wins', [rule({ action: 'allow', ports: port(8081), remote: [cidr('198.51.100.7/32')] })], windowsProfiles(), 'windows-firewall');
    expect(check('net/app-port-public', one)).toHaveLength(1);
    const privateOnly = asset('block-wins', [rule({ action: 'allow', ports: [{ from: 8081, to: 8084 }], remote: [cidr('10.0.0.0/8'), cidr('fd00::/8'), symbol('LocalSubnet', 'no')] })], windowsProfiles(), 'windows-firewall');
    expect(check('net/app-port-public', privateOnly)).toEqual([]);
  });

  it('an AWS prefix list the input does not resolve is reported, not assumed private', () => {
    const sg = asset('allow-only', [rule({ action: 'allow', ports: port(8084), remote: [symbol('pl-0abc1234', 'unknown')] })], [], 'aws-security-group');
    const [finding] = check('net/app-port-public', sg);
    expect(finding.message).toContain("'pl-0abc1234'");
  });

  it('reads the ports from the settings', () => {
    const fw = asset('first-match', [rule({ action: 'allow', ports: port(9443) })]);
    expect(check('net/app-port-public', fw)).toEqual([]);
    expect(check('net/app-port-public', fw, { ...DEFAULT_RULE_SETTINGS, appPorts: [9443] })).toHaveLength(1);
  });
});

describe('net/all-ports-open-to-world and net/risky-port-open-to-world', () => {
  it('an AWS -1 permission from 0.0.0.0/0 opens all traffic; a port range from the world opens only its risky ports', () => {
    const all = asset('allow-only', [rule({ id: 'all', action: 'allow', protocol: '-1', remote: [cidr('0.0.0.0/0')] })], [], 'aws-security-group');
    expect(check('net/all-ports-open-to-world', all)[0].message).toContain('host-1 accepts all traffic (every protocol and port) from any IPv4 address (0.0.0.0/0)');
    const range = asset('allow-only', [rule({ action: 'allow', ports: [{ from: 5000, to: 7000 }], remote: [cidr('::/0')] })], [], 'aws-security-group');
    expect(check('net/all-ports-open-to-world', range)).toEqual([]);
    const [risky] = check('net/risky-port-open-to-world', range);
    expect(risky.message).toMatch(/^development web server \(TCP 5000\), PostgreSQL \(TCP 5432\), VNC listener \(TCP 5500\), Kibana \(TCP 5601\), VNC \(TCP 5900\), WinRM \(TCP 5985\), WinRM \(HTTPS\) \(TCP 5986\) and Redis \(TCP 6379\) on host-1 are reachable from any IPv6 address/);
  });

  it('risky ports leave SSH and RDP to their own rules', () => {
    const fw = asset('allow-only', [rule({ action: 'allow', ports: port(22) }), rule({ action: 'allow', ports: port(3389) })], [], 'aws-security-group');
    expect(check('net/risky-port-open-to-world', fw)).toEqual([]);
  });

  it('a catch-all allow after a deny of some ports still opens everything else', () => {
    const fw = asset('first-match', [rule({ action: 'deny', ports: port(22), priority: 1 }), rule({ id: 'everything', action: 'allow', protocol: 'any', priority: 2 })]);
    expect(check('net/all-ports-open-to-world', fw).map((f) => f.key)).toEqual(['rule:everything/tcp,udp,any other protocol']);
  });
});

describe('net/firewall-disabled and net/default-inbound-allow', () => {
  it('each switched-off Windows profile is one finding at its State line', () => {
    const profiles = windowsProfiles();
    profiles[2].enabled = false;
    const fw = asset('block-wins', [], profiles, 'windows-firewall');
    const findings = check('net/firewall-disabled', fw);
    expect(lines(findings)).toEqual([102]);
    expect(findings[0].message).toContain('is off on the Public profile');
  });

  it('profiles that share one line (no State lines in the input) make one finding there', () => {
    const profiles = windowsProfiles().map((profile) => ({ ...profile, enabled: false, stateLocation: undefined }));
    const findings = check('net/firewall-disabled', asset('block-wins', [], profiles, 'windows-firewall'));
    expect(findings.map((f) => [f.location.line, f.key])).toEqual([[1, 'Domain+Private+Public:firewall-off']]);
    expect(findings[0].message).toContain('is off on the Domain, Private and Public profiles');
  });

  it('a default allow is reported at the Default line unless a final deny-all makes it moot', () => {
    const fw = asset('first-match', [rule({ action: 'deny', ports: port(22) })], [scope({ defaultInbound: 'allow', defaultLocation: { file: 'fw.txt', line: 3 } })]);
    expect(lines(check('net/default-inbound-allow', fw))).toEqual([3]);
    const moot = asset('first-match', [rule({ action: 'deny', protocol: 'any', remote: [cidr('0.0.0.0/0')] }), rule({ action: 'deny', protocol: 'any', remote: [cidr('::/0')] })], [scope({ defaultInbound: 'allow' })]);
    expect(check('net/default-inbound-allow', moot)).toEqual([]);
  });
});

describe('net/windows-public-profile', () => {
  it('reports an admin or app port rule that applies on Public (Any included), not one limited to Domain and Private', () => {
    const onAny = rule({ id: 'flow', label: "rule 'Flow'", action: 'allow', ports: port(8081), remote: [cidr('10.0.0.0/8')] });
    const onPrivate = rule({ id: 'winrm', action: 'allow', ports: port(5985), scopes: ['Domain', 'Private'] });
    const web = rule({ id: 'web', action: 'allow', ports: port(443), scopes: ['Public'] });
    const findings = check('net/windows-public-profile', asset('block-wins', [onAny, onPrivate, web], windowsProfiles(), 'windows-firewall'));
    expect(findings.map((f) => f.message)).toEqual(["rule 'Flow' allows the application port (TCP 8081) on the Public profile of host-1 (from 10.0.0.0/8). Select only the Domain or Private profile for it."]);
  });

  it('says nothing about assets without a Public profile', () => {
    expect(check('net/windows-public-profile', asset('first-match', [rule({ action: 'allow', ports: port(22) })]))).toEqual([]);
  });
});

describe('net/egress-open-to-world', () => {
  it('reports the default allow outgoing and an AWS -1 egress rule; not an HTTPS-only egress', () => {
    const ufw = asset('first-match', [], [scope({ defaultOutbound: 'allow', defaultLocation: { file: 'fw.txt', line: 3 } })]);
    expect(lines(check('net/egress-open-to-world', ufw))).toEqual([3]);
    const egress = rule({ action: 'allow', direction: 'outbound', protocol: '-1', remote: [cidr('0.0.0.0/0')] });
    expect(lines(check('net/egress-open-to-world', asset('allow-only', [egress], [], 'aws-security-group')))).toEqual([egress.location.line]);
    const https = asset('allow-only', [rule({ action: 'allow', direction: 'outbound', ports: port(443) })], [], 'aws-security-group');
    expect(check('net/egress-open-to-world', https)).toEqual([]);
  });
});

describe('net/shadowed-rule', () => {
  it('names the rule and the deny that hides it', () => {
    const deny = rule({ id: 'deny', label: "ufw rule '22/tcp DENY IN Anywhere'", action: 'deny', ports: port(22), priority: 1 });
    const office = rule({ id: 'office', label: "ufw rule '22/tcp ALLOW IN 203.0.113.5'", action: 'allow', ports: port(22), remote: [cidr('203.0.113.5/32')], priority: 2 });
    const [finding] = check('net/shadowed-rule', asset('first-match', [deny, office]));
    expect(finding.location).toEqual(office.location);
    expect(finding.message).toBe("On host-1, ufw rule '22/tcp ALLOW IN 203.0.113.5' never takes effect: ufw rule '22/tcp DENY IN Anywhere' denies all its traffic first. Remove it or move it before the deny.");
  });
});

describe('every net rule', () => {
  it('survives an asset with no rules, no scopes and hostile addresses', () => {
    const hostile = asset('first-match', [rule({ action: 'allow', remote: [cidr('not-an-address'), { kind: 'range', first: '10.0.0.9', last: '10.0.0.1', text: 'x' }, cidr('1.2.3.4/99')] })], []);
    for (const net of NET_RULES) {
      expect(() => net.check(asset('allow-only', [], []), DEFAULT_RULE_SETTINGS)).not.toThrow();
      for (const finding of net.check(hostile, DEFAULT_RULE_SETTINGS)) expect(finding.location.line).toBeGreaterThan(0);
    }
  });
});
