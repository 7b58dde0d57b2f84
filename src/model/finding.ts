import type { Asset } from './asset.js';
import type { SourceLocation } from './location.js';
import type { Severity } from './severity.js';

/** What a rule's check returns. */
export interface RuleFinding {
  /**
   * One or more full sentences, ending with a period. Never a secret. Read only for a finding the scan keeps: a rule
   * whose findings can be many may put it together in a getter (see src/network/opening-finding.ts).
   */
  message: string;
  /** The line that decides: the directive that set the value, the firewall rule that lets traffic in. */
  location: SourceLocation;
  asset: Asset;
  /**
   * What this finding is about, independent of line numbers: e.g. 'Match User backup/passwordauthentication'
   * or 'tcp/22/0.0.0.0/0'. Fingerprints hash rule id + asset id + this key, so they survive line shifts.
   */
  key: string;
  /** The one line that removes the finding, when it is unambiguous: src/fix/ decides where it goes and checks it. */
  remedy?: SshdRemedy;
}

/**
 * What an sshd rule says its fix is: set `keyword` to `value` where sshd reads it first. Only for the global
 * configuration, and only where the value alone decides the finding.
 */
export interface SshdRemedy {
  /** As the manual spells it: 'PasswordAuthentication'. */
  keyword: string;
  /** The safe value, as it is to be written: 'no', 'VERBOSE', an algorithm list. */
  value: string;
  /** The line whose value sshd uses now; undefined when it uses OpenSSH's compiled-in default. */
  replaces?: SourceLocation;
  /** The main sshd_config as opened: a line for a default goes into its global section. */
  mainFile: string;
}

/** A rule finding as the engine hands it to reporters. */
export interface Finding extends RuleFinding, FindingStatus {
  ruleId: string;
  severity: Severity;
  fingerprint: string;
}

/** Why a finding is reported but does not fail the run: a `# parapet-ignore` comment, or an `ignore:` entry of the config. */
export interface Suppression {
  /** SARIF's kinds: 'inSource' for a comment in the scanned file, 'external' for the config file. */
  kind: 'inSource' | 'external';
  /** The reason the suppression gives (required: one without is refused). */
  justification: string;
  /** Where the suppression is written: the comment's line, or the config's entry. */
  location: SourceLocation;
}

/** Against a previous report (--baseline): SARIF's baselineState. Only 'new' findings fail the run. */
export type BaselineState = 'new' | 'unchanged' | 'updated' | 'absent';

/**
 * A change of text that removes the finding, as SARIF's `fixes[]` holds it: each replacement deletes a region of the
 * file (1-based lines and columns, the end column exclusive; an empty region inserts) and puts `text` in its place.
 */
export interface Fix {
  description: string;
  file: string;
  replacements: { startLine: number; startColumn: number; endLine: number; endColumn: number; text: string }[];
}

/** What a report says of a finding beyond the rule's judgement: set after the rules ran, by the policy, a baseline, a fixer. */
export interface FindingStatus {
  suppression?: Suppression;
  baselineState?: BaselineState;
  fix?: Fix;
}

/** Whether a finding can fail the run: not suppressed, and new (or no baseline was given). */
export function canFail(finding: FindingStatus): boolean {
  return !finding.suppression && (finding.baselineState === undefined || finding.baselineState === 'new');
}
