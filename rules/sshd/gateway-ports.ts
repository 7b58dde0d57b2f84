import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, lynis, manual } from './references.js';

const REMOTE_FORWARDING = new Set(['yes', 'all', 'remote']);

export default defineRule({
  id: 'sshd/gateway-ports',
  title: 'Remote port forwards can listen on public addresses',
  severity: 'medium',
  tags: ['security', 'ssh', 'forwarding', 'network'],
  input: 'sshd',
  references: [devSec('sshd-41'), lynis('SSH-7408'), manual('GatewayPorts')],
  rationale: [
    'A reverse tunnel (`ssh -R 8080:db.internal:5432 bastion`) normally listens on the bastion\'s loopback only. With',
    '`GatewayPorts yes` (or `clientspecified`) it listens on every address of the bastion, so an internal database',
    'forwarded for one client becomes reachable by anyone who can reach the bastion.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'GatewayPorts no', '```'].join('\n'),
  check(model) {
    const judgement = { keyword: 'GatewayPorts', dependsOn: ['AllowTcpForwarding', 'DisableForwarding'], safeValue: 'no' };
    return judgeEachContext(model, judgement, (setting, context, where) => {
      const value = valueOf(setting);
      const remoteForwarding = REMOTE_FORWARDING.has(valueOf(context.get('allowtcpforwarding'))) && valueOf(context.get('disableforwarding')) !== 'yes';
      if (value === 'no' || !remoteForwarding) return undefined;
      return `GatewayPorts is ${value} ${where}: remote port forwards can listen on every address of this host, exposing the services they tunnel to.`;
    });
  },
});
