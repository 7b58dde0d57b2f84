import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, manual } from './references.js';

export default defineRule({
  id: 'sshd/permit-empty-passwords',
  title: 'Accounts with an empty password can log in over SSH',
  severity: 'critical',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [...cis('5.2.9', '5.1.19'), devSec('sshd-28'), manual('PermitEmptyPasswords')],
  rationale: [
    'With `PermitEmptyPasswords yes`, any account whose password is empty (service accounts, freshly created users,',
    'images built with `passwd -d`) can be logged into from the network with no credential at all.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'PermitEmptyPasswords no', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PermitEmptyPasswords', safeValue: 'no' }, (setting, _context, where) =>
      valueOf(setting) === 'yes' ? `PermitEmptyPasswords is yes ${where}: an account with an empty password can log in with no credential.` : undefined,
    );
  },
});
