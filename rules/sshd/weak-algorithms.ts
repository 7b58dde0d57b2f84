import { defineRule } from '../../src/engine/rule.js';
import type { SshdSetting } from '../../src/model/sshd-config.js';
import { judgeEachContext, wordsOf } from './each-setting.js';
import { cis, devSec, manual, MOZILLA_MODERN, SSH_AUDIT } from './references.js';
import { WEAK_ALGORITHMS } from './weak-algorithm-names.js';

export default defineRule({
  id: 'sshd/weak-algorithms',
  title: 'sshd enables weak ciphers, MACs, key exchanges or signature algorithms',
  severity: 'medium',
  tags: ['security', 'ssh', 'cryptography'],
  input: 'sshd',
  references: [
    ...cis('5.2.13', '5.1.6'),
    ...cis('5.2.14', '5.1.15'),
    ...cis('5.2.15', '5.1.12'),
    devSec('sshd-01'),
    devSec('sshd-02'),
    devSec('sshd-03'),
    SSH_AUDIT,
    MOZILLA_MODERN,
    manual('Ciphers'),
    manual('MACs'),
    manual('KexAlgorithms'),
  ],
  rationale: [
    'A client and server use the first algorithm they both support, so one weak entry in the server\'s list is used by',
    'every old or downgraded client: CBC ciphers and 3DES leak plaintext, MD5 and SHA-1 MACs and SHA-1 key exchanges',
    'rest on broken hashes, and `ssh-rsa` signatures are SHA-1.',
    '',
    "OpenSSH's own default MACs list still enables `hmac-sha1` and `hmac-sha1-etm@openssh.com`, so a configuration",
    'that never sets `MACs` is reported (at line 1 of `sshd_config`). A `+` list (`Ciphers +aes128-cbc`) adds to the',
    'default and is expanded before judging.',
  ].join('\n'),
  remediation: [
    'Name only strong algorithms (ssh-audit\'s hardening guide for OpenSSH 9):',
    '',
    '```',
    'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr',
    'MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com',
    'KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha256',
    '```',
    '',
    'On RHEL and Fedora, set the system crypto policy instead (`update-crypto-policies --set FUTURE`): its include wins.',
  ].join('\n'),
  check(model) {
    return WEAK_ALGORITHMS.flatMap(({ keyword, globalOnly, isWeak, why }) =>
      judgeEachContext(model, { keyword, globalOnly, safeValue: (setting) => strongOnly(setting, isWeak) }, (setting, _context, where) => {
        const weak = wordsOf(setting).filter(isWeak);
        if (weak.length === 0) return undefined;
        return `${keyword} enables ${weak.join(', ')} ${where}: ${why}.`;
      }),
    );
  },
});

/** The list without its weak names, as one line of the keyword; undefined when nothing strong is left (that needs a choice). */
function strongOnly(setting: SshdSetting, isWeak: (name: string) => boolean): string | undefined {
  const strong = wordsOf(setting).filter((name) => !isWeak(name));
  return strong.length > 0 ? strong.join(',') : undefined;
}
