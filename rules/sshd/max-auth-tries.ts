import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

const MOST_TRIES = 4;

export default defineRule({
  id: 'sshd/max-auth-tries',
  title: 'SSH allows more than 4 authentication attempts per connection',
  severity: 'medium',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [...cis('5.2.18', '5.1.16'), devSec('sshd-19'), lynis('SSH-7408'), manual('MaxAuthTries')],
  rationale: [
    'Every attempt allowed on one connection is a guess an attacker gets without reconnecting, and failures are logged',
    'only after half of them. The default of 6 makes brute force cheaper and slower to notice than needed.',
  ].join('\n'),
  remediation: ['Set 4 or fewer:', '', '```', 'MaxAuthTries 4', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'MaxAuthTries', safeValue: String(MOST_TRIES) }, (setting, _context, where) => {
      const tries = Number(setting.values[0]);
      return tries > MOST_TRIES ? `MaxAuthTries is ${tries} ${where}: more than ${MOST_TRIES} authentication attempts are allowed per connection.` : undefined;
    });
  },
});
