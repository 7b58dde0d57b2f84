import type { Asset } from './asset.js';
import type { SourceLocation } from './location.js';

/** One effective keyword, as `sshd -T` would print it. */
export interface SshdSetting {
  /** Lower-case canonical keyword as `sshd -T` prints it (aliases resolved: challengeresponseauthentication → kbdinteractiveauthentication). */
  keyword: string;
  /**
   * The value exactly as `sshd -T` prints it, one entry per printed line: ['no'], ['without-password'],
   * ['chacha20-poly1305@openssh.com,aes128-ctr,…'] (lists expanded), ['alice', 'bob'] for allowusers; [] when sshd prints nothing.
   */
  values: string[];
  /** The directive that set it (a drop-in, a Match block); undefined when the value is OpenSSH's compiled-in default. */
  location?: SourceLocation;
  /** An Include before that directive whose files were not read: sshd reads them first, so they could set it instead. */
  unreadIncludeBefore?: SourceLocation;
}

/** The effective configuration of one connection context: the global section, or the global section plus one Match block. */
export interface SshdContext {
  /** 'global', or the Match line as written, e.g. 'Match User backup'. */
  name: string;
  /** Where the Match line stands; undefined for the global context. */
  match?: SourceLocation;
  /** The effective setting of a keyword in this context (a default when nothing set it). */
  get(keyword: string): SshdSetting;
  /** True when this context's own Match block (or a file it includes) set the keyword; always true-ish for global: any set or default value. */
  setsHere(keyword: string): boolean;
}

export interface SshdConfigModel {
  kind: 'sshd';
  /** The main sshd_config file, as opened. */
  file: string;
  asset: Asset;
  /** contexts[0] is the global context; then one per Match block, in the order sshd reads them. */
  contexts: SshdContext[];
  /** Lines sshd would refuse to start with (unknown keyword, bad value, not allowed in Match, Include loop). */
  invalid: { location: SourceLocation; message: string }[];
  /** Every file read: the main file and every included file. */
  files: string[];
  /** Include lines whose files were not all read (outside the scanned tree, or missing from it). */
  unreadIncludes: SourceLocation[];
}
