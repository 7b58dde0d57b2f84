import type { SourceLocation } from '../../model/location.js';
import { lookupKeyword, type Keyword } from './keywords.js';
import { parseMatchLine, type Criterion, type MatchEnvironment } from './match-criteria.js';
import { applySetting, type ServerOptions } from './options.js';
import type { ConfigFile, ConfigReader } from './reader.js';
import { shownKeyword } from './shown-keyword.js';
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

/**
 * A line a pass acted on: a setting, or an Include whose files were not all read. `within` are the Match blocks it was
 * read in, outermost first, as the Includes that reached it this time brought them in; `active` whether it counted.
 */
export interface WalkStep {
  location: SourceLocation;
  within: readonly MatchBlock[];
  active: boolean;
  setting?: { keyword: Keyword; value: { items: string[]; overwrite?: boolean } };
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
export function walkConfig(reader: ConfigReader, matcher: Matcher | undefined, environment: MatchEnvironment, observe?: (step: WalkStep) => void): WalkResult {
  const result: WalkResult = { options: new Map(), issues: [], blocks: [], setInBlock: new Map() };
  const active = { value: matcher === undefined };
  const seenBlocks = new Map<string, MatchBlock>();
  // sshd dies at the first too-deep Include; walking on would be exponential in a loop of drop-ins.
  let stopped = false;
  let visited = 0;
  // The first Include met whose files were not all read: any value set after it might have come from them first.
  let unreadIncludeBefore: SourceLocation | undefined;

  const walkFile = (file: ConfigFile, depth: number, flag: IncludeFlag, enclosing: MatchBlock | undefined, from?: SourceLocation, outer: readonly MatchBlock[] = []): void => {
    if (stopped) return;
    if (depth > MAX_INCLUDE_DEPTH) {
      stopped = true;
      result.issues.push({ location: from ?? { file: file.path, line: 1 }, message: 'Too many recursive configuration includes' });
      return;
    }
    let flags = flag;
    let current = enclosing;
    let within = outer;
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
      if (line.error === 'no-argument') { issue(`no argument after keyword ${keywordInQuotes(written, '"')}`); continue; }
      const keyword = lookupKeyword(written);
      if (!keyword) issue(`Bad configuration option: ${shownKeyword(written)}`);
      if (line.error === 'invalid-quotes') { issue('invalid quotes'); continue; }
      if (!active.value && !keyword?.inMatch) {
        if (!matcher) issue(`Directive ${keywordInQuotes(written, "'")} is not allowed within a Match block`);
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
        within = [...outer, block];
        continue;
      }
      if (keyword.kind === 'include') {
        if (line.args.length === 0) issue(`${written} missing filename argument`);
        for (const argument of line.args) {
          if (argument.text === '') { issue(`keyword ${written} empty argument`); break; }
          const included = reader.include(argument.text, location);
          if (!included.complete && active.value) unreadIncludeBefore ??= location;
          if (!included.complete) observe?.({ location, within, active: active.value });
          for (const file of included.files) {
            const saved = active.value;
            const childFlag: IncludeFlag = flags === 'match-only' ? 'match-only' : saved ? 'normal' : 'never-match';
            walkFile(file, depth + 1, childFlag, current, location, within);
            active.value = saved;
          }
        }
        continue;
      }
      const parsed = parseValue(keyword, line, environment);
      if ('error' in parsed) { issue(parsed.error); continue; }
      if (parsed.consumed < line.args.length) issue(`keyword ${written} extra arguments at end of line`);
      const refusal = applySetting(result.options, keyword, parsed, active.value, location, unreadIncludeBefore);
      if (refusal) issue(refusal);
      observe?.({ location, within, active: active.value, setting: { keyword, value: parsed } });
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

/** `"PermitRootLogin"`, or the words that say the token is not shown. */
function keywordInQuotes(written: string, quote: string): string {
  const shown = shownKeyword(written);
  return shown === written ? `${quote}${written}${quote}` : shown;
}
