import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, flowSeed, lynis, manual, MOZILLA_MODERN } from './references.js';

/** What each value lets root do; sshd -T prints prohibit-password under its old name without-password. */
const ROOT_ACCESS = new Map([
  ['yes', { shown: 'yes', access: 'root can log in with a password or a key' }],
  ['without-password', { shown: 'prohibit-password', access: 'root can log in with a key' }],
  ['prohibit-password', { shown: 'prohibit-password', access: 'root can log in with a key' }],
  ['forced-commands-only', { shown: 'forced-commands-only', access: 'root can log in with a key that carries a forced command' }],
]);

export default defineRule({
  id: 'sshd/permit-root-login',
  title: 'Root can log in over SSH',
  severity: 'high',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [
    flowSeed('Implement other SSH security best practices, such as disabling root login and using strong key-based authentication.'),
    ...cis('5.2.7', '5.1.20'),
    devSec('sshd-06'),
    lynis('SSH-7408'),
    MOZILLA_MODERN,
    manual('PermitRootLogin'),
  ],
  rationale: [
    'Root is the one account every attacker knows exists, and a root session cannot be traced to a person. Logging in',
    'as yourself and using `sudo` leaves an audit trail and puts a second barrier in front of full control.',
    '',
    "OpenSSH's default is `prohibit-password`: root may still log in with a key, so a key copied into",
    '`/root/.ssh/authorized_keys` (by an image, a script, or an intruder) is a direct way to root.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'PermitRootLogin no', '```', '', 'and give administrators their own accounts with `sudo`.'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PermitRootLogin', safeValue: 'no' }, (setting, _context, where) => {
      const value = valueOf(setting);
      if (value === 'no') return undefined;
      const known = ROOT_ACCESS.get(value) ?? { shown: value, access: 'root may be able to log in' };
      return `PermitRootLogin is ${known.shown} ${where}: ${known.access}.`;
    });
  },
});
