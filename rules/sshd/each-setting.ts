import type { RuleFinding, SshdRemedy } from '../../src/model/finding.js';
import { formatLocation } from '../../src/model/location.js';
import { redacted } from '../../src/model/quote.js';
import type { SshdConfigModel, SshdContext, SshdSetting } from '../../src/model/sshd-config.js';

/** What a rule judges: one keyword, the keywords its verdict also depends on, and whether sshd allows it in Match. */
export interface Judgement {
  /** The keyword as the manual spells it, e.g. 'PasswordAuthentication'. The finding's key uses it lower-cased. */
  keyword: string;
  /** Other keywords the verdict reads: a Match block that sets one of them is judged too. */
  dependsOn?: string[];
  /** sshd refuses the keyword inside Match, so only the global context can hold it. */
  globalOnly?: boolean;
  /**
   * The value that removes the finding when set in the global configuration, if one line does it without judgement
   * (given the setting it replaces: an algorithm list minus its weak names). Becomes the finding's remedy.
   */
  safeValue?: string | ((setting: SshdSetting) => string | undefined);
}

/**
 * The problem a rule sees in one context as a full sentence, or undefined. `where` names the context
 * ('in the global configuration', 'in the block "Match User backup"') for the sentence to use.
 */
export type Verdict = (setting: SshdSetting, context: SshdContext, where: string) => string | Problem | undefined;

/** A problem decided by another keyword than the judged one: the finding points at that keyword's line. */
export interface Problem {
  message: string;
  at: SshdSetting;
}

/**
 * Judges the global context and every Match block that sets the keyword (or one it depends on) itself, so one bad
 * global value yields one finding and a Match block that turns it back on yields its own.
 */
export function judgeEachContext(model: SshdConfigModel, judgement: Judgement, verdict: Verdict): RuleFinding[] {
  const keyword = judgement.keyword.toLowerCase();
  const deciding = [keyword, ...(judgement.dependsOn ?? []).map((k) => k.toLowerCase())];
  const findings: RuleFinding[] = [];
  for (const context of judgement.globalOnly ? model.contexts.slice(0, 1) : model.contexts) {
    const isGlobal = context.match === undefined;
    const setHere = deciding.find((k) => isGlobal || context.setsHere(k));
    if (setHere === undefined) continue;
    const setting = context.get(keyword);
    const problem = verdict(setting, context, where(context));
    if (problem === undefined) continue;
    if (typeof problem !== 'string') {
      findings.push(settingFinding(model, context, judgement.keyword, problem.at, problem.message));
      continue;
    }
    const decidingSetting = isGlobal || setHere === keyword ? setting : context.get(setHere);
    const finding = settingFinding(model, context, judgement.keyword, decidingSetting, problem);
    const remedy = isGlobal ? remedyFor(model, judgement, setting) : undefined;
    findings.push(remedy ? { ...finding, remedy } : finding);
  }
  return findings;
}

/**
 * The remedy of a global finding about the keyword's own value. None when an Include that was not read could set the
 * keyword first: where the line must go, and whether it would win, is then unknown.
 */
function remedyFor(model: SshdConfigModel, judgement: Judgement, setting: SshdSetting): SshdRemedy | undefined {
  if (judgement.safeValue === undefined || setting.unreadIncludeBefore) return undefined;
  if (!setting.location && model.unreadIncludes.length > 0) return undefined;
  const value = typeof judgement.safeValue === 'string' ? judgement.safeValue : judgement.safeValue(setting);
  if (value === undefined) return undefined;
  return { keyword: judgement.keyword, value, ...(setting.location && { replaces: setting.location }), mainFile: model.file };
}

/** A finding at the line that set `setting`, or at line 1 of the main file when the value is OpenSSH's default. */
export function settingFinding(model: SshdConfigModel, context: SshdContext, keyword: string, setting: SshdSetting, sentence: string): RuleFinding {
  const named = setting.keyword === keyword.toLowerCase() ? keyword : setting.keyword;
  const note = setting.location ? '' : ` No line sets ${named}: this is OpenSSH's compiled-in default.`;
  return {
    message: sentence + note + unreadDropInNote(model, setting, named),
    location: setting.location ?? { file: model.file, line: 1 },
    asset: model.asset,
    key: `${context.name}/${keyword.toLowerCase()}`,
  };
}

/**
 * The drop-in trap: sshd reads an Include's files where the Include stands, and the first value wins, so a finding
 * judged without files that were not read may be wrong. Says which Include could change it.
 */
function unreadDropInNote(model: SshdConfigModel, setting: SshdSetting, named: string): string {
  if (setting.unreadIncludeBefore) {
    return ` The Include at ${formatLocation(setting.unreadIncludeBefore)} comes before this line and its files were not read: sshd reads them first, and one of them could set ${named} instead.`;
  }
  const [unread] = model.unreadIncludes;
  return !setting.location && unread ? ` The Include at ${formatLocation(unread)} was not read: one of its files could set ${named}.` : '';
}

/** 'in the global configuration' or 'in the block "Match User backup"'. */
export function where(context: SshdContext): string {
  return context.match ? `in the block "${redacted(context.name, 80)}"` : 'in the global configuration';
}

/** The single value of a yes/no or scalar keyword, lower-cased ('' when sshd prints nothing). */
export function valueOf(setting: SshdSetting): string {
  return (setting.values[0] ?? '').toLowerCase();
}

/** Every word of a setting's printed values: lists printed on one line are split on spaces, then on commas. */
export function wordsOf(setting: SshdSetting): string[] {
  return setting.values.flatMap((value) => value.split(/[\s,]+/)).filter((word) => word !== '');
}
