import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

const LONGEST_SECONDS = 60;

export default defineRule({
  id: 'sshd/login-grace-time',
  title: 'Unauthenticated SSH connections are kept open longer than 60 seconds',
  severity: 'low',
  tags: ['security', 'ssh', 'denial-of-service'],
  input: 'sshd',
  references: [...cis('5.2.21', '5.1.13'), devSec('sshd-18'), lynis('SSH-7408'), manual('LoginGraceTime')],
  rationale: [
    'Every connection that has not yet logged in holds one of the `MaxStartups` slots until `LoginGraceTime` runs out.',
    'A long grace time (the default is 120 seconds; 0 means forever) lets a few clients hold every slot and lock out',
    'real users, and gives brute force more time per connection.',
  ].join('\n'),
  remediation: ['Set 60 seconds or less (but not 0):', '', '```', 'LoginGraceTime 60', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'LoginGraceTime', globalOnly: true, safeValue: String(LONGEST_SECONDS) }, (setting, _context, where) => {
      const seconds = Number(setting.values[0]);
      if (seconds === 0) return `LoginGraceTime is 0 ${where}: unauthenticated connections are never dropped.`;
      return seconds > LONGEST_SECONDS ? `LoginGraceTime is ${seconds} seconds ${where}: unauthenticated connections are kept for more than ${LONGEST_SECONDS} seconds.` : undefined;
    });
  },
});
