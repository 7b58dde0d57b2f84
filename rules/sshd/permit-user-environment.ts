import { defineRule } from '../../src/engine/rule.js';
import { redacted } from '../../src/model/quote.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/permit-user-environment',
  title: 'Users can pass environment variables to sshd',
  severity: 'medium',
  tags: ['security', 'ssh'],
  input: 'sshd',
  references: [...cis('5.2.10', '5.1.21'), devSec('sshd-17'), lynis('SSH-7408'), manual('PermitUserEnvironment')],
  rationale: [
    'With `PermitUserEnvironment` on, sshd reads `~/.ssh/environment` and `environment=` options in',
    '`authorized_keys`. A user (or a key restricted to one command) can then set `LD_PRELOAD` and similar variables',
    'and escape `ForceCommand` and other restrictions.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'PermitUserEnvironment no', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PermitUserEnvironment', globalOnly: true, safeValue: 'no' }, (setting, _context, where) => {
      const value = setting.values.join(' ');
      return value.toLowerCase() === 'no' ? undefined : `PermitUserEnvironment is ${redacted(value, 60)} ${where}: users can set environment variables such as LD_PRELOAD for their sessions and escape forced commands.`;
    });
  },
});
