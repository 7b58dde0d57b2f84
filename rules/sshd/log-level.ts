import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, flowSeed, lynis, manual, MOZILLA_MODERN } from './references.js';

export default defineRule({
  id: 'sshd/log-level',
  title: 'sshd does not log at VERBOSE',
  severity: 'low',
  tags: ['security', 'ssh', 'logging'],
  input: 'sshd',
  references: [
    flowSeed('LogLevel VERBOSE'),
    devSec('sshd-13'),
    ...cis('5.2.5', '5.1.14'),
    lynis('SSH-7408'),
    MOZILLA_MODERN,
    manual('LogLevel'),
  ],
  rationale: [
    'At `VERBOSE`, sshd logs the fingerprint of the key each user logged in with, so a login can be traced to a key',
    'and a stolen key can be found and revoked. `INFO` (the default) and the quieter levels do not.',
    '',
    'The `DEBUG` levels are reported too: the manual warns that logging at a DEBUG level violates the privacy of users,',
    'and it floods the log.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'LogLevel VERBOSE', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'LogLevel', safeValue: 'VERBOSE' }, (setting, _context, where) => {
      const level = (setting.values[0] ?? '').toUpperCase();
      if (level === 'VERBOSE') return undefined;
      if (level.startsWith('DEBUG')) {
        return `LogLevel is ${level} ${where}: debug logging records private details of users' sessions; VERBOSE records key fingerprints without them.`;
      }
      return `LogLevel is ${level} ${where}: sshd does not log which key a user logged in with, so logins cannot be traced to a key.`;
    });
  },
});
