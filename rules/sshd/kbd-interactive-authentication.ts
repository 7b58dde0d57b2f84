import { defineRule } from '../../src/engine/rule.js';
import { opensWithPasswordsOnly } from './auth-methods.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, flowSeed, manual, MOZILLA_MODERN } from './references.js';

export default defineRule({
  id: 'sshd/kbd-interactive-authentication',
  title: 'Keyboard-interactive authentication lets passwords in through PAM',
  severity: 'high',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [
    flowSeed('PasswordAuthentication no  # Disable password auth'),
    devSec('sshd-29'),
    MOZILLA_MODERN,
    manual('KbdInteractiveAuthentication'),
    manual('UsePAM'),
  ],
  rationale: [
    '`PasswordAuthentication no` does not stop passwords on its own. With `UsePAM yes` (what Debian, Ubuntu and RHEL',
    'ship), keyboard-interactive authentication hands the login to PAM, and PAM asks for the account password. A',
    'server that "disabled passwords" then still accepts them, and can still be brute-forced.',
    '',
    '`ChallengeResponseAuthentication` is the old name of the same setting. Keyboard-interactive used as a second',
    'factor after a key (`AuthenticationMethods publickey,keyboard-interactive`) is not reported.',
  ].join('\n'),
  remediation: [
    'Set, before any `Include` of drop-ins that could set it first:',
    '',
    '```',
    'KbdInteractiveAuthentication no',
    '```',
    '',
    'or, to use PAM for a one-time code after the key, require both:',
    '',
    '```',
    'AuthenticationMethods publickey,keyboard-interactive',
    '```',
  ].join('\n'),
  check(model) {
    const judgement = { keyword: 'KbdInteractiveAuthentication', dependsOn: ['UsePAM', 'AuthenticationMethods'], safeValue: 'no' };
    return judgeEachContext(model, judgement, (setting, context, where) =>
      valueOf(setting) === 'yes' && valueOf(context.get('usepam')) === 'yes' && opensWithPasswordsOnly(context, 'keyboard-interactive')
        ? `KbdInteractiveAuthentication is yes ${where} while UsePAM is yes: PAM asks for the account password, so a password alone lets a user log in even where PasswordAuthentication is no.`
        : undefined,
    );
  },
});
