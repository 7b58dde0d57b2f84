import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/strict-modes',
  title: 'sshd accepts key files that other users can write',
  severity: 'medium',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [devSec('sshd-11'), lynis('SSH-7408'), manual('StrictModes')],
  rationale: [
    'With `StrictModes yes` (the default) sshd refuses a user\'s `authorized_keys` when it, `~/.ssh` or the home',
    'directory can be written by others. Without it, any local user who can write there can add a key and log in as',
    'that user.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'StrictModes yes', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'StrictModes', globalOnly: true, safeValue: 'yes' }, (setting, _context, where) => {
      const value = valueOf(setting);
      return value === 'yes' ? undefined : `StrictModes is ${value} ${where}: sshd accepts authorized_keys files that other users can write.`;
    });
  },
});
