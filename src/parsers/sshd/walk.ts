import type { SourceLocation } from '../../model/location.js';
import { lookupKeyword } from './keywords.js';
import { parseMatchLine, type Criterion, type MatchEnvironment } from './match-criteria.js';
import { applySetting, type ServerOptions } from './options.js';
import type { ConfigFile, ConfigReader } from './reader.js';
import { parseValue } from './values.js';

/** A Match block: where its line stands, and the blocks around the Include that brought it in. */
export interface MatchBlock {
  id: string;
  location: SourceLocation;
  text: string;
  criteria: Criterion[];
  parents: MatchBlock[];
}

export interface ConfigIssue {
  location: SourceLocation;
  message: string;
}

/** Decides a Match line in the connection pass: true, false, or the message sshd dies with. */
export type Matcher = (block: MatchBlock) => boolean | string;

export interface WalkResult {
  options: ServerOptions;
  /** What sshd would refuse. */
  issues: ConfigIssue[];
  /** Every Match block in reading order (first pass only, so each appears once). */
  blocks: MatchBlock[];
  /** Keywords each Match block (or a file included inside it) sets. */
  setInBlock: Map<string, Set<string>>;
}

type IncludeFlag = 'normal' | 'never-match' | 'match-only';

const MAX_INCLUDE_DEPTH = 16;
/** Lines one pass may visit: hostile Include fan-out (A includes B ten times, B includes C ten times…) stops here. */
const MAX_LINES_PER_PASS = 2_000_000;

/**
 * One pass of servconf.c's parse_server_config_depth(). Without a matcher it is the startup pass (global
 * settings; only `Match All` applies); with one it is the connection pass, where only lines inside matching
 * blocks count and global lines are skipped.
 */
export function walkConfig(reader: ConfigReader, matcher: Matcher | undefined, environment: MatchEnvironment): WalkResult {
  const result: WalkResult = { options: new Map(), issues: [], blocks: [], setInBlock: new Map() };
  const active = { value: matcher === undefined };
  const seenBlocks = new Map<string, MatchBlock>();
  // sshd dies at the first too-deep Include; walking on would be exponential in a loop of drop-ins.
  let stopped = false;
  let visited = 0;

  const walkFile = (file: ConfigFile, depth: number, flag: IncludeFlag, enclosing: MatchBlock | undefined, from?: SourceLocation): void => {
    if (stopped) return;
    if (depth > MAX_INCLUDE_DEPTH) {
      stopped = true;
      result.issues.push({ location: from ?? { file: file.path, line: 1 }, message: 'Too many recursive configuration includes' });
      return;
    }
    let flags = flag;
    let current = enclosing;
    for (const line of file.lines) {
      if (stopped) return;
      if (++visited > MAX_LINES_PER_PASS) {
        stopped = true;
        result.issues.push({ location: { file: file.path, line: line.line }, message: `Include directives expand to more than ${MAX_LINES_PER_PASS} lines — not evaluated` });
        return;
      }
      const location: SourceLocation = { file: file.path, line: line.line, column: line.keyword.column };
      const issue = (message: string) => result.issues.push({ location, message });
      const written = line.keyword.text;
      if (line.error === 'no-argument') { issue(`no argument after keyword "${written}"`); continue; }
      const keyword = lookupKeyword(written);
      if (!keyword) issue(`Bad configuration option: ${written}`);
      if (line.error === 'invalid-quotes') { issue('invalid quotes'); continue; }
      if (!active.value && !keyword?.inMatch) {
        if (!matcher) issue(`Directive '${written}' is not allowed within a Match block`);
        continue;
      }
      if (!keyword) continue;
      if (keyword.kind === 'match') {
        const parsed = parseMatchLine(line.rest, environment);
        const id = `${file.path}:${line.line}`;
        const block = seenBlocks.get(id) ?? {
          id,
          location,
          text: ['Match', ...line.args.map((token) => token.text)].join(' '),
          criteria: 'criteria' in parsed ? parsed.criteria : [],
          parents: enclosing ? [...enclosing.parents, enclosing] : [],
        };
        if (!seenBlocks.has(id)) { seenBlocks.set(id, block); result.blocks.push(block); }
        if ('error' in parsed) {
          issue(`${parsed.error} — Bad Match condition`);
          active.value = false;
        } else {
          if (parsed.leftover) issue(`keyword ${written} extra arguments at end of line`);
          const isAll = parsed.criteria[0]?.attribute === 'all';
          let matched: boolean | string = isAll;
          if (matcher && flags !== 'never-match') matched = matcher(block);
          if (typeof matched === 'string') { issue(matched); matched = false; }
          active.value = flags === 'never-match' ? false : matched;
        }
        if (flags === 'match-only') flags = 'normal';
        current = block;
        continue;
      }
      if (keyword.kind === 'include') {
        if (line.args.length === 0) issue(`${written} missing filename argument`);
        for (const argument of line.args) {
          if (argument.text === '') { issue(`keyword ${written} empty argument`); break; }
          for (const included of reader.include(argument.text, location)) {
            const saved = active.value;
            const childFlag: IncludeFlag = flags === 'match-only' ? 'match-only' : saved ? 'normal' : 'never-match';
            walkFile(included, depth + 1, childFlag, current, location);
            active.value = saved;
          }
        }
        continue;
      }
      const parsed = parseValue(keyword, line, environment);
      if ('error' in parsed) { issue(parsed.error); continue; }
      if (parsed.consumed < line.args.length) issue(`keyword ${written} extra arguments at end of line`);
      const refusal = applySetting(result.options, keyword, parsed, active.value, location);
      if (refusal) issue(refusal);
      if (current) {
        const set = result.setInBlock.get(current.id) ?? new Set<string>();
        set.add(keyword.name);
        result.setInBlock.set(current.id, set);
      }
    }
  };

  walkFile(reader.main, 0, matcher ? 'match-only' : 'normal', undefined);
  return result;
}
