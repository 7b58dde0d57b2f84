import { defineRule } from '../../src/engine/rule.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

const MOST_SESSIONS = 10;

export default defineRule({
  id: 'sshd/max-sessions',
  title: 'One SSH connection may open more than 10 sessions',
  severity: 'low',
  tags: ['security', 'ssh', 'denial-of-service'],
  input: 'sshd',
  references: [...cis('5.2.20', '5.1.17'), devSec('sshd-20'), lynis('SSH-7408'), manual('MaxSessions')],
  rationale: [
    'Each connection can multiplex shells, commands and forwards. A high limit lets one stolen connection (or a',
    'runaway client) open many sessions that escape per-connection monitoring and exhaust the server.',
  ].join('\n'),
  remediation: ['Set 10 or fewer:', '', '```', 'MaxSessions 10', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'MaxSessions', safeValue: String(MOST_SESSIONS) }, (setting, _context, where) => {
      const sessions = Number(setting.values[0]);
      return sessions > MOST_SESSIONS ? `MaxSessions is ${sessions} ${where}: one connection may open more than ${MOST_SESSIONS} sessions.` : undefined;
    });
  },
});
