import { problemAt } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { parseAddress } from './address.js';
import type { ParsedUfw } from './parsed-ufw.js';
import { isPortSpec } from './ports.js';
import { renderUfwRule } from './render.js';
import type { UfwRule } from './ufw-rule.js';

const TUPLE = '### tuple ###';
const ACTION = /^(route:)?(allow|deny|reject|limit)(?:_(log|log-all))?$/;
const PROTOCOL = /^[a-z0-9]{1,16}$/;
const DIRECTION = /^(in|out)(?:_([^\s!_][^\s!]{0,31}))?(?:!out_([^\s!]{1,32}))?$/;
const HEX = /^(?:[0-9a-f]{2})*$/i;
const SEE = "ufw ignores such a tuple too ('Skipping malformed tuple') — fix or remove the line, then run 'ufw reload'";

/**
 * /etc/ufw/user.rules and user6.rules: one `### tuple ### ACTION PROTO DPORT DST SPORT SRC [DAPP SAPP] DIR [comment=HEX]`
 * line per rule (backend_iptables._read_rules), in evaluation order. The iptables lines below each tuple are derived
 * from it and not read.
 */
export function parseUserRules(file: string, text: string): ParsedUfw {
  const parsed: ParsedUfw = { form: 'user.rules', rules: [], problems: [] };
  let recognised = false;
  let rulesEnd = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw === '### END RULES ###') rulesEnd = true;
    if (raw === '*filter' || raw.startsWith(':ufw-user-') || raw.startsWith(':ufw6-user-') || raw === '### RULES ###') recognised = true;
    if (!raw.startsWith(TUPLE)) return;
    recognised = true;
    const rule = parseTuple(raw.slice(TUPLE.length));
    if (typeof rule === 'string') {
      parsed.problems.push(problemAt('ufw/malformed-tuple', { file, line }, `malformed ufw tuple: ${rule} — the rule is not judged; ${SEE}`));
      return;
    }
    parsed.rules.push({ rule, line, shown: renderUfwRule(rule) });
  });
  if (recognised && !rulesEnd) {
    const last = lines.length - (lines[lines.length - 1] === '' ? 1 : 0);
    parsed.problems.push(problemAt('ufw/truncated', { file, line: last }, "the file ends before '### END RULES ###': it looks cut off, and rules after this line are not judged — copy the whole /etc/ufw/user.rules again"));
  }
  if (!recognised) {
    parsed.problems.push(problemAt('ufw/not-user-rules', { file }, "no '### tuple ###' lines and no ufw chains: not a ufw user.rules file — nothing was judged; scan /etc/ufw/user.rules or 'ufw status verbose' output"));
  }
  return parsed;
}

export function parseTuple(text: string): UfwRule | string {
  let body = text;
  let comment: string | undefined;
  const commentAt = body.indexOf(' comment=');
  if (commentAt >= 0) {
    const hex = body.slice(commentAt + ' comment='.length).trim();
    if (!HEX.test(hex)) return "the comment is not hex-encoded";
    comment = Buffer.from(hex, 'hex').toString('utf8');
    body = body.slice(0, commentAt);
  }
  const fields = body.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 9) return `${fields.length} fields where ufw writes 6 to 9`;
  const [actionText, protocol, dport, dst, sport, src] = fields;
  const action = ACTION.exec(actionText);
  if (!action) return `unknown action ${quoted(actionText)}`;
  if (!PROTOCOL.test(protocol)) return `unknown protocol ${quoted(protocol)}`;
  for (const port of [dport, sport]) if (port !== 'any' && !isPortSpec(port)) return `bad port ${quoted(port)}`;
  const dstAddress = parseAddress(dst);
  const srcAddress = parseAddress(src);
  if (!dstAddress || !srcAddress) return `bad address ${quoted(dstAddress ? src : dst, 64)}`;
  if (dstAddress.v6 !== srcAddress.v6) return 'mixes an IPv4 and an IPv6 address';

  const hasDirection = fields.length === 7 || fields.length === 9;
  const direction = DIRECTION.exec(hasDirection ? fields[fields.length - 1] : 'in');
  if (!direction) return `bad direction ${quoted(fields[fields.length - 1])}`;
  const route = action[1] !== undefined;
  if (direction[3] && (!route || direction[1] !== 'in')) return `${quoted(fields[fields.length - 1])} names two interfaces on a non-route rule`;
  const apps = fields.length >= 8 ? [fields[6], fields[7]].map((app) => (app === '-' ? undefined : app.replaceAll('%20', ' '))) : [];

  return {
    action: action[2] as UfwRule['action'],
    log: action[3] as UfwRule['log'],
    route,
    direction: direction[1] as UfwRule['direction'],
    protocol,
    dport,
    dst,
    sport,
    src,
    dapp: apps[0],
    sapp: apps[1],
    interfaceIn: direction[1] === 'in' ? direction[2] : undefined,
    interfaceOut: direction[1] === 'out' ? direction[2] : direction[3],
    v6: srcAddress.v6,
    comment,
  };
}
