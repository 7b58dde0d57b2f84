import { dirname, relative } from 'node:path';
import { defineRule } from '../../src/engine/rule.js';
import type { RuleFinding } from '../../src/model/finding.js';
import { manual } from './references.js';

export default defineRule({
  id: 'sshd/invalid-config',
  title: 'sshd refuses to start with this configuration',
  severity: 'high',
  tags: ['security', 'ssh', 'availability'],
  input: 'sshd',
  references: [{ document: 'sshd(8): -t test mode', url: 'https://man.openbsd.org/sshd#t' }, manual('Match')],
  rationale: [
    'sshd reads the whole configuration at start and on every reload, and stops at an unknown keyword, a bad value, a',
    'keyword that is not allowed inside `Match`, or an `Include` loop. A running server keeps its old configuration',
    'until the next restart or reboot, and then no one can log in, including the administrators who must fix it.',
    'What this file seems to say is also not what any running server does.',
  ].join('\n'),
  remediation: [
    'Fix or remove the line, then check the whole configuration before reloading:',
    '',
    '```',
    'sshd -t && systemctl reload ssh',
    '```',
  ].join('\n'),
  check(model) {
    const seen = new Map<string, number>();
    return model.invalid.map(({ location, message }): RuleFinding => {
      // The key must survive line shifts, so repeats of one message are told apart by their order, not their line.
      const file = relative(dirname(model.file), location.file);
      const occurrence = (seen.get(`${file}/${message}`) ?? 0) + 1;
      seen.set(`${file}/${message}`, occurrence);
      return {
        message: `OpenSSH's sshd refuses to start with this line (${message.replace(/\.$/, '')}): until it is fixed, a restart or reboot locks everyone out.`,
        location,
        asset: model.asset,
        key: `${file}/${message}/${occurrence}`,
      };
    });
  },
});
