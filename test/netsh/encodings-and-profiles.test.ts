import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessCodePage, redecodeLatin1 } from '../../src/parsers/netsh/code-pages.js';
import { CORPUS, crlf, loadBytes, loadText, onlyAsset, summarise } from './helpers.js';

const GERMAN_RULE = crlf([
  '', 'Regelname:                            Fernzugriff für Büro', '-'.repeat(70),
  'Aktiviert:                            Ja', 'Richtung:                             Eingehend', 'Profile:                              Domäne,Öffentlich',
  'RemoteIP:                             Beliebig', 'Protokoll:                            TCP', 'Lokaler Port:                         3389',
  'Aktion:                               Blockieren', 'OK.',
]);

describe('netsh encodings', () => {
  it('reads the same German rule from UTF-8, UTF-16LE with BOM, CP850 (OEM) and Windows-1252 (ANSI) bytes', () => {
    const cp850 = Buffer.from(GERMAN_RULE.replace(/[äÖü]/g, (char) => ({ ä: '\u0084', Ö: '\u0099', ü: '\u0081' })[char]!), 'latin1');
    expect(cp850.includes(0x84)).toBe(true);
    const variants = {
      utf8: Buffer.from(GERMAN_RULE, 'utf8'),
      utf16: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GERMAN_RULE, 'utf16le')]),
      cp850,
      ansi: Buffer.from(GERMAN_RULE, 'latin1'),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const asset = onlyAsset(loadBytes(bytes, `${name}.txt`));
      expect(asset.rules.map(summarise), name).toEqual(['in deny tcp 3389 from any [Domain,Public] on @2']);
      expect(asset.rules[0].label, name).toBe("rule 'Fernzugriff für Büro'");
    }
  });

  it('tells CP850 from Windows-1252 by the bytes 0x80–0x9F', () => {
    const corpusCp850 = readFileSync(join(CORPUS, 'show-rule-verbose.de-DE.fixture.cp850.txt')).toString('latin1');
    expect(guessCodePage(corpusCp850)).toBe('cp850');
    expect(redecodeLatin1(corpusCp850).text).toContain('Domäne,Privat,Öffentlich');
    expect(redecodeLatin1('Dom\u00e4ne').text).toBe('Domäne');
  });
});

describe('netsh profiles', () => {
  const profiles = (policy: Record<string, [string, string]>) => crlf(Object.entries(policy).flatMap(([name, [state, firewallPolicy]]) => [
    '', `${name} Profile Settings: `, '-'.repeat(70), `State                                 ${state}`, `Firewall Policy                       ${firewallPolicy}`,
    'LocalFirewallRules                    N/A (GPO-store only)', '', 'Logging:', 'MaxFileSize                           4096',
  ]).concat(['', 'Ok.']));

  it('judges rules and profiles captured into one file as one asset', () => {
    const rules = readFileSync(join(CORPUS, 'hackback-show-rule-name-all.en.txt'), 'utf8');
    const result = loadText(profiles({ Domain: ['ON', 'BlockInbound,AllowOutbound'], Private: ['ON', 'AllowInbound,AllowOutbound'], Public: ['OFF', 'BlockInbound,BlockOutbound'] }) + rules);
    const asset = onlyAsset(result);
    expect(result.problems).toEqual([]);
    expect(asset.rules).toHaveLength(2);
    expect(asset.scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound}/${scope.defaultOutbound}`)).toEqual([
      'Domain true deny/allow', 'Private true allow/allow', 'Public false deny/deny',
    ]);
  });

  it('BlockInboundAlways takes that profile away from every inbound allow rule, not from block rules', () => {
    const rules = crlf(['', 'Rule Name:                            rdp', 'Direction:                            In', 'Action:                               Allow', 'LocalPort:                            3389', 'Protocol:                             TCP',
      '', 'Rule Name:                            no smb', 'Direction:                            In', 'Action:                               Block', 'Protocol:                             TCP', 'LocalPort:                            445']);
    const asset = onlyAsset(loadText(profiles({ Domain: ['ON', 'BlockInbound,AllowOutbound'], Public: ['ON', 'BlockInboundAlways,AllowOutbound'] }) + rules));
    expect(asset.rules.map((rule) => `${rule.id} [${rule.scopes?.join(',')}]`)).toEqual(['rdp [Domain,Private]', 'no smb [Domain,Private,Public]']);
    expect(asset.scopes.find((scope) => scope.name === 'Public')?.defaultInbound).toBe('deny');
    // An allow rule for Public only applies nowhere under BlockInboundAlways.
    const publicOnly = rules.replace('Rule Name:                            rdp', 'Rule Name:                            rdp\r\nProfiles:                             Public');
    expect(onlyAsset(loadText(profiles({ Public: ['ON', 'BlockInboundAlways,AllowOutbound'] }) + publicOnly)).rules.map((rule) => rule.id)).toEqual(['no smb']);
  });

  it('reads German profile headers for all three profiles', () => {
    const text = crlf(['', 'Einstellungen für Domänenprofil:', '-'.repeat(70), 'Status                                AUS', 'Firewallrichtlinie                    AllowInbound,AllowOutbound',
      '', 'Einstellungen für Privates Profil:', '-'.repeat(70), 'Status                                EIN', 'Firewallrichtlinie                    BlockInbound,AllowOutbound',
      '', 'Einstellungen für Öffentliches Profil:', '-'.repeat(70), 'Status                                EIN', 'Firewallrichtlinie                    BlockInbound,AllowOutbound', '', 'OK.']);
    expect(onlyAsset(loadText(text)).scopes.map((scope) => `${scope.name} ${scope.enabled} ${scope.defaultInbound} @${scope.stateLocation?.line}`)).toEqual([
      'Domain false allow @4', 'Private true deny @9', 'Public true deny @14',
    ]);
  });
});
