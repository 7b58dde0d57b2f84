import { describe, expect, it } from 'vitest';
import type { AddressMatch } from '../../src/network/model.js';
import { openings, publicPart } from '../../src/network/openings.js';
import type { Decision } from '../../src/network/decision.js';
import { reachability } from '../../src/network/reachability.js';
import { shadowedRules } from '../../src/network/shadowed-rules.js';
import { ANY, asset, cidr, port, rule, scope } from './build.js';

const ssh = { direction: 'inbound', protocol: 'tcp', port: 22 } as const;
const deciderOf = (decision: Decision) => (decision.decidedBy.kind === 'rule' ? decision.decidedBy.rule.id : decision.decidedBy.kind);
const summary = (decisions: Decision[]) => decisions.map((d) => `${d.action} ${deciderOf(d)} ${d.remotes.describe()}`);
const symbol = (name: string, isPublic: 'yes' | 'no' | 'unknown'): AddressMatch => ({ kind: 'symbol', name, public: isPublic, text: name });

describe('reachability, first match (ufw, Azure, GCP)', () => {
  it('a deny before an allow wins', () => {
    const fw = asset('first-match', [rule({ id: 'deny', action: 'deny', ports: port(22), priority: 1 }), rule({ id: 'allow', action: 'allow', ports: port(22), priority: 2 })]);
    const [result] = reachability(fw, ssh);
    expect(summary(result.decisions)).toEqual(['deny deny any address (0.0.0.0/0 and ::/0)']);
    expect(result.allowed.isEmpty()).toBe(true);
  });

  it('an allow before a deny wins, and the finding points at the allow', () => {
    const allow = rule({ id: 'allow', action: 'allow', ports: port(22), priority: 1 });
    const fw = asset('first-match', [allow, rule({ id: 'deny', action: 'deny', ports: port(22), priority: 2 })]);
    const [result] = reachability(fw, ssh);
    expect(summary(result.decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)']);
    expect(result.decisions[0].location).toEqual(allow.location);
  });

  it('a deny of 10.0.0.0/8 before an allow of 0.0.0.0/0 still exposes the public internet', () => {
    const fw = asset('first-match', [rule({ id: 'lan', action: 'deny', remote: [cidr('10.0.0.0/8')], priority: 1 }), rule({ id: 'world', action: 'allow', remote: [cidr('0.0.0.0/0')], priority: 2 })]);
    const allowed = reachability(fw, ssh)[0].allowed;
    expect(allowed.has('8.8.8.8')).toBe(true);
    expect(allowed.has('10.1.2.3')).toBe(false);
    expect(allowed.containsAllIpv4()).toBe(false);
    expect(allowed.hasPublicAddress()).toBe(true);
    expect(summary(reachability(fw, ssh)[0].decisions)).toEqual([
      'deny lan 10.0.0.0/8',
      'allow world any IPv4 address except 10.0.0.0/8',
      'deny default any IPv6 address (::/0)',
    ]);
    expect(allowed.coversInternet()).toBe(true);
  });

  it('an allow of ::/0 alone is the whole IPv6 internet', () => {
    const fw = asset('first-match', [rule({ action: 'allow', remote: [cidr('::/0')], ports: port(22) })]);
    const allowed = reachability(fw, ssh)[0].allowed;
    expect(allowed.containsWorld()).toBe(true);
    expect(allowed.containsAllIpv4()).toBe(false);
  });

  it('the default policy decides what no rule matches, located at the Default line', () => {
    const fw = asset('first-match', [rule({ action: 'deny', ports: port(23) })], [scope({ defaultInbound: 'allow' })]);
    const [result] = reachability(fw, ssh);
    expect(summary(result.decisions)).toEqual(['allow default any address (0.0.0.0/0 and ::/0)']);
    expect(result.decisions[0].location).toEqual({ file: 'fw.txt', line: 2 });
  });

  it('a firewall that is off lets everything in, located at its state line', () => {
    const fw = asset('first-match', [rule({ action: 'deny', ports: port(22) })], [scope({ enabled: false })]);
    const [result] = reachability(fw, ssh);
    expect(summary(result.decisions)).toEqual(['allow firewall-off any address (0.0.0.0/0 and ::/0)']);
    expect(result.decisions[0].location).toEqual({ file: 'fw.txt', line: 1 });
  });

  it('disabled rules are ignored', () => {
    const fw = asset('first-match', [rule({ action: 'deny', ports: port(22), enabled: false, priority: 1 }), rule({ id: 'allow', action: 'allow', ports: port(22), priority: 2 })]);
    expect(summary(reachability(fw, ssh)[0].decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)']);
  });

  it('limit counts as allow, reject as deny', () => {
    const limited = asset('first-match', [rule({ id: 'limit', action: 'limit', ports: port(22) })]);
    expect(summary(reachability(limited, ssh)[0].decisions)[0]).toMatch(/^allow limit/);
    const rejected = asset('first-match', [rule({ id: 'reject', action: 'reject', ports: port(22) })], [scope({ defaultInbound: 'allow' })]);
    expect(summary(reachability(rejected, ssh)[0].decisions)[0]).toMatch(/^deny reject/);
  });

  it('a port range containing 22 matches, one beside it does not', () => {
    const fw = asset('first-match', [rule({ id: 'range', action: 'allow', ports: [{ from: 20, to: 30 }] }), rule({ id: 'next', action: 'allow', ports: [{ from: 23, to: 30 }] })]);
    expect(summary(reachability(fw, ssh)[0].decisions)[0]).toMatch(/^allow range/);
    const only = asset('first-match', [rule({ action: 'allow', ports: [{ from: 23, to: 30 }] })]);
    expect(reachability(only, ssh)[0].allowed.isEmpty()).toBe(true);
  });

  it('a rule listing thousands of single ports matches exactly those ports', () => {
    const even = Array.from({ length: 32768 }, (_, i) => ({ from: i * 2, to: i * 2 }));
    const fw = asset('first-match', [rule({ action: 'allow', ports: even })]);
    expect(reachability(fw, { direction: 'inbound', protocol: 'tcp', port: 22 })[0].allowed.isEmpty()).toBe(false);
    expect(reachability(fw, { direction: 'inbound', protocol: 'tcp', port: 23 })[0].allowed.isEmpty()).toBe(true);
    const adjacent = asset('first-match', [rule({ id: 'all', action: 'allow', protocol: 'any', ports: Array.from({ length: 65536 }, (_, i) => ({ from: i, to: i })) })]);
    expect(summary(reachability(adjacent, { direction: 'inbound', protocol: 'icmp' })[0].decisions)[0]).toMatch(/^allow all/);
  });

  it('protocol any matches TCP and UDP; with ports it does not match ICMP', () => {
    const fw = asset('first-match', [rule({ id: 'any', action: 'allow', protocol: 'any', ports: port(3389) })]);
    expect(reachability(fw, { direction: 'inbound', protocol: 'udp', port: 3389 })[0].allowed.containsWorld()).toBe(true);
    expect(reachability(fw, { direction: 'inbound', protocol: 'tcp', port: 3389 })[0].allowed.containsWorld()).toBe(true);
    expect(reachability(fw, { direction: 'inbound', protocol: 'icmp' })[0].allowed.isEmpty()).toBe(true);
    const all = asset('first-match', [rule({ action: 'allow', protocol: '-1' })]);
    expect(reachability(all, { direction: 'inbound', protocol: 'icmp' })[0].allowed.containsWorld()).toBe(true);
  });

  it('the other direction is not looked at', () => {
    const fw = asset('first-match', [rule({ action: 'allow', direction: 'outbound', ports: port(22) })]);
    expect(reachability(fw, ssh)[0].allowed.isEmpty()).toBe(true);
  });

  it('Azure: priorities order user and default rules; a Deny at 100 beats an Allow at 300', () => {
    const defaults = [
      rule({ id: 'AllowVnetInBound', action: 'allow', protocol: 'any', remote: [symbol('VirtualNetwork', 'no')], priority: 65000 }),
      rule({ id: 'AllowAzureLoadBalancerInBound', action: 'allow', protocol: 'any', remote: [symbol('AzureLoadBalancer', 'no')], priority: 65001 }),
      rule({ id: 'DenyAllInBound', action: 'deny', protocol: 'any', priority: 65500 }),
    ];
    const nsg = asset('first-match', [rule({ id: 'allow-ssh', action: 'allow', remote: [symbol('Internet', 'yes')], ports: port(22), priority: 300 }), rule({ id: 'deny-ssh', action: 'deny', ports: port(22), priority: 100 }), ...defaults], [scope({ defaultInbound: 'deny' })], 'azure-nsg');
    expect(summary(reachability(nsg, ssh)[0].decisions)).toEqual(['deny deny-ssh any address (0.0.0.0/0 and ::/0)']);
    expect(summary(reachability(nsg, { direction: 'inbound', protocol: 'tcp', port: 8081 })[0].decisions)).toEqual([
      "allow AllowVnetInBound 'VirtualNetwork'",
      "allow AllowAzureLoadBalancerInBound 'AzureLoadBalancer'",
      'deny DenyAllInBound any address (0.0.0.0/0 and ::/0)',
    ]);
  });

  it('GCP: at equal priority the deny wins, whatever the order', () => {
    const vpc = asset('first-match', [rule({ id: 'allow', action: 'allow', priority: 1000, ports: port(22) }), rule({ id: 'deny', action: 'deny', priority: 1000, ports: port(22) })], [scope({ defaultInbound: 'deny' })], 'gcp-network');
    expect(summary(reachability(vpc, ssh)[0].decisions)).toEqual(['deny deny any address (0.0.0.0/0 and ::/0)']);
  });

  it('a deny limited to one local address protects only that address', () => {
    const fw = asset('first-match', [rule({ id: 'deny', action: 'deny', ports: port(22), local: [cidr('10.0.0.5/32')], priority: 1 }), rule({ id: 'allow', action: 'allow', ports: port(22), priority: 2 })]);
    expect(summary(reachability(fw, ssh)[0].decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)', 'deny deny any address (0.0.0.0/0 and ::/0)']);
  });

  it('a query at one local address and interface gets an exact answer', () => {
    const fw = asset('first-match', [rule({ id: 'deny', action: 'deny', ports: port(22), local: [cidr('10.0.0.5/32')], appliesTo: 'on eth0', priority: 1 }), rule({ id: 'allow', action: 'allow', ports: port(22), priority: 2 })]);
    expect(summary(reachability(fw, { ...ssh, local: '10.0.0.5', appliesTo: 'on eth0' })[0].decisions)).toEqual(['deny deny any address (0.0.0.0/0 and ::/0)']);
    expect(summary(reachability(fw, { ...ssh, local: '10.0.0.6', appliesTo: 'on eth0' })[0].decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)']);
    expect(summary(reachability(fw, { ...ssh, local: '10.0.0.5', appliesTo: 'on eth1' })[0].decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)']);
  });

  it('an allow on one interface leaves the other interfaces to the default policy; a deny on it protects only that interface', () => {
    const fw = asset('first-match', [
      rule({ id: 'deny-eth0', action: 'deny', ports: port(3389), appliesTo: 'on eth0', priority: 1 }),
      rule({ id: 'allow-eth0', action: 'allow', protocol: 'any', appliesTo: 'on eth0', priority: 2 }),
    ], [scope({ defaultInbound: 'allow' })]);
    expect(summary(reachability(fw, ssh)[0].decisions)).toEqual(['allow default any address (0.0.0.0/0 and ::/0)', 'allow allow-eth0 any address (0.0.0.0/0 and ::/0)']);
    expect(summary(reachability(fw, { direction: 'inbound', protocol: 'tcp', port: 3389 })[0].decisions)).toEqual(['allow default any address (0.0.0.0/0 and ::/0)', 'deny deny-eth0 any address (0.0.0.0/0 and ::/0)']);
  });

  it('a rule limited to some source ports decides the traffic from those ports, and only that', () => {
    const fw = asset('first-match', [rule({ id: 'deny', action: 'deny', ports: port(22), sourcePorts: port(123), priority: 1 }), rule({ id: 'allow', action: 'allow', ports: port(22), sourcePorts: port(53), priority: 2 })]);
    expect(summary(reachability(fw, ssh)[0].decisions).sort()).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)', 'deny default any address (0.0.0.0/0 and ::/0)', 'deny deny any address (0.0.0.0/0 and ::/0)']);
  });

  it('past 64 parts of the source ports, an allow limited to them counts for every source port and a deny for none', () => {
    const perPort = Array.from({ length: 70 }, (_, index) => rule({ id: `deny-${index}`, action: 'deny', ports: port(22), sourcePorts: port(1000 + index), priority: index }));
    const fw = asset('first-match', [...perPort, rule({ id: 'allow', action: 'allow', ports: port(22), sourcePorts: port(53), priority: 100 })]);
    expect(summary(reachability(fw, ssh)[0].decisions)).toEqual(['allow allow any address (0.0.0.0/0 and ::/0)']);
  });

  it('denies that together cover every source port protect the port', () => {
    const fw = asset('first-match', [
      rule({ id: 'low', action: 'deny', ports: port(22), sourcePorts: [{ from: 1, to: 1023 }], priority: 1 }),
      rule({ id: 'high', action: 'deny', ports: port(22), sourcePorts: [{ from: 1024, to: 65535 }], priority: 2 }),
      rule({ id: 'allow', action: 'allow', ports: port(22), priority: 3 }),
    ]);
    expect(reachability(fw, ssh)[0].allowed.isEmpty()).toBe(true);
  });
});

describe('reachability, block wins (Windows firewall)', () => {
  const profiles = [scope({ name: 'Domain' }), scope({ name: 'Private' }), scope({ name: 'Public', stateLocation: { file: 'fw.txt', line: 30 } })];

  it('a block beats an allow listed before it', () => {
    const fw = asset('block-wins', [rule({ id: 'allow', action: 'allow', ports: port(22) }), rule({ id: 'block', action: 'deny', ports: port(22), remote: [cidr('0.0.0.0/0')] })], profiles, 'windows-firewall');
    const [domain] = reachability(fw, ssh);
    expect(summary(domain.decisions)).toEqual(['deny block any IPv4 address (0.0.0.0/0)', 'allow allow any IPv6 address (::/0)']);
  });

  it('evaluates each profile with its own rules and state; a profile can be asked for alone', () => {
    const fw = asset('block-wins', [rule({ id: 'rdp', action: 'allow', ports: port(3389), scopes: ['Domain', 'Private'] })], [profiles[0], profiles[1], { ...profiles[2], enabled: false }], 'windows-firewall');
    const rdp = { direction: 'inbound', protocol: 'tcp', port: 3389 } as const;
    expect(reachability(fw, rdp).map((r) => `${r.scope.name}: ${summary(r.decisions).join('; ')}`)).toEqual([
      'Domain: allow rdp any address (0.0.0.0/0 and ::/0)',
      'Private: allow rdp any address (0.0.0.0/0 and ::/0)',
      'Public: allow firewall-off any address (0.0.0.0/0 and ::/0)',
    ]);
    const [publicOnly] = reachability(fw, { ...rdp, scope: 'public' });
    expect(publicOnly.decisions[0].location.line).toBe(30);
  });

  it('LocalSubnet is a name, not public; a block of LocalSubnet removes exactly that name', () => {
    const fw = asset('block-wins', [rule({ id: 'lan', action: 'allow', ports: port(22), remote: [symbol('LocalSubnet', 'no')] }), rule({ id: 'pl', action: 'allow', ports: port(22), remote: [symbol('pl-0abc', 'unknown')] })], profiles, 'windows-firewall');
    const allowed = reachability(fw, ssh)[0].allowed;
    expect(allowed.hasPublicAddress()).toBe(false);
    expect(allowed.possiblyPublicNames().map((n) => n.name)).toEqual(['pl-0abc']);
    const blocked = asset('block-wins', [...fw.rules, rule({ action: 'deny', ports: port(22), remote: [symbol('LocalSubnet', 'no')] })], profiles, 'windows-firewall');
    expect(summary(reachability(blocked, ssh)[0].decisions).filter((line) => line.startsWith('allow'))).toEqual(["allow pl 'pl-0abc'"]);
  });
});

describe('openings', () => {
  it('two lines with the same rule name are two openings with keys of their own', () => {
    const rdp = (text: string) => rule({ id: 'RDP', action: 'allow', ports: port(3389), remote: [cidr(text)] });
    const fw = asset('block-wins', [rdp('198.51.100.0/24'), rdp('203.0.113.0/24'), rdp('192.0.2.0/24')], [scope({ name: 'Public' })], 'windows-firewall');
    const found = openings(fw, 'inbound', [{ protocol: 'tcp', port: 3389 }], publicPart);
    expect(found.map(({ key, location }) => `${location.line} ${key}`)).toEqual(fw.rules.map(({ location }, index) => `${location.line} rule:RDP/tcp/3389${index === 0 ? '' : `#${index + 1}`}`));
  });
});

describe('reachability, allow only (AWS security groups)', () => {
  it('unions every allow; everything else is denied by the implied default', () => {
    const sg = asset('allow-only', [rule({ id: 'v4', action: 'allow', ports: port(22), remote: [cidr('0.0.0.0/0')] }), rule({ id: 'v6', action: 'allow', ports: port(22), remote: [cidr('::/0')] })], [], 'aws-security-group');
    const [result] = reachability(sg, ssh);
    expect(summary(result.decisions)).toEqual(['allow v4 any IPv4 address (0.0.0.0/0)', 'allow v6 any IPv6 address (::/0)']);
    expect(summary(reachability(sg, { direction: 'inbound', protocol: 'tcp', port: 80 })[0].decisions)).toEqual(['deny default any address (0.0.0.0/0 and ::/0)']);
  });
});

describe('shadowedRules', () => {
  it('finds an allow that an earlier deny covers entirely', () => {
    const deny = rule({ id: 'deny', action: 'deny', ports: port(22), priority: 1 });
    const office = rule({ id: 'office', action: 'allow', ports: port(22), remote: [cidr('203.0.113.5/32')], priority: 2 });
    const result = shadowedRules(asset('first-match', [deny, office]));
    expect(result.map((s) => [s.rule.id, s.shadowedBy.map((r) => r.id)])).toEqual([['office', ['deny']]]);
  });

  it('does not list an allow that comes first, one that is only partly covered, or one an earlier allow makes redundant', () => {
    const fw = asset('first-match', [
      rule({ id: 'first', action: 'allow', ports: port(80), priority: 1 }),
      rule({ id: 'deny-lan', action: 'deny', ports: port(22), remote: [cidr('10.0.0.0/8')], priority: 2 }),
      rule({ id: 'partly', action: 'allow', ports: [{ from: 20, to: 25 }], remote: [cidr('10.0.0.0/7')], priority: 3 }),
      rule({ id: 'redundant', action: 'allow', ports: port(80), remote: [cidr('203.0.113.0/24')], priority: 4 }),
      rule({ id: 'deny-http', action: 'deny', ports: port(80), priority: 5 }),
    ]);
    expect(shadowedRules(fw)).toEqual([]);
  });

  it('under block-wins a later block shadows an earlier allow; a range split across ports is checked on every port', () => {
    const fw = asset('block-wins', [
      rule({ id: 'allow', action: 'allow', ports: [{ from: 8000, to: 8100 }] }),
      rule({ id: 'block-low', action: 'deny', ports: [{ from: 7000, to: 8050 }] }),
      rule({ id: 'block-high', action: 'deny', ports: [{ from: 8051, to: 9000 }] }),
    ]);
    expect(shadowedRules(fw).map((s) => [s.rule.id, s.shadowedBy.map((r) => r.id).sort()])).toEqual([['allow', ['block-high', 'block-low']]]);
    const gap = asset('block-wins', fw.rules.filter((r) => r.id !== 'block-high'));
    expect(shadowedRules(gap)).toEqual([]);
  });

  it('a named allow before a deny-all is not shadowed (Azure AllowVnetInBound before DenyAllInBound)', () => {
    const nsg = asset('first-match', [
      rule({ id: 'deny-ssh', action: 'deny', ports: port(22), priority: 100 }),
      rule({ id: 'AllowVnetInBound', action: 'allow', protocol: 'any', remote: [symbol('VirtualNetwork', 'no')], priority: 65000 }),
      rule({ id: 'DenyAllInBound', action: 'deny', protocol: 'any', priority: 65500 }),
      rule({ id: 'late-vnet', action: 'allow', protocol: 'any', remote: [symbol('VirtualNetwork', 'no')], priority: 65501 }),
    ], [], 'azure-nsg');
    // The last rule repeats a name an earlier allow decided: redundant, not shadowed.
    expect(shadowedRules(nsg)).toEqual([]);
    const blocked = asset('block-wins', [rule({ id: 'lan', action: 'allow', remote: [symbol('LocalSubnet', 'no')] }), rule({ id: 'block', action: 'deny', remote: [symbol('LocalSubnet', 'no')] })]);
    expect(shadowedRules(blocked).map((s) => [s.rule.id, s.shadowedBy.map((r) => r.id)])).toEqual([['lan', ['block']]]);
  });

  it('an allow for any protocol is shadowed only when every protocol is denied', () => {
    const tcpOnly = asset('first-match', [rule({ action: 'deny', protocol: 'tcp', priority: 1 }), rule({ id: 'all', action: 'allow', protocol: 'any', remote: [ANY], priority: 2 })]);
    expect(shadowedRules(tcpOnly)).toEqual([]);
    const everything = asset('first-match', [rule({ id: 'deny', action: 'deny', protocol: 'any', priority: 1 }), rule({ id: 'all', action: 'allow', protocol: 'any', priority: 2 })]);
    expect(shadowedRules(everything).map((s) => s.rule.id)).toEqual(['all']);
  });
});
