import { defineRule } from '../../src/engine/rule.js';
import { redacted } from '../../src/model/quote.js';
import { allowsSingleFactor } from './auth-methods.js';
import { judgeEachContext } from './each-setting.js';
import { flowSeed, manual, MOZILLA_MODERN } from './references.js';

export default defineRule({
  id: 'sshd/mfa',
  title: 'SSH does not demand a second factor',
  severity: 'low',
  tags: ['security', 'ssh', 'authentication', 'mfa'],
  input: 'sshd',
  references: [
    flowSeed('Consider setting up two-factor authentication (2FA) for SSH or using a VPN in conjunction with the bastion host for added security.'),
    MOZILLA_MODERN,
    manual('AuthenticationMethods'),
  ],
  rationale: [
    'With one factor, a single stolen key or password is enough to log in. `AuthenticationMethods` can demand two:',
    'a key and then a one-time code through PAM (`keyboard-interactive`), or a key and a password.',
    '',
    'A `Match` block that sets a single method (a machine account\'s key, for instance) is reported too: it is a',
    'second-factor bypass, which is worth confirming is intended.',
  ].join('\n'),
  remediation: [
    'Require a key and a second factor (for example a TOTP PAM module), and keep `KbdInteractiveAuthentication yes`',
    'and `UsePAM yes` for the second step:',
    '',
    '```',
    'AuthenticationMethods publickey,keyboard-interactive',
    '```',
  ].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'AuthenticationMethods' }, (setting, context, where) => {
      if (!allowsSingleFactor(context)) return undefined;
      const value = setting.values.join(' ') || 'any';
      return `AuthenticationMethods is ${redacted(value, 80)} ${where}: a single credential is enough to log in; no second factor is demanded.`;
    });
  },
});
