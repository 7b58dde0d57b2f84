import { defineRule } from '../../src/engine/rule.js';
import type { SshdContext, SshdSetting } from '../../src/model/sshd-config.js';
import { judgeEachContext } from './each-setting.js';
import { cis, devSec, lynis, manual } from './references.js';

const LONGEST_INTERVAL = 300;
const MOST_UNANSWERED = 3;

export default defineRule({
  id: 'sshd/client-alive',
  title: 'Idle or dead SSH sessions are not timed out',
  severity: 'low',
  tags: ['security', 'ssh', 'session'],
  input: 'sshd',
  references: [...cis('5.2.22', '5.1.7'), devSec('sshd-36'), devSec('sshd-37'), lynis('SSH-7408'), manual('ClientAliveInterval')],
  rationale: [
    'sshd drops a session only after `ClientAliveCountMax` unanswered probes sent every `ClientAliveInterval` seconds.',
    'With an interval of 0 (the default) or a count of 0 it never does, so sessions on lost or unattended laptops stay',
    'open, and their forwarded ports with them.',
  ].join('\n'),
  remediation: ['Probe at most every 5 minutes and give up after at most 3 unanswered probes:', '', '```', 'ClientAliveInterval 300', 'ClientAliveCountMax 3', '```'].join('\n'),
  check(model) {
    return judgeEachContext(model, { keyword: 'ClientAliveInterval', dependsOn: ['ClientAliveCountMax'] }, (interval, context, where) => {
      const seconds = Number(interval.values[0]);
      const countMax = context.get('clientalivecountmax');
      const count = Number(countMax.values[0]);
      if (seconds === 0) return `ClientAliveInterval is 0 ${where}: sshd never checks whether a client is still there, so dead and idle sessions stay open.`;
      if (count === 0) return { message: `ClientAliveCountMax is 0 ${where}: sshd never drops an unresponsive session.`, at: decidingLine(context, countMax, interval) };
      if (seconds > LONGEST_INTERVAL) return `ClientAliveInterval is ${seconds} ${where}: probes are more than ${LONGEST_INTERVAL} seconds apart, so an unresponsive session is kept for ${seconds * count} seconds.`;
      if (count > MOST_UNANSWERED) {
        return { message: `ClientAliveCountMax is ${count} ${where}: unresponsive sessions are kept through more than ${MOST_UNANSWERED} unanswered probes.`, at: decidingLine(context, countMax, interval) };
      }
      return undefined;
    });
  },
});

/** Points at ClientAliveCountMax when this context set it, else at the ClientAliveInterval line that brought the context under judgement. */
function decidingLine(context: SshdContext, countMax: SshdSetting, interval: SshdSetting): SshdSetting {
  return context.match === undefined || context.setsHere('clientalivecountmax') ? countMax : interval;
}
