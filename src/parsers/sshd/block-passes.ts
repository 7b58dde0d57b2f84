import type { SourceLocation } from '../../model/location.js';
import type { MatchEnvironment } from './match-criteria.js';
import { applySetting, combining, type ServerOptions, type StoredSetting } from './options.js';
import type { ConfigReader } from './reader.js';
import { walkConfig, type MatchBlock, type WalkStep } from './walk.js';

/** A step of the recording pass, numbered in reading order, with the Match blocks (not `Match All`) it was read in. */
interface Step {
  order: number;
  location: SourceLocation;
  blocks: readonly MatchBlock[];
  setting?: WalkStep['setting'];
}

/** The shared steps of one keyword, and what decides its value among them. */
interface SharedKeyword {
  steps: Step[];
  /** The last step that replaces a value already set (every step of a 'last' keyword, a `none` that overwrites). */
  lastReplacing?: Step;
}

/** Settings whose outcome reads another keyword's (servconf.c tests AuthorizedKeysCommand for the principals command). */
const READ_TOGETHER = ['authorizedkeyscommand', 'authorizedprincipalscommand'];

/**
 * The connection pass of every Match block at once. A block's pass (SshdEvaluation.forBlock) is the one where that
 * block, the blocks around the Include that brought it in, and `Match All` blocks match. A line counts in such a pass
 * when every Match block it was read in matches there, so one pass in which every block matches, recording each line
 * with its blocks, answers them all: a block's options are the recorded lines of its own blocks and of `Match All`,
 * applied in reading order. Walking the configuration once per block would cost blocks × lines (20,000 Match blocks:
 * minutes); this costs the lines once, then per block its own lines — and, for keywords whose lines add up (AllowUsers)
 * or read each other, the `Match All` lines of the same keyword.
 */
export class BlockPasses {
  /** Steps every block's pass takes: read in no Match block but `Match All` ones. */
  private readonly shared: Step[] = [];
  private readonly sharedByKeyword = new Map<string, SharedKeyword>();
  /** The other steps, by the innermost block they were read in. */
  private readonly byInnermost = new Map<string, Step[]>();
  /** What the shared steps alone set: a block's options for every keyword its own lines do not set. */
  private readonly sharedOptions: ServerOptions;
  /** The first shared Include whose files were not all read: the only one a block's own settings can come after. */
  private readonly sharedUnreadInclude?: Step;

  constructor(reader: ConfigReader, environment: MatchEnvironment) {
    let order = 0;
    walkConfig(reader, () => true, environment, (step) => {
      // Not counted even when every block matches: a global line (a connection pass skips them), or a broken Match line's.
      if (!step.active) return;
      const blocks = step.within.filter((block) => !matchesAll(block));
      const recorded: Step = { order: order++, location: step.location, blocks, setting: step.setting };
      if (blocks.length > 0) pushTo(this.byInnermost, blocks[blocks.length - 1].id, recorded);
      else {
        this.shared.push(recorded);
        if (recorded.setting) {
          const name = recorded.setting.keyword.name;
          let keyword = this.sharedByKeyword.get(name);
          if (!keyword) this.sharedByKeyword.set(name, (keyword = { steps: [] }));
          keyword.steps.push(recorded);
          if (replaces(recorded)) keyword.lastReplacing = recorded;
        }
      }
    });
    this.sharedOptions = apply(this.shared);
    this.sharedUnreadInclude = this.shared.find((step) => !step.setting);
  }

  /** The options the connection pass sets in which `block`, its enclosing blocks and `Match All` match (before overlay). */
  optionsFor(block: MatchBlock): ServerOptions {
    const chosen = new Set([block.id, ...block.parents.map((parent) => parent.id)]);
    const own: Step[] = [];
    for (const id of chosen) {
      for (const step of this.byInnermost.get(id) ?? []) if (step.blocks.every((inner) => chosen.has(inner.id))) own.push(step);
    }
    if (own.length === 0) return this.sharedOptions;
    // An unread Include of the block's own marks every later setting: then the whole pass is applied again.
    if (own.some((step) => !step.setting)) return apply(merged(this.shared, inOrder(own)));

    const ownByKeyword = new Map<string, Step[]>();
    for (const step of inOrder(own)) pushTo(ownByKeyword, step.setting!.keyword.name, step);
    if (READ_TOGETHER.some((name) => ownByKeyword.has(name))) for (const name of READ_TOGETHER) if (!ownByKeyword.has(name)) ownByKeyword.set(name, []);
    const options = new Map(this.sharedOptions);
    for (const [name, steps] of ownByKeyword) {
      const setting = this.settingOf(name, steps, ownByKeyword);
      if (setting) options.set(name, setting);
      else options.delete(name);
    }
    return options;
  }

  /** A keyword's value from the block's own steps of it and the shared ones, as applying them all in order gives. */
  private settingOf(name: string, own: Step[], ownByKeyword: Map<string, Step[]>): StoredSetting | undefined {
    const shared = this.sharedByKeyword.get(name);
    const kind = combining((own[0] ?? shared?.steps[0])?.setting?.keyword ?? { name, inMatch: true, kind: 'word' });
    if (!READ_TOGETHER.includes(name) && (kind === 'first' || kind === 'first-line' || kind === 'last')) {
      // The first step sets the value; after it only a step that replaces a value can change it, and what it sets
      // does not depend on the value before. So the value is the last replacing step's, else the first step's.
      let decisive = shared?.steps[0];
      if (own[0] && (!decisive || own[0].order < decisive.order)) decisive = own[0];
      for (const candidate of [shared?.lastReplacing, ...own.filter(replaces)]) if (candidate && candidate.order > decisive!.order) decisive = candidate;
      return decisive && this.applied([decisive]).get(name);
    }
    const steps = merged(shared?.steps ?? [], own);
    if (READ_TOGETHER.includes(name)) for (const other of READ_TOGETHER) if (other !== name) steps.push(...(this.sharedByKeyword.get(other)?.steps ?? []), ...(ownByKeyword.get(other) ?? []));
    return this.applied(inOrder(steps)).get(name);
  }

  /** Steps applied in order after the shared unread Include that precedes them, if any. */
  private applied(steps: Step[]): ServerOptions {
    const unread = this.sharedUnreadInclude;
    return apply(unread && steps.length > 0 && unread.order < steps[steps.length - 1].order ? merged([unread], steps) : steps);
  }
}

/** The settings of steps that all count, as walkConfig applies them. */
function apply(steps: readonly Step[]): ServerOptions {
  const options: ServerOptions = new Map();
  let unreadIncludeBefore: SourceLocation | undefined;
  for (const step of steps) {
    if (step.setting) applySetting(options, step.setting.keyword, step.setting.value, true, step.location, unreadIncludeBefore);
    else unreadIncludeBefore ??= step.location;
  }
  return options;
}

const PLACEHOLDER: StoredSetting = { items: [], location: { file: '', line: 0 } };

/** Whether a setting step replaces a value already set (rather than leaving it, as a second `first` line does). */
function replaces(step: Step): boolean {
  const { keyword, value } = step.setting!;
  const options: ServerOptions = new Map([[keyword.name, PLACEHOLDER]]);
  applySetting(options, keyword, value, true, step.location);
  return options.get(keyword.name) !== PLACEHOLDER;
}

/** Two lists in reading order, merged. */
function merged(a: readonly Step[], b: readonly Step[]): Step[] {
  const result: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) result.push(j >= b.length || (i < a.length && a[i].order < b[j].order) ? a[i++] : b[j++]);
  return result;
}

function inOrder(steps: Step[]): Step[] {
  return steps.sort((a, b) => a.order - b.order);
}

export function matchesAll(block: MatchBlock): boolean {
  return block.criteria[0]?.attribute === 'all';
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
