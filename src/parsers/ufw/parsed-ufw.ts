import type { InputProblem } from '../../model/problem.js';
import type { UfwRule } from './ufw-rule.js';

export type UfwForm = 'ufw status' | 'ufw status verbose' | 'ufw status numbered' | 'user.rules';
export type UfwPolicy = 'allow' | 'deny' | 'reject';

/** A rule and where the input shows it. */
export interface LocatedUfwRule {
  rule: UfwRule;
  line: number;
  /** `[N]` of `ufw status numbered`. */
  number?: number;
  /** How the input shows it, for messages: '22/tcp ALLOW IN Anywhere'. */
  shown: string;
}

/** What one ufw input says, before it becomes a NetworkAsset. */
export interface ParsedUfw {
  form: UfwForm;
  /** 'Status: active|inactive' (status forms) or ENABLED= of a sibling ufw.conf (user.rules). */
  state?: { enabled: boolean; line: number; file: string };
  /** 'Default:' line (verbose) or DEFAULT_*_POLICY of a sibling /etc/default/ufw (user.rules). */
  defaults?: { incoming: UfwPolicy; outgoing: UfwPolicy; line: number; file: string };
  /** What happens to forwarded traffic no route rule matches: the '(routed)' default, or DEFAULT_FORWARD_POLICY. */
  routed?: { policy: UfwPolicy | 'disabled'; line: number; file: string };
  /** IPV6=no in /etc/default/ufw, where the input's host image holds it: ufw drops all IPv6 traffic. */
  ipv6Off?: { line: number; file: string };
  rules: LocatedUfwRule[];
  problems: InputProblem[];
}
