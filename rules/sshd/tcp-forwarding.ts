import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf, wordsOf } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

const LOCAL = new Set(['yes', 'all', 'local']);
const REMOTE = new Set(['yes', 'all', 'remote']);
const ANYWHERE = new Set(['any', '*:*']);

export default defineRule({
  id: 'sshd/tcp-forwarding',
  title: 'SSH TCP forwarding is allowed to any destination',
  severity: 'low',
  tags: ['security', 'ssh', 'forwarding', 'network'],
  input: 'sshd',
  references: [...cis('5.2.16', '5.1.8'), devSec('sshd-39'), lynis('SSH-7408'), manual('AllowTcpForwarding'), manual('PermitOpen')],
  rationale: [
    'With TCP forwarding on and no `PermitOpen`/`PermitListen` limit, every user who can log in can tunnel from this',
    'host to any address it reaches, past the firewalls that protect the internal network.',
    '',
    'Flow connects to databases through SSH tunnels, so a Flow bastion needs forwarding: allow it only for the tunnel',
    'account, and only to the endpoints it serves. A context whose forwards are limited by `PermitOpen` and',
    '`PermitListen` is not reported.',
  ].join('\n'),
  remediation: [
    'Turn forwarding off globally and allow it only where needed, to named destinations:',
    '',
    '```',
    'AllowTcpForwarding no',
    '',
    'Match User flow-tunnel',
    '    AllowTcpForwarding local',
    '    PermitOpen db.internal:5432',
    '```',
  ].join('\n'),
  check(model) {
    const judgement = { keyword: 'AllowTcpForwarding', dependsOn: ['DisableForwarding', 'PermitOpen', 'PermitListen'] };
    return judgeEachContext(model, judgement, (setting, context, where) => {
      const value = valueOf(setting);
      if (valueOf(context.get('disableforwarding')) === 'yes') return undefined;
      const unlimited = (keyword: string) => wordsOf(context.get(keyword)).some((word) => ANYWHERE.has(word));
      const local = LOCAL.has(value) && unlimited('permitopen');
      const remote = REMOTE.has(value) && unlimited('permitlisten');
      if (!local && !remote) return undefined;
      const limits = local && remote ? 'neither PermitOpen nor PermitListen limits it' : local ? 'PermitOpen is any' : 'PermitListen is any';
      const reach = [local ? 'forward connections from this host to any address it reaches' : '', remote ? 'open listening ports on this host that tunnel to their side' : ''];
      return `AllowTcpForwarding is ${value} ${where} and ${limits}: users can ${reach.filter(Boolean).join(' and ')}.`;
    });
  },
});
