import type { RuleFinding } from '../model/finding.js';
import type { Severity } from '../model/severity.js';
import type { SshdConfigModel } from '../model/sshd-config.js';
import type { NetworkAsset } from '../network/model.js';

/** Where a rule's rationale comes from. Every rule cites at least one. */
export type RuleReference =
  /** A line of one of the policy documents (seeds) the rules cite, quoted exactly: `npm run check:seeds -- DIR`. */
  | { seed: string; quote: string }
  /** A benchmark item: CIS, dev-sec, Mozilla, Lynis, ssh-audit. */
  | { framework: string; control: string; url?: string }
  /** Vendor documentation, e.g. sshd_config(5). */
  | { document: string; url: string };

/** Options a user can set that rules read. */
export interface RuleSettings {
  /** Application ports that must never be reachable from public addresses (Flow's 8081 and 8084 by default). */
  appPorts: number[];
  /** The networks administrators come from (office, VPN, bastion), as CIDRs: `networks.trusted` of .parapet.yml. */
  trustedNetworks: readonly string[];
}

export const DEFAULT_RULE_SETTINGS: RuleSettings = { appPorts: [8081, 8084], trustedNetworks: [] };

/** The models a rule can judge, by the name it declares in `input`. */
export interface ModelsByInput {
  sshd: SshdConfigModel;
  network: NetworkAsset;
}
export type Model = ModelsByInput[keyof ModelsByInput];

export interface RuleMeta {
  /** Public contract: baselines and suppressions refer to it. Equal to the module's path under rules/. */
  id: string;
  title: string;
  severity: Severity;
  tags: string[];
  references: RuleReference[];
  /** Markdown: why this matters. */
  rationale: string;
  /** Markdown: what to change, with the configuration line to set. */
  remediation: string;
}

export interface Rule<I extends keyof ModelsByInput = keyof ModelsByInput> extends RuleMeta {
  input: I;
  check(model: ModelsByInput[I], settings: RuleSettings): RuleFinding[];
}

export function defineRule<I extends keyof ModelsByInput>(rule: Rule<I>): Rule<I> {
  return rule;
}
