import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/ignore-rhosts',
  title: 'sshd reads users\' .rhosts and .shosts files',
  severity: 'medium',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [...cis('5.2.11', '5.1.11'), devSec('sshd-23'), lynis('SSH-7408'), manual('IgnoreRhosts')],
  rationale: [
    'A user\'s `~/.rhosts` or `~/.shosts` names other hosts and users that may log in as them without a credential.',
    'Any user, or anyone who can write to a home directory, can then open the account to hosts no administrator chose.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'IgnoreRhosts yes', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'IgnoreRhosts', safeValue: 'yes' }, (setting, _context, where) => {
      const value = valueOf(setting);
      return value === 'yes' ? undefined : `IgnoreRhosts is ${value} ${where}: users' .rhosts or .shosts files can let other hosts log in as them.`;
    });
  },
});
