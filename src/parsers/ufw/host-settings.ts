import { dirname, join } from 'node:path';
import type { LoadContext } from '../../inputs/input-format.js';
import type { ParsedUfw, UfwPolicy } from './parsed-ufw.js';

const ENABLED = /^ENABLED=(yes|no)\s*$/;
const POLICY = /^DEFAULT_(INPUT|OUTPUT)_POLICY="?(ACCEPT|DROP|REJECT)"?\s*$/;
const IPV6 = /^IPV6=(yes|no)\s*$/i;
const IPV6_CHAINS = /^:ufw6-user-input /m;
const POLICY_NAMES: Record<string, UfwPolicy> = { ACCEPT: 'allow', DROP: 'deny', REJECT: 'reject' };

/**
 * user.rules does not say whether ufw is enabled or what its default policy is: on a host (or a collected host image)
 * that is in /etc/ufw/ufw.conf (ENABLED=) and /etc/default/ufw (DEFAULT_INPUT_POLICY=). Read them when they are
 * beside the scanned file; returns the files read. With IPV6=no ufw never loads user6.rules and drops all IPv6
 * traffic (ufw-init-functions), so user6.rules then holds no rule that applies.
 */
export function readHostSettings(rulesFile: string, text: string, parsed: ParsedUfw, context: LoadContext): string[] {
  const consumed: string[] = [];
  const conf = join(dirname(rulesFile), 'ufw.conf');
  const confText = readIfPresent(conf, context);
  if (confText !== undefined) {
    consumed.push(conf);
    confText.split(/\r?\n/).forEach((line, index) => {
      const enabled = ENABLED.exec(line);
      if (enabled) parsed.state = { enabled: enabled[1] === 'yes', line: index + 1, file: conf };
    });
  }
  const defaults = join(dirname(rulesFile), '..', 'default', 'ufw');
  const defaultsText = readIfPresent(defaults, context);
  if (defaultsText !== undefined) {
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
    if (ipv6Off !== undefined && (IPV6_CHAINS.test(text) || parsed.rules.some((located) => located.rule.v6))) {
      parsed.rules = [];
      parsed.defaults = { incoming: 'deny', outgoing: 'deny', line: ipv6Off, file: defaults };
    }
  }
  return consumed;
}

function readIfPresent(path: string, context: LoadContext): string | undefined {
  const file = context.readFile(path);
  return 'text' in file ? file.text : undefined;
}
