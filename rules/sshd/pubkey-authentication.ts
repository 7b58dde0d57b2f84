import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext, valueOf } from './each-setting.js';
import { devSec, flowSeed, manual } from './references.js';

export default defineRule({
  id: 'sshd/pubkey-authentication',
  title: 'SSH public key authentication is disabled',
  severity: 'low',
  tags: ['security', 'ssh', 'authentication'],
  input: 'sshd',
  references: [
    flowSeed('Implement other SSH security best practices, such as disabling root login and using strong key-based authentication.'),
    devSec('sshd-22'),
    manual('PubkeyAuthentication'),
  ],
  rationale: [
    'Keys are the strong way to log in over SSH: they cannot be guessed and never cross the wire. With',
    '`PubkeyAuthentication no`, users are pushed to passwords or other weaker methods.',
  ].join('\n'),
  remediation: ['Set:', '', '```', 'PubkeyAuthentication yes', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'PubkeyAuthentication', safeValue: 'yes' }, (setting, _context, where) => {
      const value = valueOf(setting);
      return value === 'no' ? `PubkeyAuthentication is no ${where}: users cannot log in with keys and fall back to weaker methods.` : undefined;
    });
  },
});
