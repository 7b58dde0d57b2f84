import type { MatchEnvironment, ConnectionSpec } from './match-criteria.js';
import { matchesConnection } from './match-criteria.js';
import { overlay, type ServerOptions } from './options.js';
import type { ConfigReader } from './reader.js';
import { BlockPasses, matchesAll } from './block-passes.js';
import { walkConfig, type ConfigIssue, type MatchBlock, type WalkResult } from './walk.js';
import { startupChecks } from './startup-checks.js';

/**
 * sshd's two passes: the startup pass gives the global options; the connection pass (parse_server_match_config)
 * overlays whatever matching Match blocks set.
 */
export class SshdEvaluation {
  readonly startup: WalkResult;
  private blockPasses?: BlockPasses;

  constructor(private readonly reader: ConfigReader, private readonly environment: MatchEnvironment) {
    this.startup = walkConfig(reader, undefined, environment);
    clearOnNone(this.startup.options);
  }

  /** Lines sshd refuses at startup, and the global settings sshd.c refuses after parsing. */
  get issues(): ConfigIssue[] {
    return [...this.startup.issues, ...startupChecks(this.startup.options)];
  }

  /** The options of a connection (`sshd -T -C …`), and anything sshd dies of while matching it. */
  forConnection(connection: ConnectionSpec): { options: ServerOptions; issues: ConfigIssue[] } {
    return this.withMatches((block) => matchesConnection(block.criteria, connection, this.environment));
  }

  /** What `sshd -T` prints without -C: the global section plus `Match All` blocks, which match every connection. */
  global(): ServerOptions {
    return this.withMatches(matchesAll).options;
  }

  /**
   * The options as if a connection matched this block (with the blocks around its Include, and `Match All`) only: the
   * pass of walkConfig with that matcher, worked out for every block from one recorded pass.
   */
  forBlock(block: MatchBlock): ServerOptions {
    this.blockPasses ??= new BlockPasses(this.reader, this.environment);
    return overlay(this.startup.options, this.blockPasses.optionsFor(block));
  }

  private withMatches(matcher: (block: MatchBlock) => boolean | string): { options: ServerOptions; issues: ConfigIssue[] } {
    const pass = walkConfig(this.reader, matcher, this.environment);
    const known = new Set(this.startup.issues.map((issue) => `${issue.location.file}:${issue.location.line}:${issue.message}`));
    const issues = pass.issues.filter((issue) => !known.has(`${issue.location.file}:${issue.location.line}:${issue.message}`));
    return { options: overlay(this.startup.options, pass.options), issues };
  }
}

/**
 * fill_default_server_options() drops a global `ChannelTimeout none`; the same value copied from a Match block
 * later is kept (and printed). 9.2 behaviour, kept for fidelity.
 */
function clearOnNone(options: ServerOptions): void {
  const timeouts = options.get('channeltimeout');
  if (timeouts?.items.length === 1 && timeouts.items[0].toLowerCase() === 'none') options.delete('channeltimeout');
}
