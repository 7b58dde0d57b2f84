import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, lynis, manual } from './references.js';

export default defineRule({
  id: 'sshd/permit-tunnel',
  title: 'SSH tun/tap device forwarding (VPN tunnels) is allowed',
  severity: 'low',
  tags: ['security', 'ssh', 'forwarding', 'network'],
  input: 'sshd',
  references: [devSec('sshd-38'), lynis('SSH-7408'), manual('PermitTunnel')],
  rationale: [
    '`PermitTunnel` lets a user bridge their machine into this host\'s networks at layer 3 or 2 (`ssh -w`), a full VPN',
    'that bypasses the firewall rules meant to contain SSH users. `DisableForwarding` does not turn it off.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'PermitTunnel no', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PermitTunnel', safeValue: 'no' }, (setting, _context, where) => {
      const value = valueOf(setting);
      return value === 'no' ? undefined : `PermitTunnel is ${value} ${where}: users can bridge their machine into this host's networks with tun/tap tunnels.`;
    });
  },
});
