import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/agent-forwarding',
  title: 'SSH agent forwarding is allowed',
  severity: 'low',
  tags: ['security', 'ssh', 'forwarding'],
  input: 'sshd',
  references: [devSec('sshd-40'), ...cis(undefined, '5.1.8'), lynis('SSH-7408'), manual('AllowAgentForwarding')],
  rationale: [
    'A forwarded agent lets anyone with root on this host (or access to the user\'s session) use the user\'s keys to',
    'log in elsewhere for as long as the session lasts. A bastion is where this is most tempting and most dangerous;',
    '`ssh -J` (ProxyJump) reaches hosts behind it without forwarding the agent.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'AllowAgentForwarding no', '```', '', 'and have users connect through the bastion with `ssh -J bastion host`.'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'AllowAgentForwarding', dependsOn: ['DisableForwarding'], safeValue: 'no' }, (setting, context, where) =>
      valueOf(setting) === 'yes' && valueOf(context.get('disableforwarding')) !== 'yes'
        ? `AllowAgentForwarding is yes ${where}: whoever controls this host can use forwarded agents to log in elsewhere as their users.`
        : undefined,
    );
  },
});
