import type { Finding, Fix } from '../model/finding.js';
import { applyFixes } from './apply-fixes.js';
import { refusalOf } from './check-fixes.js';
import { FileTexts, type FileText } from './file-texts.js';
import { judgeConfig, type ConfigUnderFix, type JudgedConfig } from './judge-config.js';
import { planFix } from './plan-fix.js';

/** A finding and the fix that removes it, checked on its own. */
export interface FixedFinding {
  finding: Finding;
  fix: Fix;
}

/** The fixes of one sshd configuration. */
export interface ConfigFixes {
  config: ConfigUnderFix;
  before?: JudgedConfig;
  texts: FileTexts;
  fixes: FixedFinding[];
  /** Findings with a remedy whose fix was not offered, and why. */
  withheld: { finding: Finding; reason: string }[];
}

/**
 * Checking a fix reads every setting of every Match block again: a configuration written with thousands of blocks
 * (a pull request's) would make every SARIF report take minutes. Real configurations hold a few dozen.
 */
const MATCH_BLOCKS_CHECKED = 1_000;

/**
 * Plans the fix of every finding that carries a remedy, per configuration, and checks each on its own (see
 * refusalOf): only fixes that pass are offered. `configOf` says how the scan read a main file.
 */
export function planFixes(findings: readonly Finding[], configOf: (mainFile: string) => ConfigUnderFix): ConfigFixes[] {
  const byMainFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    // A suppressed finding was judged acceptable by someone: it is not changed behind their back.
    if (!finding.remedy || finding.suppression) continue;
    const list = byMainFile.get(finding.remedy.mainFile);
    if (list) list.push(finding);
    else byMainFile.set(finding.remedy.mainFile, [finding]);
  }
  return [...byMainFile].map(([mainFile, fixable]) => planConfig(configOf(mainFile), fixable));
}

function planConfig(config: ConfigUnderFix, fixable: Finding[]): ConfigFixes {
  const texts = new FileTexts();
  const planned: ConfigFixes = { config, texts, fixes: [], withheld: [] };
  const before = judgeConfig(config);
  if ('id' in before) {
    planned.withheld = fixable.map((finding) => ({ finding, reason: `the configuration could not be read again (${before.message})` }));
    return planned;
  }
  const blocks = before.model.contexts.length - 1;
  if (blocks > MATCH_BLOCKS_CHECKED) {
    const reason = `the configuration has ${blocks} Match blocks: a fix is checked against every setting of every block, and fixes are offered for configurations of at most ${MATCH_BLOCKS_CHECKED}`;
    planned.withheld = fixable.map((finding) => ({ finding, reason }));
    return planned;
  }
  planned.before = before;
  for (const finding of fixable) {
    const fix = planFix(finding.remedy!, texts);
    const edited = typeof fix === 'string' ? fix : editedTexts(texts, [fix]);
    const refusal = typeof edited === 'string' ? edited : refusalOf(config, before, edited, [finding]);
    if (refusal !== undefined) planned.withheld.push({ finding, reason: refusal });
    else planned.fixes.push({ finding, fix: fix as Fix });
  }
  return planned;
}

/** Every file the fixes change, with its new text; or why they cannot be made together. */
export function editedTexts(texts: FileTexts, fixes: readonly Fix[]): Map<string, string> | string {
  const edited = new Map<string, string>();
  for (const path of new Set(fixes.map((fix) => fix.file))) {
    const file = texts.get(path);
    if (typeof file === 'string') return file;
    const text = applyFixes(file, fixes);
    if (typeof text !== 'string') return text.conflict;
    edited.set(path, text);
  }
  return edited;
}

/** All the fixes of a configuration together, checked as one change: the files to write, or why not. */
export function combinedChange(planned: ConfigFixes): { original: FileText; text: string }[] | string {
  if (!planned.before || planned.fixes.length === 0) return [];
  const edited = editedTexts(planned.texts, planned.fixes.map(({ fix }) => fix));
  if (typeof edited === 'string') return edited;
  const refusal = refusalOf(planned.config, planned.before, edited, planned.fixes.map(({ finding }) => finding));
  if (refusal !== undefined) return `the fixes together: ${refusal}`;
  return [...edited].map(([path, text]) => ({ original: planned.texts.get(path) as FileText, text }));
}

/** The findings with the fixes planned for them attached (as SARIF `fixes[]` shows them). */
export function withFixes(findings: readonly Finding[], planned: readonly ConfigFixes[]): Finding[] {
  const fixOf = new Map<Finding, Fix>();
  for (const config of planned) for (const { finding, fix } of config.fixes) fixOf.set(finding, fix);
  return findings.map((finding) => {
    const fix = fixOf.get(finding);
    return fix ? { ...finding, fix } : finding;
  });
}
