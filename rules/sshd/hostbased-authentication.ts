import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, manual } from './references.js';

export default defineRule({
  id: 'sshd/hostbased-authentication',
  title: 'SSH trusts other hosts to vouch for users',
  severity: 'medium',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [...cis('5.2.8', '5.1.10'), devSec('sshd-25'), manual('HostbasedAuthentication')],
  rationale: [
    'Host-based authentication lets a user in because another host says who they are (`.shosts`, `shosts.equiv`).',
    'Whoever gains root on any trusted host can then log in here as anyone, with no credential of their own.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'HostbasedAuthentication no', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'HostbasedAuthentication', safeValue: 'no' }, (setting, _context, where) =>
      valueOf(setting) === 'yes' ? `HostbasedAuthentication is yes ${where}: root on any trusted host can log in here as any user.` : undefined,
    );
  },
});
