import type { Asset } from './asset.js';
import type { SourceLocation } from './location.js';
import type { Severity } from './severity.js';

/** What a rule's check returns. */
export interface RuleFinding {
  /** One or more full sentences, ending with a period. Never a secret. */
  message: string;
  /** The line that decides: the directive that set the value, the firewall rule that lets traffic in. */
  location: SourceLocation;
  asset: Asset;
  /**
   * What this finding is about, independent of line numbers: e.g. 'Match User backup/passwordauthentication'
   * or 'tcp/22/0.0.0.0/0'. Fingerprints hash rule id + asset id + this key, so they survive line shifts.
   */
  key: string;
}

/** A rule finding as the engine hands it to reporters. */
export interface Finding extends RuleFinding {
  ruleId: string;
  severity: Severity;
  fingerprint: string;
}
