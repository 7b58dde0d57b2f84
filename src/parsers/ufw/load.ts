import type { LoadInput } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import type { NetworkAsset, NetworkRule, NetworkScope } from '../../network/model.js';
import { looksLikeUserRules } from './detect.js';
import { readHostSettings, readIpv6Setting } from './host-settings.js';
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
  const consumed = settings?.consumed ?? readIpv6Setting(file.path, parsed, context);

  const forwarded = routedAsset(file.path, parsed);
  return { models: [toNetworkAsset(file.path, parsed), ...(forwarded ? [forwarded] : [])], problems: [...parsed.problems, ...assumptions(file.path, parsed, settings?.where)], consumed };
};

/** ufw's shipped DEFAULT_FORWARD_POLICY (/etc/default/ufw of the Debian and Ubuntu packages). */
const SHIPPED_FORWARD_POLICY = 'deny';

/**
 * The traffic ufw forwards to the hosts behind it, judged by its route rules: an asset of its own, named so, when
 * there are route rules and ufw is active and forwarding is not disabled. What no route rule matches meets the routed
 * policy.
 */
function routedAsset(path: string, parsed: ParsedUfw): NetworkAsset | undefined {
  const routed = parsed.routed;
  // Switched off, ufw forwards by no rule of its own: the host's finding says so once.
  if (routed?.policy === 'disabled' || parsed.state?.enabled === false || !parsed.rules.some((located) => located.rule.route)) return undefined;
  const rules = rulesOf(path, parsed, true);
  const scope: NetworkScope = {
    name: 'routed',
    enabled: true,
    defaultInbound: routed?.policy ?? SHIPPED_FORWARD_POLICY,
    defaultOutbound: 'deny',
    ...(parsed.state ? { stateLocation: { file: parsed.state.file, line: parsed.state.line } } : {}),
    ...(routed ? { defaultLocation: { file: routed.file, line: routed.line } } : {}),
  };
  const startLine = parsed.state?.file === path ? parsed.state.line : 1;
  return { kind: 'network', asset: { kind: 'ufw', id: path, name: 'forwarded traffic' }, semantics: 'first-match', scopes: [scope], rules, location: { file: path, line: startLine } };
}

/** The host's rules (or, `forwarded`, the route rules), in order; with IPV6=no, first a deny of all IPv6 traffic. */
function rulesOf(path: string, parsed: ParsedUfw, forwarded: boolean): NetworkRule[] {
  const rules = parsed.rules.flatMap((rule, index) => toNetworkRule(rule, path, index + 1, forwarded) ?? []);
  const off = parsed.ipv6Off;
  if (!off) return rules;
  const location = { file: off.file, line: off.line };
  const dropped = (direction: NetworkRule['direction']): NetworkRule => ({
    id: `IPV6=no ${direction}`, label: "IPV6=no in /etc/default/ufw", direction, action: 'deny', protocol: 'any', ports: [{ from: 0, to: 65535 }],
    remote: [{ kind: 'cidr', cidr: '::/0', text: '::/0' }], priority: 0, enabled: true, location,
  });
  return [...(forwarded ? [dropped('inbound')] : [dropped('inbound'), dropped('outbound')]), ...rules];
}

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
    rules: rulesOf(path, parsed, false),
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
