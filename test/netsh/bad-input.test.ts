import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/model/problem.js';
import { crlf, loadBytes, loadText, onlyAsset, summarise } from './helpers.js';

const pad = (label: string, value: string) => `${label}:`.padEnd(38) + value;

function block(name: string, fields: [string, string][]): string[] {
  return ['', pad('Rule Name', name), '-'.repeat(70), ...fields.map(([label, value]) => pad(label, value))];
}

const RDP: [string, string][] = [
  ['Enabled', 'Yes'], ['Direction', 'In'], ['Profiles', 'Public'], ['Grouping', 'Remote Desktop'], ['LocalIP', 'Any'],
  ['RemoteIP', 'Any'], ['Protocol', 'TCP'], ['LocalPort', '3389'], ['RemotePort', 'Any'], ['Edge traversal', 'No'], ['Action', 'Allow'],
];

describe('netsh bad input', () => {
  it('reports a truncated last block at its Rule Name line and still judges the rules before it', () => {
    const text = crlf([...block('Remote Desktop - User Mode (TCP-In)', RDP), ...block('Cut off', RDP.slice(0, 6))]);
    const result = loadText(text, 'fw.txt');
    expect(onlyAsset(result).rules.map(summarise)).toEqual(['in allow tcp 3389 from any [Public] on @2']);
    const errors = result.problems.filter((problem) => problem.level === 'error');
    expect(errors.map(formatProblem)).toEqual([
      "fw.txt:16: rule 'Cut off' has no Action line, the capture looks cut off — the rule was not judged; capture the rules again, unedited (`netsh advfirewall firewall show rule name=all verbose` or the PowerShell export)",
    ]);
  });

  it('refuses a capture in an unknown language, naming the file and pointing at the PowerShell export', () => {
    const french = crlf(['', 'Nom de la règle :                     Bureau à distance', '-'.repeat(70), 'Activé :                              Oui', 'Sens :                                Entrée', 'Action :                              Autoriser', 'Ok.']);
    const result = loadText(french, 'C:/captures/fr.txt');
    expect(result.models).toEqual([]);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ id: 'netsh/unknown-language', level: 'error', file: 'C:/captures/fr.txt', line: 2 });
    expect(problem.message).toMatch(/^netsh output in a language Parapet does not read \(labels are neither English nor German\) — not judged; export with PowerShell instead/);
    expect(problem.message).toContain('Get-NetFirewallPortFilter');
    expect(problem.message).not.toMatch(/\n/);
  });

  it('refuses text that is not netsh output at all', () => {
    const result = loadText('hello\nworld\n', 'notes.txt');
    expect(result.models).toEqual([]);
    expect(result.problems.map((problem) => `${problem.id} ${problem.level}`)).toEqual(['input/unparseable error']);
  });

  it('names a bad Direction, Action, Enabled, Profiles or Protocol value at its own line and skips only that rule', () => {
    const bad = (label: string, value: string) => block(`bad ${label}`, RDP.map(([key, original]) => [key, key === label ? value : original] as [string, string]));
    const text = crlf([...bad('Direction', 'Sideways'), ...bad('Action', 'Maybe'), ...bad('Enabled', 'Perhaps'), ...bad('Profiles', 'Home'), ...bad('Protocol', 'TCP/IP?'), ...block('good', RDP)]);
    const result = loadText(text, 'fw.txt');
    expect(onlyAsset(result).rules.map((rule) => rule.id)).toEqual(['good']);
    expect(result.problems.filter((problem) => problem.level === 'error').map((problem) => `${problem.line} ${problem.message.split(' — ')[0]}`)).toEqual([
      "5 rule 'bad Direction': Direction 'Sideways' is neither In nor Out",
      "28 rule 'bad Action': Action 'Maybe' is neither Allow, Block nor Bypass",
      "32 rule 'bad Enabled': Enabled 'Perhaps' is neither Yes nor No",
      "48 rule 'bad Profiles': profile 'Home' is neither Domain, Private, Public nor Any",
      "66 rule 'bad Protocol': Protocol 'TCP/IP?' is neither TCP, UDP, Any, ICMPv4, ICMPv6 nor a number 0-255",
    ]);
  });

  it('leaves out one bad port or address of a list, says so, and judges the rest', () => {
    const fields = RDP.map(([key, value]) => [key, key === 'LocalPort' ? '3389,99999' : key === 'RemoteIP' ? '10.0.0.0/8,999.1.1.1' : value] as [string, string]);
    const result = loadText(crlf(block('partly bad', fields)), 'fw.txt');
    expect(onlyAsset(result).rules.map(summarise)).toEqual(['in allow tcp 3389 from 10.0.0.0/8 [Public] on @2']);
    expect(result.problems.filter((problem) => problem.level === 'error').map((problem) => problem.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([9, 11]);
  });

  it('drops a rule whose every address is unreadable rather than judging it open to any', () => {
    const fields = RDP.map(([key, value]) => [key, key === 'RemoteIP' ? 'somewhere' : value] as [string, string]);
    const result = loadText(crlf(block('nowhere', fields)), 'fw.txt');
    expect(onlyAsset(result).rules).toEqual([]);
    expect(result.problems.find((problem) => problem.level === 'error')?.line).toBe(9);
  });

  it('warns about a stray line inside a block and keeps the rule', () => {
    const lines = block('stray', RDP);
    lines.splice(5, 0, 'garbage without a colon');
    const result = loadText(crlf(lines), 'fw.txt');
    expect(onlyAsset(result).rules).toHaveLength(1);
    expect(result.problems.filter((problem) => problem.id === 'netsh/unreadable-line').map((problem) => [problem.line, problem.level])).toEqual([[6, 'warning']]);
  });

  it('says which profile line is missing or unreadable and assumes the Windows default', () => {
    const text = crlf(['', 'Domain Profile Settings: ', '-'.repeat(70), 'State                                 MAYBE', '', 'Private Profile Settings: ', '-'.repeat(70), 'Firewall Policy                       BlockInbound,Sometimes', 'Ok.']);
    const result = loadText(text, 'p.txt');
    expect(onlyAsset(result).scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound}/${scope.defaultOutbound}`)).toEqual(['Domain true deny/allow', 'Private true deny/allow']);
    expect(result.problems.map((problem) => `${problem.line} ${problem.level} ${problem.message.split(' — ')[0]}`)).toEqual([
      "4 error Domain profile: State 'MAYBE' is neither ON nor OFF",
      '2 warning Domain profile has no Firewall Policy line',
      '6 warning Private profile has no State line',
      "8 error Private profile: Firewall Policy 'Sometimes' is not one of BlockInbound, BlockInboundAlways, AllowInbound, BlockOutbound, AllowOutbound, NotConfigured",
    ]);
  });

  it('refuses broken, empty, deeply nested and filter-less PowerShell JSON with one clear error each', () => {
    const cases: [string, string, RegExp][] = [
      ['broken.json', '[{"DisplayName": "x", "Direction": 1,', /^not valid JSON \(\w+\) — not judged/],
      ['nested.json', '['.repeat(5000) + ']'.repeat(5000), /^JSON nests deeper than 32 levels/],
      ['bare.json', JSON.stringify([{ DisplayName: 'RDP', Direction: 1, Action: 2, Enabled: 1, Profile: 0 }]), /^Get-NetFirewallRule output has no Protocol, LocalPort or RemoteAddress: nothing could be judged — join the port and address filters/],
      ['other.json', JSON.stringify([{ hello: 'world' }]), /^no rules: nothing could be judged/],
    ];
    for (const [name, text, message] of cases) {
      const result = loadBytes(text, name);
      expect(result.models, name).toEqual([]);
      expect(result.problems.filter((problem) => problem.level === 'error'), name).toHaveLength(1);
      expect(result.problems[result.problems.length - 1].message, name).toMatch(message);
    }
  });
});

describe('netsh damaged at scale', () => {
  it('lists a hundred problems and counts the rest, still judging the good rules', () => {
    const lines = [...block('good', RDP)];
    for (let index = 0; index < 500; index++) lines.push('', `Rule Name:                            cut ${index}`);
    const result = loadText(crlf(lines), 'fw.txt');
    expect(onlyAsset(result).rules.map((rule) => rule.id)).toEqual(['good']);
    expect(result.problems).toHaveLength(101);
    expect(result.problems[100]).toMatchObject({ id: 'netsh/more-problems', level: 'error', message: '401 more problems like the ones above are not listed — capture the firewall again, unedited' });
  });
});
