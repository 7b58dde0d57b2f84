import { describe, expect, it } from 'vitest';
import { parseAddresses } from '../../src/parsers/netsh/addresses.js';
import { parsePorts } from '../../src/parsers/netsh/ports.js';
import { crlf, loadText, onlyAsset } from './helpers.js';

describe('netsh LocalPort values', () => {
  it('reads numbers, lists, ranges and Any', () => {
    expect(parsePorts('80,64831,6666')).toEqual({ ports: [{ from: 80, to: 80 }, { from: 64831, to: 64831 }, { from: 6666, to: 6666 }], problems: [] });
    expect(parsePorts('5000-5600').ports).toEqual([{ from: 5000, to: 5600 }]);
    expect(parsePorts('Any').ports).toEqual([{ from: 0, to: 65535 }]);
    expect(parsePorts('Beliebig').ports).toEqual([{ from: 0, to: 65535 }]);
  });

  it('maps the keywords: RPC and Teredo to the dynamic range, RPC-EPMap to 135, IP-HTTPS to 443', () => {
    expect(parsePorts('RPC').ports).toEqual([{ from: 49152, to: 65535 }]);
    expect(parsePorts('RPC-EPMap,RPCEPMap').ports).toEqual([{ from: 135, to: 135 }, { from: 135, to: 135 }]);
    expect(parsePorts('IPHTTPS,IPHTTPSIn').ports).toEqual([{ from: 443, to: 443 }, { from: 443, to: 443 }]);
    expect(parsePorts('Teredo').ports).toEqual([{ from: 49152, to: 65535 }]);
  });

  it('refuses what is not a port, one message per item', () => {
    const parsed = parsePorts('22,65536,10-5,PlayToDiscovery,__proto__,-1');
    expect(parsed.ports).toEqual([{ from: 22, to: 22 }]);
    expect(parsed.problems).toHaveLength(5);
    expect(parsed.problems[0]).toBe("port '65536' is neither a number 0-65535, a range like 5000-5600, Any nor a known keyword (RPC, RPC-EPMap, IPHTTPS, Teredo)");
  });
});

describe('netsh RemoteIP values', () => {
  it('classifies Any, keywords, CIDRs, masks, ranges, single addresses and IPv6', () => {
    const parsed = parseAddresses('Any,LocalSubnet,DefaultGateway,Intranet,DNS,Internet,10.0.0.0/255.0.0.0,10.0.0.1-10.0.0.255,203.0.113.5,2001:db8::/32,fe80::1-fe80::ff,172.16.5.4/12');
    expect(parsed.problems).toEqual([]);
    expect(parsed.addresses).toEqual([
      { kind: 'any', text: 'Any' },
      { kind: 'symbol', name: 'LocalSubnet', public: 'no', text: 'LocalSubnet' },
      { kind: 'symbol', name: 'DefaultGateway', public: 'no', text: 'DefaultGateway' },
      { kind: 'symbol', name: 'Intranet', public: 'no', text: 'Intranet' },
      { kind: 'symbol', name: 'DNS', public: 'unknown', text: 'DNS' },
      { kind: 'symbol', name: 'Internet', public: 'yes', text: 'Internet' },
      { kind: 'cidr', cidr: '10.0.0.0/8', text: '10.0.0.0/255.0.0.0' },
      { kind: 'range', first: '10.0.0.1', last: '10.0.0.255', text: '10.0.0.1-10.0.0.255' },
      { kind: 'cidr', cidr: '203.0.113.5/32', text: '203.0.113.5' },
      { kind: 'cidr', cidr: '2001:db8::/32', text: '2001:db8::/32' },
      { kind: 'range', first: 'fe80::1', last: 'fe80::ff', text: 'fe80::1-fe80::ff' },
      { kind: 'cidr', cidr: '172.16.0.0/12', text: '172.16.5.4/12' },
    ]);
  });

  it('refuses octal/short IPv4 forms, bad masks, reversed and mixed ranges', () => {
    const parsed = parseAddresses('010.1.1.1x,127.1,10.0.0.0/255.0.255.0,10.0.0.9-10.0.0.1,10.0.0.1-fe80::1,10.0.0.0/33,constructor');
    expect(parsed.addresses).toEqual([]);
    expect(parsed.problems).toHaveLength(7);
  });
});

describe('netsh rule fields', () => {
  const rule = (fields: Record<string, string>) => crlf(['', 'Rule Name:                            r', '-'.repeat(70),
    ...Object.entries({ Enabled: 'Yes', Direction: 'In', Action: 'Allow', ...fields }).map(([label, value]) => `${label}:`.padEnd(38) + value)]);

  it.each([
    ['TCP', 'tcp'], ['UDP', 'udp'], ['Any', 'any'], ['ICMPv4', 'icmp'], ['ICMPv6', 'icmpv6'], ['6', 'tcp'], ['17', 'udp'], ['47', '47'], ['Beliebig', 'any'],
  ])('Protocol %s → %s', (text, protocol) => {
    expect(onlyAsset(loadText(rule({ Protocol: text }))).rules[0].protocol).toBe(protocol);
  });

  it('Bypass is judged as allow; Block as deny', () => {
    expect(onlyAsset(loadText(rule({ Action: 'Bypass' }))).rules[0].action).toBe('allow');
    expect(onlyAsset(loadText(rule({ Action: 'Block' }))).rules[0].action).toBe('deny');
  });

  it('ignores LocalPort for protocols without ports, and keeps LocalIP when it restricts', () => {
    const asset = onlyAsset(loadText(rule({ Protocol: 'ICMPv4', LocalPort: 'nonsense', LocalIP: '192.168.1.10' })));
    expect(asset.rules[0].ports).toEqual([{ from: 0, to: 65535 }]);
    expect(asset.rules[0].local).toEqual([{ kind: 'cidr', cidr: '192.168.1.10/32', text: '192.168.1.10' }]);
  });

  it('a missing Enabled, Profiles, RemoteIP or Protocol means the permissive default', () => {
    const text = crlf(['', 'Rule Name:                            minimal', 'Direction:                            In', 'Action:                               Allow']);
    const [only] = onlyAsset(loadText(text)).rules;
    expect(only).toMatchObject({ enabled: true, protocol: 'any', scopes: ['Domain', 'Private', 'Public'], remote: [{ kind: 'any' }], ports: [{ from: 0, to: 65535 }] });
  });

  it('takes the destination port from LocalPort inbound and from RemotePort outbound; the other side is the source port', () => {
    const inbound = onlyAsset(loadText(rule({ Protocol: 'UDP', LocalPort: '123', RemotePort: '123' }))).rules[0];
    expect([inbound.ports, inbound.sourcePorts]).toEqual([[{ from: 123, to: 123 }], [{ from: 123, to: 123 }]]);
    const outbound = onlyAsset(loadText(rule({ Direction: 'Out', Protocol: 'TCP', LocalPort: 'Any', RemotePort: '443,8443' }))).rules[0];
    expect([outbound.ports, outbound.sourcePorts]).toEqual([[{ from: 443, to: 443 }, { from: 8443, to: 8443 }], undefined]);
  });

  it('gives rules that share a name distinct, stable ids', () => {
    const text = rule({ Profiles: 'Domain' }) + rule({ Profiles: 'Public' }).replace(/^\r\n/, '\r\n');
    expect(onlyAsset(loadText(text)).rules.map((each) => each.id)).toEqual(['r', 'r #2']);
  });
});
