import type { Finding } from '../model/finding.js';
import { redacted } from '../model/quote.js';
import type { SshdConfigModel } from '../model/sshd-config.js';
import { knownKeywords } from '../parsers/sshd/keywords.js';
import { judgeConfig, type ConfigUnderFix, type JudgedConfig } from './judge-config.js';

/**
 * Why the edited configuration must not be written, or undefined when it may: it must load as the original did (no
 * new line sshd refuses, no new problem reading it), the fixed findings must be gone and no finding may appear, and
 * every setting of every context but the fixed keywords must keep its value.
 */
export function refusalOf(config: ConfigUnderFix, before: JudgedConfig, edited: ReadonlyMap<string, string>, fixed: readonly Finding[]): string | undefined {
  const after = judgeConfig(config, edited);
  if ('id' in after) return `the edited configuration could not be read (${after.message})`;
  const had = new Set(before.findings.map((finding) => finding.fingerprint));
  const appeared = after.findings.find((finding) => !had.has(finding.fingerprint));
  if (appeared) return appeared.ruleId === 'sshd/invalid-config' ? `sshd would refuse the result: ${appeared.message}` : `the result would bring a new finding (${appeared.ruleId}): ${appeared.message}`;
  const problemsBefore = new Set(before.problems.map((problem) => `${problem.id} ${problem.message}`));
  const problem = after.problems.find((problem) => !problemsBefore.has(`${problem.id} ${problem.message}`));
  if (problem) return `the result could not be read as the original was: ${problem.message}`;
  // The fixed findings come from the report, whose fingerprints may be made from paths relative to its base: within one
  // configuration (one asset) a finding is its rule and key.
  const left = new Set(after.findings.map((finding) => `${finding.ruleId}\0${finding.key}`));
  const remaining = fixed.find((finding) => left.has(`${finding.ruleId}\0${finding.key}`));
  if (remaining) return `the change would not remove the finding (${remaining.ruleId}): sshd would still read another value first`;
  const fixedKeywords = new Set(fixed.map((finding) => before.model.contexts[0].get(finding.remedy!.keyword).keyword));
  return otherSettingChanged(before.model, after.model, fixedKeywords);
}

function otherSettingChanged(before: SshdConfigModel, after: SshdConfigModel, fixedKeywords: ReadonlySet<string>): string | undefined {
  const names = (model: SshdConfigModel) => model.contexts.map((context) => context.name).join('\n');
  if (names(before) !== names(after)) return 'the change would alter the Match blocks sshd reads';
  for (const keyword of knownKeywords()) {
    for (let index = 0; index < before.contexts.length; index++) {
      const was = before.contexts[index].get(keyword);
      if (fixedKeywords.has(was.keyword)) continue;
      const is = after.contexts[index].get(keyword);
      if (was.values.join('\n') !== is.values.join('\n')) return `the change would alter ${keyword} too${before.contexts[index].match ? ` in "${redacted(before.contexts[index].name, 80)}"` : ''}`;
    }
  }
  return undefined;
}
