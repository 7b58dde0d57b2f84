import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, loadBytes, loadText, onlyAsset, summarise } from './helpers.js';

describe('PowerShell JSON export', () => {
  it('reads PowerShell 7 -EnumsAsStrings output and a single rule written without its array', () => {
    const text = JSON.stringify({ DisplayName: 'SQL Server', Enabled: 'True', Direction: 'Inbound', Action: 'Allow', Profile: 'Domain, Private', Protocol: 'TCP', LocalPort: '1433', RemoteAddress: ['10.0.0.0/255.0.0.0', 'LocalSubnet'] }, null, 2);
    const result = loadText(text, 'rules.json');
    expect(onlyAsset(result).rules.map(summarise)).toEqual(['in allow tcp 1433 from 10.0.0.0/8,LocalSubnet(no) [Domain,Private] on @1']);
  });

  it('reads the export as Windows PowerShell 5.1 `>` writes it: UTF-16LE with BOM, CRLF', () => {
    const json = readFileSync(join(CORPUS, 'get-netfirewallrule-portfilter.synthetic.json'), 'utf8').replace(/\n/g, '\r\n');
    const result = loadBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), 'rules.json');
    expect(onlyAsset(result).rules.map(summarise)).toEqual([
      'in allow tcp 8081-8084 from any [Public] on @2',
      'in allow tcp 3389 from any [Domain,Private,Public] on @27',
    ]);
  });

  it('points each rule at its object line and reads disabled and Block rules', () => {
    const text = [
      '[',
      '  {"DisplayName": "off", "Enabled": 2, "Direction": 1, "Action": 2, "Profile": 4, "Protocol": "UDP", "LocalPort": ["500", "4500"], "RemoteAddress": "Any"},',
      '  {',
      '    "DisplayName": "block out",',
      '    "Enabled": 1, "Direction": 2, "Action": 4, "Profile": 3, "Protocol": 6, "LocalPort": "Any", "RemoteAddress": "203.0.113.0/24"',
      '  }',
      ']',
    ].join('\n');
    const result = loadText(text, 'rules.json');
    expect(onlyAsset(result).rules.map(summarise)).toEqual([
      'in allow udp 500,4500 from any [Public] off @2',
      'out deny tcp 0-65535 to 203.0.113.0/24 [Domain,Private] on @3',
    ]);
  });

  it('reads Get-NetFirewallProfile objects into profile scopes, at their own lines', () => {
    const text = JSON.stringify([
      { Name: 'Domain', Enabled: 1, DefaultInboundAction: 4, DefaultOutboundAction: 2 },
      { Name: 'Private', Enabled: 0, DefaultInboundAction: 0, DefaultOutboundAction: 0 },
      { Name: 'Public', Enabled: 'True', DefaultInboundAction: 'Allow', DefaultOutboundAction: 'Block' },
    ], null, 2);
    const asset = onlyAsset(loadText(text, 'profiles.json'));
    expect(asset.scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound}/${scope.defaultOutbound} @${scope.stateLocation?.line},${scope.defaultLocation?.line}`)).toEqual([
      'Domain true deny/allow @4,5', 'Private false deny/allow @10,11', 'Public true allow/deny @16,17',
    ]);
  });

  it('does not let __proto__ or constructor keys or values change anything', () => {
    const text = '[{"__proto__": {"polluted": 1}, "DisplayName": "constructor", "Enabled": "constructor", "Direction": "__proto__", "Action": 2, "Protocol": "TCP", "LocalPort": "80", "RemoteAddress": "Any"}]';
    const result = loadText(text, 'evil.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(onlyAsset(result).rules).toEqual([]);
    expect(result.problems.some((problem) => problem.level === 'error' && problem.message.includes("Direction '__proto__'"))).toBe(true);
  });

  it('warns when a rule lacks RemoteAddress and judges it open to any address', () => {
    const text = JSON.stringify([{ DisplayName: 'a', Direction: 1, Action: 2, Protocol: 'TCP', LocalPort: '22', RemoteAddress: 'Any' }, { DisplayName: 'b', Direction: 1, Action: 2, Protocol: 'TCP', LocalPort: '23' }]);
    const result = loadText(text, 'rules.json');
    expect(onlyAsset(result).rules.map((rule) => rule.remote[0].kind)).toEqual(['any', 'any']);
    expect(result.problems.filter((problem) => problem.id === 'netsh/filter-missing').map((problem) => problem.level)).toEqual(['warning']);
  });
});
