import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetworkAsset, NetworkRule } from '../../src/network/model.js';
import { parseUserRules } from '../../src/parsers/ufw/user-rules.js';
import { CORPUS, loadUfwFile, hostAsset } from './load.js';
import { statusRows, type StatusMode } from './status-format.js';

const ORACLE_DIRECTORIES = readdirSync(CORPUS).filter((name) => name.startsWith('oracle-')).sort();
const STATUS_FILES: Record<StatusMode, string> = { plain: 'status.txt', verbose: 'status-verbose.txt', numbered: 'status-numbered.txt' };

/** What decides a packet, without labels and lines: one list per (direction, address family), in evaluation order. */
function ruleSets(rules: NetworkRule[]): Record<string, string[]> {
  const sets: Record<string, string[]> = {};
  for (const rule of [...rules].sort((a, b) => a.priority - b.priority)) {
    const family = rule.remote[0].kind === 'cidr' && rule.remote[0].cidr.includes(':') ? 'v6' : 'v4';
    const key = `${rule.direction} ${family}`;
    const ports = rule.ports.map((range) => `${range.from}-${range.to}`).join(',');
    const sourcePorts = rule.sourcePorts?.map((range) => `${range.from}-${range.to}`).join(',') ?? 'any';
    const remote = rule.remote.map((address) => (address.kind === 'cidr' ? address.cidr : address.kind)).join(',');
    const local = rule.local?.map((address) => (address.kind === 'cidr' ? address.cidr : address.kind)).join(',') ?? 'any';
    (sets[key] ??= []).push(`${rule.action} ${rule.protocol} ${ports} from ${remote}:${sourcePorts} to ${local} ${rule.appliesTo ?? ''}`.trim());
  }
  return sets;
}

function statusAsset(directory: string, mode: StatusMode): NetworkAsset {
  const result = loadUfwFile(join(CORPUS, directory, STATUS_FILES[mode]));
  expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
  return hostAsset(result);
}

function userRulesAssets(directory: string): NetworkAsset[] {
  return ['user.rules', 'user6.rules'].map((name) => {
    const result = loadUfwFile(join(CORPUS, directory, name));
    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    return hostAsset(result);
  });
}

describe.each(ORACLE_DIRECTORIES)('ufw corpus %s', (directory) => {
  const tuples = ['user.rules', 'user6.rules'].flatMap((name) => {
    const path = join(CORPUS, directory, name);
    return parseUserRules(path, readFileSync(path, 'utf8')).rules.map((located) => located.rule);
  });
  const active = readFileSync(join(CORPUS, directory, 'status.txt'), 'utf8').startsWith('Status: active');

  it.each(['plain', 'verbose', 'numbered'] as const)('every rule row of ufw status %s is what ufw prints for the user.rules tuples', (mode) => {
    const printed = readFileSync(join(CORPUS, directory, STATUS_FILES[mode]), 'utf8').split('\n');
    const ruler = printed.findIndex((line) => /^\s*--/.test(line));
    const rows = ruler < 0 ? [] : printed.slice(ruler + 1).filter((line) => line !== '');
    expect(rows).toEqual(active ? statusRows(tuples, mode) : []);
  });

  it('the three status forms and user.rules + user6.rules give the same rules in the same order', () => {
    const [v4, v6] = userRulesAssets(directory);
    const fromFiles = ruleSets([...v4.rules, ...v6.rules.map((rule) => ({ ...rule, priority: rule.priority + 10_000 }))]);
    for (const mode of ['plain', 'verbose', 'numbered'] as const) {
      const asset = statusAsset(directory, mode);
      expect(asset.scopes[0].enabled).toBe(active);
      if (active) expect(ruleSets(asset.rules), mode).toEqual(fromFiles);
      else expect(asset.rules).toEqual([]);
    }
  });

  it('the state and the default policy come from the Status and Default lines (or ufw.conf beside user.rules)', () => {
    const verbose = statusAsset(directory, 'verbose');
    const scope = verbose.scopes[0];
    expect(scope.stateLocation).toEqual({ file: join(CORPUS, directory, 'status-verbose.txt'), line: 1 });
    const [v4] = userRulesAssets(directory);
    expect(v4.scopes[0].enabled).toBe(scope.enabled);
    expect(v4.scopes[0].stateLocation?.file).toBe(join(CORPUS, directory, 'ufw.conf'));
    if (!active) return;
    const defaultLine = readFileSync(join(CORPUS, directory, 'status-verbose.txt'), 'utf8').split('\n')[2];
    const [, incoming, outgoing] = /^Default: (\w+) \(incoming\), (\w+) \(outgoing\)/.exec(defaultLine)!;
    expect([scope.defaultInbound, scope.defaultOutbound]).toEqual([incoming, outgoing]);
    expect(scope.defaultLocation?.line).toBe(3);
  });
});

describe('ufw corpus facts', () => {
  it('oracle-full: rules, labels and lines as the capture shows them', () => {
    const asset = statusAsset('oracle-full', 'numbered');
    const ssh = asset.rules.find((rule) => rule.label === "ufw rule [3] 'OpenSSH ALLOW IN Anywhere'")!;
    expect(ssh).toMatchObject({ direction: 'inbound', action: 'allow', protocol: 'tcp', ports: [{ from: 22, to: 22 }], location: { line: 7 } });
    expect(ssh.remote).toEqual([{ kind: 'cidr', cidr: '0.0.0.0/0', text: 'Anywhere' }]);
    const telnet = asset.rules.filter((rule) => rule.label.startsWith('ufw rule [6]'));
    // 'ufw deny 23' is TCP and UDP: protocol 'any' with a port, as the reachability query reads it.
    expect(telnet.map((rule) => `${rule.action} ${rule.protocol} ${rule.ports[0].from}`)).toEqual(['deny any 23']);
    const ntp = asset.rules.find((rule) => rule.label.startsWith('ufw rule [22]'))!;
    expect(ntp).toMatchObject({ protocol: 'udp', ports: [{ from: 123, to: 123 }], sourcePorts: [{ from: 123, to: 123 }], appliesTo: 'on eth0' });
    const postgres = asset.rules.find((rule) => rule.label.startsWith('ufw rule [18]'))!;
    expect(postgres.local).toEqual([{ kind: 'cidr', cidr: '203.0.113.5/32', text: '203.0.113.5' }]);
    // Route rules ([16], [17], [34]) judge forwarded traffic, not this host.
    expect(asset.rules.some((rule) => /\[(16|17|34)\]/.test(rule.label))).toBe(false);
    expect(asset.asset).toEqual({ kind: 'ufw', id: join(CORPUS, 'oracle-full', 'status-numbered.txt') });
    expect(asset.semantics).toBe('first-match');
  });

  it('oracle-edge: esp on an address, a source-port rule, a comment with # and UTF-8', () => {
    const asset = statusAsset('oracle-edge', 'verbose');
    const esp = asset.rules.find((rule) => rule.protocol === 'esp')!;
    expect(esp.remote[0]).toMatchObject({ cidr: '198.51.100.0/24' });
    const multi = asset.rules.find((rule) => rule.ports.length === 3)!;
    expect(multi.ports).toEqual([{ from: 8081, to: 8081 }, { from: 8084, to: 8084 }, { from: 9000, to: 9100 }]);
    expect(multi.id).toContain('8081,8084,9000:9100');
    const linkLocal = asset.rules.find((rule) => rule.appliesTo === 'on wg0')!;
    expect(linkLocal).toMatchObject({ action: 'deny', protocol: 'any', remote: [{ cidr: 'fe80::/10' }] });
  });

  it('oracle-inactive: ufw is off although user.rules holds rules', () => {
    expect(statusAsset('oracle-inactive', 'plain').scopes[0]).toMatchObject({ enabled: false, stateLocation: { line: 1 } });
    const [v4] = userRulesAssets('oracle-inactive');
    expect(v4.scopes[0].enabled).toBe(false);
    expect(v4.rules.map((rule) => rule.id)).toEqual(['allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in', 'allow any 3389 0.0.0.0/0 any 0.0.0.0/0 in']);
  });

  it('oracle-ipv6-off is mislabelled: its IPV6=no edit failed, so IPv6 is on (test/corpus/ufw/SOURCES.md)', () => {
    const directory = join(CORPUS, 'oracle-ipv6-off');
    expect(readFileSync(join(directory, 'default-ufw'), 'utf8')).toMatch(/^IPV6=yes$/m);
    expect(readFileSync(join(directory, 'status.txt'), 'utf8')).toContain('(v6)');
    expect(userRulesAssets('oracle-ipv6-off')[1].rules.length).toBeGreaterThan(0);
  });

  it('plain and numbered status warn that the default policy is not shown', () => {
    for (const mode of ['plain', 'numbered'] as const) {
      const result = loadUfwFile(join(CORPUS, 'oracle-default-allow', STATUS_FILES[mode]));
      expect(result.problems).toEqual([expect.objectContaining({ id: 'ufw/default-policy-unknown', level: 'warning', line: 1 })]);
      expect(hostAsset(result).scopes[0]).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'allow' });
      expect(hostAsset(result).scopes[0].defaultLocation).toBeUndefined();
    }
    expect(statusAsset('oracle-default-allow', 'verbose').scopes[0].defaultInbound).toBe('allow');
  });
});
