import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, manual } from './references.js';

/** CIS: 10:30:60 or stricter — start dropping at 10 or fewer, drop at least 30%, refuse all at 60 or fewer. */
const START = 10;
const RATE = 30;
const FULL = 60;

export default defineRule({
  id: 'sshd/max-startups',
  title: 'sshd accepts too many unauthenticated connections',
  severity: 'low',
  tags: ['security', 'ssh', 'denial-of-service'],
  input: 'sshd',
  references: [...cis('5.2.19', '5.1.18'), devSec('sshd-21'), manual('MaxStartups')],
  rationale: [
    '`MaxStartups start:rate:full` bounds the connections that have not yet logged in: from `start` on, sshd drops',
    '`rate` percent of new ones, and from `full` on all of them. The default 10:30:100 lets 100 pending connections',
    'pile up, which makes flooding and parallel brute force cheap.',
  ].join('\n'),
  remediation: ['Set 10:30:60 or stricter:', '', '```', 'MaxStartups 10:30:60', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'MaxStartups', globalOnly: true, safeValue: `${START}:${RATE}:${FULL}` }, (setting, _context, where) => {
      const value = setting.values[0] ?? '';
      // sshd -T prints all three fields; a lone start value means start:100:start.
      const [start, rate = 100, full = start] = value.split(':').map(Number);
      if (start <= START && rate >= RATE && full <= FULL) return undefined;
      return `MaxStartups is ${value} ${where}: more unauthenticated connections are accepted than ${START}:${RATE}:${FULL} allows.`;
    });
  },
});
