import { hostView, type HostView } from '../../inputs/host-view.js';
import type { LoadContext } from '../../inputs/input-format.js';
import type { ParsedUfw, UfwPolicy } from './parsed-ufw.js';

const ENABLED = /^ENABLED=(yes|no)\s*$/;
const POLICY = /^DEFAULT_(INPUT|OUTPUT|FORWARD)_POLICY="?(ACCEPT|DROP|REJECT)"?\s*$/;
const IPV6 = /^IPV6=(yes|no)\s*$/i;
const IPV6_CHAINS = /^:ufw6-user-input /m;
const POLICY_NAMES: Record<string, UfwPolicy> = { ACCEPT: 'allow', DROP: 'deny', REJECT: 'reject' };

/**
 * user.rules does not say whether ufw is enabled or what its default policy is: on a host (or a collected host image)
 * that is in /etc/ufw/ufw.conf (ENABLED=) and /etc/default/ufw (DEFAULT_INPUT_POLICY=). Read them from the host
 * view of the scanned file (beside it, in its host image); returns the files read and where they were looked for.
 * With IPV6=no ufw never loads user6.rules and drops all IPv6 traffic (ufw-init-functions), so user6.rules then holds
 * no rule that applies.
 */
export function readHostSettings(rulesFile: string, text: string, parsed: ParsedUfw, context: LoadContext): { consumed: string[]; where: string } {
  const consumed: string[] = [];
  const view = hostView(rulesFile, '/etc/ufw', context);
  const confFile = readIfPresent(view, '/etc/ufw/ufw.conf', context);
  if (confFile !== undefined) {
    const [conf, confText] = confFile;
    consumed.push(conf);
    confText.split(/\r?\n/).forEach((line, index) => {
      const enabled = ENABLED.exec(line);
      if (enabled) parsed.state = { enabled: enabled[1] === 'yes', line: index + 1, file: conf };
    });
  }
  const defaultsFile = readIfPresent(view, '/etc/default/ufw', context);
  if (defaultsFile !== undefined) {
    const [defaults, defaultsText] = defaultsFile;
    consumed.push(defaults);
    const found: Partial<Record<string, { policy: UfwPolicy; line: number }>> = {};
    let ipv6Off: number | undefined;
    defaultsText.split(/\r?\n/).forEach((line, index) => {
      const policy = POLICY.exec(line);
      if (policy) found[policy[1]] = { policy: POLICY_NAMES[policy[2]], line: index + 1 };
      const ipv6 = IPV6.exec(line);
      if (ipv6) ipv6Off = ipv6[1].toLowerCase() === 'no' ? index + 1 : undefined;
    });
    if (found.INPUT && found.OUTPUT) {
      parsed.defaults = { incoming: found.INPUT.policy, outgoing: found.OUTPUT.policy, line: found.INPUT.line, file: defaults };
    }
    if (found.FORWARD) parsed.routed = { policy: found.FORWARD.policy, line: found.FORWARD.line, file: defaults };
    if (ipv6Off !== undefined && (IPV6_CHAINS.test(text) || parsed.rules.some((located) => located.rule.v6))) {
      parsed.rules = [];
      parsed.defaults = { incoming: 'deny', outgoing: 'deny', line: ipv6Off, file: defaults };
    }
  }
  return { consumed, where: view.where };
}

/**
 * A `ufw status` capture does not show IPV6=: where its host view holds /etc/default/ufw (a host image, or the file
 * beside the capture inside the scanned tree), IPV6=no there means ufw drops all IPv6 traffic and the IPv6 rows it
 * lists are never loaded. Returns the file read, if any.
 */
export function readIpv6Setting(statusFile: string, parsed: ParsedUfw, context: LoadContext): string[] {
  const view = hostView(statusFile, '/etc/ufw', context);
  const defaultsFile = readIfPresent(view, '/etc/default/ufw', context);
  if (defaultsFile === undefined) return [];
  const [defaults, defaultsText] = defaultsFile;
  let ipv6Off: number | undefined;
  defaultsText.split(/\r?\n/).forEach((line, index) => {
    const ipv6 = IPV6.exec(line);
    if (ipv6) ipv6Off = ipv6[1].toLowerCase() === 'no' ? index + 1 : undefined;
  });
  if (ipv6Off !== undefined) {
    parsed.rules = parsed.rules.filter((located) => !located.rule.v6);
    parsed.ipv6Off = { line: ipv6Off, file: defaults };
  }
  return [defaults];
}

/** The file's path on this machine and its text, when the view holds it. */
function readIfPresent(view: HostView, hostPath: string, context: LoadContext): [string, string] | undefined {
  const located = view.locate(hostPath);
  if (located.kind !== 'found' || located.directory) return undefined;
  const file = context.readFile(located.path);
  return 'text' in file ? [located.path, file.text] : undefined;
}
