import type { LoadInput } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { NetworkAsset, NetworkScope } from '../../network/model.js';
import { looksLikeUserRules } from './detect.js';
import { readHostSettings } from './host-settings.js';
import type { ParsedUfw } from './parsed-ufw.js';
import { parseUfwStatus } from './status.js';
import { toNetworkRule } from './to-network.js';
import { parseUserRules } from './user-rules.js';

/** ufw's shipped default policy (/etc/default/ufw of the Debian and Ubuntu packages). */
const SHIPPED_DEFAULTS = { incoming: 'deny', outgoing: 'allow' } as const;

/** One ufw input — `ufw status [verbose|numbered]` or user.rules / user6.rules — as one NetworkAsset. */
export const loadUfw: LoadInput = (file, context) => {
  if (file.text.trim() === '') {
    return { models: [], problems: [problemAt('ufw/empty', { file: file.path }, "the file is empty: no ufw status and no rules to judge — capture 'LANG=C ufw status verbose' as root")] };
  }
  const userRules = looksLikeUserRules(file.text);
  const parsed = userRules ? parseUserRules(file.path, file.text) : parseUfwStatus(file.path, file.text);
  const settings = userRules ? readHostSettings(file.path, file.text, parsed, context) : undefined;
  const judgeable = userRules ? !parsed.problems.some((problem) => problem.id === 'ufw/not-user-rules') : parsed.state !== undefined || parsed.rules.length > 0;
  if (!judgeable) return { models: [], problems: parsed.problems };

  return { models: [toNetworkAsset(file.path, parsed)], problems: [...parsed.problems, ...assumptions(file.path, parsed, settings?.where)], consumed: settings?.consumed ?? [] };
};

function toNetworkAsset(path: string, parsed: ParsedUfw): NetworkAsset {
  const defaults = parsed.defaults ?? SHIPPED_DEFAULTS;
  const scope: NetworkScope = {
    name: 'ufw',
    enabled: parsed.state?.enabled ?? true,
    defaultInbound: defaults.incoming,
    defaultOutbound: defaults.outgoing,
    ...(parsed.state ? { stateLocation: { file: parsed.state.file, line: parsed.state.line } } : {}),
    ...(parsed.defaults ? { defaultLocation: { file: parsed.defaults.file, line: parsed.defaults.line } } : {}),
  };
  const startLine = parsed.state?.file === path ? parsed.state.line : 1;
  return {
    kind: 'network',
    asset: { kind: 'ufw', id: path },
    semantics: 'first-match',
    scopes: [scope],
    rules: parsed.rules.flatMap((rule, index) => toNetworkRule(rule, path, index + 1) ?? []),
    location: { file: path, line: startLine },
  };
}

/** Warnings for what the input does not show and Parapet assumed. */
function assumptions(path: string, parsed: ParsedUfw, settingsWhere = ''): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!parsed.state) {
    problems.push(problemAt('ufw/state-unknown', { file: path }, parsed.form === 'user.rules'
      ? `user.rules does not say whether ufw is enabled (ENABLED= is in /etc/ufw/ufw.conf, not found ${settingsWhere}) — its rules are judged as if ufw were active; scan 'ufw status verbose' to judge the state`
      : "no 'Status:' line — the rules are judged as if ufw were active; scan complete 'ufw status verbose' output", 'warning'));
  }
  if (!parsed.defaults && parsed.state?.enabled !== false) {
    const where = parsed.form === 'user.rules' ? `user.rules does not show the default policy (/etc/default/ufw was not found ${settingsWhere})` : `'${parsed.form}' does not show the default policy`;
    problems.push(problemAt('ufw/default-policy-unknown', { file: path, line: parsed.state?.file === path ? parsed.state.line : undefined },
      `${where} — assumed ufw's shipped default (deny incoming, allow outgoing); scan 'ufw status verbose' to judge it`, 'warning'));
  }
  return problems;
}
