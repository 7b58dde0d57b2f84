import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { judgeConfig, type ConfigUnderFix } from '../../src/fix/judge-config.js';
import { combinedChange, planFixes } from '../../src/fix/plan-fixes.js';
import { writeTree } from '../sshd/temp-tree.js';

/** Plans the fixes of a tree's sshd_config (read as this machine's, like a host) and returns the files' new texts. */
function fixedTexts(files: Record<string, string>): { texts: Record<string, string>; rules: string[]; withheld: string[]; unfixed: string[] } {
  const dir = writeTree(files);
  const config: ConfigUnderFix = { mainFile: join(dir, 'sshd_config'), boundary: { root: '/' }, settings: DEFAULT_RULE_SETTINGS };
  const judged = judgeConfig(config);
  if ('id' in judged) throw new Error(judged.message);
  const [planned] = planFixes(judged.findings, () => config);
  const change = planned ? combinedChange(planned) : [];
  if (typeof change === 'string') throw new Error(change);
  const texts: Record<string, string> = {};
  for (const { original, text } of change) texts[original.path.slice(dir.length + 1)] = text;
  for (const name of Object.keys(files)) expect(readFileSync(join(dir, name), 'utf8'), 'planning writes nothing').toBe(files[name].replaceAll('@DIR@', dir));
  const fixed = new Set(planned?.fixes.map(({ finding }) => finding) ?? []);
  return {
    texts: Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, text.replaceAll(dir, '@DIR@')])),
    rules: planned?.fixes.map(({ finding }) => `${finding.ruleId} ${finding.key}`) ?? [],
    withheld: planned?.withheld.map(({ reason }) => reason) ?? [],
    // sshd/mfa (a second factor) is a choice no configuration here makes.
    unfixed: judged.findings.filter((finding) => !fixed.has(finding) && finding.ruleId !== 'sshd/mfa').map((finding) => `${finding.ruleId} ${finding.key}`),
  };
}

const HARDENED = [
  'PermitRootLogin no', 'PasswordAuthentication no', 'KbdInteractiveAuthentication no', 'LogLevel VERBOSE', 'MaxAuthTries 3',
  'LoginGraceTime 30', 'MaxStartups 10:30:60', 'X11Forwarding no', 'AllowAgentForwarding no', 'AllowTcpForwarding no',
  'ClientAliveInterval 300', 'AllowUsers alice',
  'MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com',
];

describe('where a fix goes', () => {
  it('changes the value in place, keeping the keyword as written, its separator and a trailing comment', () => {
    const { texts, rules } = fixedTexts({ sshd_config: [...HARDENED.slice(1), '\tpermitrootlogin = "yes"   # for the migration', ''].join('\n') });
    expect(rules).toEqual(['sshd/permit-root-login global/permitrootlogin']);
    expect(texts.sshd_config).toBe([...HARDENED.slice(1), '\tpermitrootlogin = no   # for the migration', ''].join('\n'));
  });

  it('edits the drop-in that wins, not the later line of the main file sshd ignores', () => {
    const { texts } = fixedTexts({
      sshd_config: ['Include @DIR@/sshd_config.d/*.conf', ...HARDENED.filter((line) => !line.startsWith('PasswordAuthentication')), 'PasswordAuthentication no', ''].join('\n'),
      'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
      'sshd_config.d/60-cloudimg-settings.conf': 'PasswordAuthentication no\n',
    });
    expect(Object.keys(texts)).toEqual(['sshd_config.d/50-cloud-init.conf']);
    expect(texts['sshd_config.d/50-cloud-init.conf']).toBe('PasswordAuthentication no\n');
  });

  it('adds a line for a compiled-in default after the last global directive, before the first Match, in the file\'s line ends', () => {
    const main = ['# header', ...HARDENED.filter((line) => !line.startsWith('MaxAuthTries')), '', '# Match blocks:', 'Match User backup', '    MaxAuthTries 3', ''].join('\r\n');
    const { texts, rules } = fixedTexts({ sshd_config: main });
    expect(rules).toEqual(['sshd/max-auth-tries global/maxauthtries']);
    expect(texts.sshd_config).toBe(main.replace('\r\n\r\n# Match blocks:', '\r\nMaxAuthTries 4\r\n\r\n# Match blocks:'));
  });

  it('adds the line at the end of a file without a final newline, and at the top of a file of comments', () => {
    const last = HARDENED.filter((line) => !line.startsWith('LogLevel')).join('\n');
    expect(fixedTexts({ sshd_config: last }).texts.sshd_config).toBe(`${last}\nLogLevel VERBOSE`);
    const onlyMatch = fixedTexts({ sshd_config: '# nothing global\nMatch User backup\n    X11Forwarding no\n' }).texts.sshd_config;
    expect(onlyMatch).toMatch(/^([A-Za-z]+ \S+\n){5,}# nothing global\nMatch User backup\n    X11Forwarding no\n$/);
    expect(onlyMatch).toContain('PasswordAuthentication no\n');
  });

  it('removes only the weak names from an algorithm list, expanded as sshd expands it', () => {
    const { texts } = fixedTexts({ sshd_config: [...HARDENED, 'Ciphers +aes128-cbc', ''].join('\n') });
    expect(texts.sshd_config).toContain('\nCiphers chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com\n');
  });

  it('offers no fix for a Match block, a choice, or a setting an unread Include could decide', () => {
    const inMatch = fixedTexts({ sshd_config: [...HARDENED, 'Match User backup', '    PasswordAuthentication yes', ''].join('\n') });
    expect(inMatch.rules).toEqual([]);
    expect(inMatch.unfixed).toEqual(['sshd/password-authentication Match User backup/passwordauthentication']);
    const allWeak = fixedTexts({ sshd_config: [...HARDENED, 'Ciphers aes128-cbc', ''].join('\n') });
    expect(allWeak.rules).toEqual([]);
    expect(allWeak.unfixed).toEqual(['sshd/weak-algorithms global/ciphers']);
    const unread = fixedTexts({ sshd_config: ['Include /nonexistent-parapet-test/*.conf', ...HARDENED.filter((line) => !line.startsWith('LogLevel')), ''].join('\n') });
    expect(unread.rules).toEqual([]);
    expect(unread.unfixed).toEqual(['sshd/log-level global/loglevel']);
  });
});

describe('a configuration written to make checking slow', () => {
  it('gets no fix past 1,000 Match blocks, and says why', () => {
    const blocks = (count: number) => Array.from({ length: count }, (_, index) => `Match User u${index}\n    X11Forwarding no`);
    const main = (count: number) => [...HARDENED.filter((line) => !line.startsWith('MaxAuthTries')), ...blocks(count), ''].join('\n');
    expect(fixedTexts({ sshd_config: main(1_000) }).rules).toEqual(['sshd/max-auth-tries global/maxauthtries']);
    const { rules, withheld } = fixedTexts({ sshd_config: main(1_001) });
    expect(rules).toEqual([]);
    expect(withheld).toEqual(['the configuration has 1001 Match blocks: a fix is checked against every setting of every block, and fixes are offered for configurations of at most 1000']);
  });
});
