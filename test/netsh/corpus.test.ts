import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, loadPath, onlyAsset, summarise } from './helpers.js';

const at = (name: string) => join(CORPUS, name);
const withoutFile = <T>(value: T): unknown => JSON.parse(JSON.stringify(value, (key, inner) => (key === 'file' || key === 'id' && typeof inner === 'string' && inner.includes('/') ? undefined : inner)));

describe('netsh corpus (golden)', () => {
  it('reads the verbatim Hackback `show rule name=all` capture, ICMP table included', () => {
    const result = loadPath(at('hackback-show-rule-name-all.en.txt'));
    const asset = onlyAsset(result);
    expect(asset.asset).toEqual({ kind: 'windows-firewall', id: at('hackback-show-rule-name-all.en.txt') });
    expect(asset.semantics).toBe('block-wins');
    expect(asset.rules.map(summarise)).toEqual([
      'in allow icmp from any [Domain,Private,Public] on @2',
      'in allow tcp 80,64831,6666 from any [Domain,Private,Public] on @16',
    ]);
    expect(asset.rules.map((rule) => rule.label)).toEqual(["rule 'ping'", "rule 'web'"]);
    // No profile state in a rules export: Windows defaults, and a warning that says so.
    expect(asset.scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound}/${scope.defaultOutbound}`)).toEqual([
      'Domain true deny/allow', 'Private true deny/allow', 'Public true deny/allow',
    ]);
    expect(result.problems.map((problem) => `${problem.id} ${problem.level}`)).toEqual(['netsh/profiles-missing warning']);
  });

  it('reads the verbatim Hackback `show currentprofile` capture: Public only, BlockInbound,BlockOutbound', () => {
    const result = loadPath(at('hackback-show-currentprofile.en.txt'));
    const asset = onlyAsset(result);
    expect(result.problems).toEqual([]);
    expect(asset.rules).toEqual([]);
    expect(asset.scopes).toEqual([{
      name: 'Public', enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny',
      stateLocation: { file: at('hackback-show-currentprofile.en.txt'), line: 4 },
      defaultLocation: { file: at('hackback-show-currentprofile.en.txt'), line: 5 },
    }]);
  });

  it('reads `show allprofiles`: Public is OFF with AllowInbound', () => {
    const asset = onlyAsset(loadPath(at('show-allprofiles.synthetic.en.txt')));
    expect(asset.scopes.map((scope) => `${scope.name} ${scope.enabled ? 'ON' : 'OFF'} ${scope.defaultInbound}/${scope.defaultOutbound} @${scope.stateLocation?.line},${scope.defaultLocation?.line}`)).toEqual([
      'Domain ON deny/allow @4,5', 'Private ON deny/allow @20,21', 'Public OFF allow/allow @36,37',
    ]);
  });

  it('reads the German `show currentprofile` (Status EIN, Firewallrichtlinie)', () => {
    const asset = onlyAsset(loadPath(at('show-currentprofile.de-DE.fixture.txt')));
    expect(asset.scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound}/${scope.defaultOutbound} @${scope.stateLocation?.line},${scope.defaultLocation?.line}`)).toEqual([
      'Private true deny/allow @5,6',
    ]);
  });

  it('reads `show rule name=all verbose`: lists, ranges, LocalSubnet, disabled and Block rules, Edge traversal', () => {
    const asset = onlyAsset(loadPath(at('show-rule-name-all-verbose.synthetic.en.txt')));
    expect(asset.rules.map(summarise)).toEqual([
      'out allow udp 53 to any [Domain,Private,Public] on @2',
      'in allow tcp 3389 from 152.14.53.0/26,10.10.1.2-10.10.2.22 [Domain,Private,Public] on @22',
      'in allow tcp 8081-8084 from any [Public] on @41',
      'in allow tcp 5985 from LocalSubnet(no) [Public] off @60',
      'in deny tcp 445 from any [Domain,Private,Public] on @79',
    ]);
    expect(asset.rules[0].appliesTo).toBe('program C:\\Windows\\system32\\svchost.exe; service dnscache');
    expect(asset.rules[1].id).toBe('VCL: allow RDP port 3389');
  });

  it('parses the UTF-16LE (BOM) copy to exactly the same asset as the UTF-8 original', () => {
    const utf8 = loadPath(at('show-rule-name-all-verbose.synthetic.en.txt'));
    const utf16 = loadPath(at('show-rule-name-all-verbose.synthetic.en.utf16le-bom.txt'));
    expect(withoutFile(utf16)).toEqual(withoutFile(utf8));
    expect(onlyAsset(utf16).rules).toHaveLength(5);
  });

  it('reads the German verbose rule, and its CP850 copy to the same rule (Domäne, Öffentlich, Beliebig, Zulassen)', () => {
    const utf8 = loadPath(at('show-rule-verbose.de-DE.fixture.txt'));
    const cp850 = loadPath(at('show-rule-verbose.de-DE.fixture.cp850.txt'));
    expect(onlyAsset(utf8).rules.map(summarise)).toEqual(['in allow any from any [Domain,Private,Public] on @2']);
    expect(onlyAsset(utf8).rules[0].label).toBe("rule 'StonkAgents Agent'");
    expect(withoutFile(cp850)).toEqual(withoutFile(utf8));
  });

  it('reads the PowerShell JSON join: integer enums, profile bit mask, collapsed single-element arrays', () => {
    const asset = onlyAsset(loadPath(at('get-netfirewallrule-portfilter.synthetic.json')));
    expect(asset.rules.map(summarise)).toEqual([
      'in allow tcp 8081-8084 from any [Public] on @2',
      'in allow tcp 3389 from any [Domain,Private,Public] on @27',
    ]);
    expect(asset.rules[1].label).toBe("rule 'Remote Desktop - User Mode (TCP-In)'");
  });

  it.each([['show-rule-no-match.en.fixture.txt', 'No rules match the specified criteria.'], ['show-rule-no-match.de-DE.fixture.txt', 'Keine Regeln stimmen mit den angegebenen Kriterien überein.']])(
    'refuses %s: no rules, nothing judged (error)', (name, text) => {
      const result = loadPath(at(name));
      expect(result.models).toEqual([]);
      expect(result.problems).toEqual([{
        id: 'netsh/no-rules', level: 'error', file: at(name), line: 2,
        message: `no rules: nothing could be judged — netsh printed "${text}"; capture \`netsh advfirewall firewall show rule name=all\``,
      }]);
    });

  it('covers every file of the corpus', () => {
    const files = readdirSync(CORPUS).filter((name) => name !== 'SOURCES.md');
    for (const name of files) {
      const result = loadPath(at(name));
      expect(result.models.length + result.problems.filter((problem) => problem.level === 'error').length, name).toBeGreaterThan(0);
    }
    expect(files).toHaveLength(11);
  });
});
