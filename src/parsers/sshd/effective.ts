import type { MatchEnvironment, ConnectionSpec } from './match-criteria.js';
import { matchesConnection } from './match-criteria.js';
import { overlay, type ServerOptions } from './options.js';
import type { ConfigReader } from './reader.js';
import { walkConfig, type ConfigIssue, type MatchBlock, type WalkResult } from './walk.js';
import { startupChecks } from './startup-checks.js';

/**
 * sshd's two passes: the startup pass gives the global options; the connection pass (parse_server_match_config)
 * overlays whatever matching Match blocks set.
 */
export class SshdEvaluation {
  readonly startup: WalkResult;

  constructor(private readonly reader: ConfigReader, private readonly environment: MatchEnvironment) {
    this.startup = walkConfig(reader, undefined, environment);
  }

  /** Lines sshd refuses at startup, and the global settings sshd.c refuses after parsing. */
  get issues(): ConfigIssue[] {
    return [...this.startup.issues, ...startupChecks(this.startup.options)];
  }

  /** The options of a connection (`sshd -T -C …`), and anything sshd dies of while matching it. */
  forConnection(connection: ConnectionSpec): { options: ServerOptions; issues: ConfigIssue[] } {
    return this.withMatches((block) => matchesConnection(block.criteria, connection, this.environment));
  }

  /** The options as if a connection matched this block (and the blocks around the Include that holds it) only. */
  forBlock(block: MatchBlock): ServerOptions {
    const chosen = new Set([block.id, ...block.parents.map((parent) => parent.id)]);
    return this.withMatches((candidate) => chosen.has(candidate.id)).options;
  }

  private withMatches(matcher: (block: MatchBlock) => boolean | string): { options: ServerOptions; issues: ConfigIssue[] } {
    const pass = walkConfig(this.reader, matcher, this.environment);
    const known = new Set(this.startup.issues.map((issue) => `${issue.location.file}:${issue.location.line}:${issue.message}`));
    const issues = pass.issues.filter((issue) => !known.has(`${issue.location.file}:${issue.location.line}:${issue.message}`));
    return { options: overlay(this.startup.options, pass.options), issues };
  }
}
