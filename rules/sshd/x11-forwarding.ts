import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/x11-forwarding',
  title: 'SSH X11 forwarding is enabled',
  severity: 'medium',
  tags: ['security', 'ssh', 'forwarding'],
  input: 'sshd',
  references: [...cis('5.2.12', '5.1.8'), devSec('sshd-42'), lynis('SSH-7408'), manual('X11Forwarding')],
  rationale: [
    'A forwarded X11 display gives the server, and anyone who controls it, access to the user\'s desktop: keystrokes,',
    'screenshots and injected input. Servers rarely need it; Debian, Ubuntu and RHEL nevertheless ship',
    '`X11Forwarding yes`.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'X11Forwarding no', '```', '', 'or turn off every kind of forwarding with `DisableForwarding yes`.'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'X11Forwarding', dependsOn: ['DisableForwarding'], safeValue: 'no' }, (setting, context, where) =>
      valueOf(setting) === 'yes' && valueOf(context.get('disableforwarding')) !== 'yes'
        ? `X11Forwarding is yes ${where}: a compromised server can read and drive the desktop of every user who forwards X11.`
        : undefined,
    );
  },
});
