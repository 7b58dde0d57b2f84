import { defineRule } from '../../src/engine/rule.js';
import { opensWithPasswordsOnly } from './auth-methods.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, flowSeed, manual, MOZILLA_MODERN } from './references.js';

export default defineRule({
  id: 'sshd/password-authentication',
  title: 'SSH password authentication is enabled',
  severity: 'high',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [
    flowSeed('PasswordAuthentication no  # Disable password auth'),
    devSec('sshd-27'),
    MOZILLA_MODERN,
    manual('PasswordAuthentication'),
  ],
  rationale: [
    'A server that accepts passwords can be brute-forced and phished: every account with a guessable or reused',
    'password is a way in, and stolen passwords work from anywhere. Keys cannot be guessed and never cross the wire.',
    '',
    'OpenSSH enables password authentication by default, and on Ubuntu cloud images cloud-init writes',
    '`PasswordAuthentication yes` into `/etc/ssh/sshd_config.d/50-cloud-init.conf`. That drop-in is included at the',
    'top of `sshd_config`, and the first value sshd reads wins, so a later `PasswordAuthentication no` in the main file',
    'does nothing. A `Match` block can also turn passwords back on for some users.',
    '',
    'Passwords are not reported where `AuthenticationMethods` lets no one in with a password alone.',
  ].join('\n'),
  remediation: [
    'Set, in the file sshd reads first (the drop-in that wins, or the top of `sshd_config`), and in every `Match` block',
    'that sets it:',
    '',
    '```',
    'PasswordAuthentication no',
    '```',
    '',
    'On cloud images, set `ssh_pwauth: false` in cloud-init or fix `50-cloud-init.conf`. Check with `sshd -T | grep passwordauthentication`.',
  ].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PasswordAuthentication', dependsOn: ['AuthenticationMethods'], safeValue: 'no' }, (setting, context, where) =>
      valueOf(setting) === 'yes' && opensWithPasswordsOnly(context, 'password')
        ? `PasswordAuthentication is yes ${where}: a password alone lets a user log in, so accounts can be brute-forced.`
        : undefined,
    );
  },
});
