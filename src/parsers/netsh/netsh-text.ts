import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { RuleRecord } from './rule-record.js';
import { profileHeader, readProfileLine, type ProfileSection } from './profile-section.js';
import { isNoMatchMessage, ruleField, ruleStartLanguage, type Language } from './vocabulary.js';

/** What a netsh text capture holds: rule blocks (`show rule`), profile blocks (`show allprofiles`), or neither. */
export interface NetshText {
  rules: RuleRecord[];
  profiles: ProfileSection[];
  /** `No rules match the specified criteria.` (or the German text) and its line. */
  noMatch?: { text: string; line: number };
  /** Lines that look like netsh's layout (a 70-dash rule under a label) in a language not known. */
  foreignLayoutLine?: number;
  problems: InputProblem[];
}

const DASHES = /^-{20,}\s*$/;

/**
 * Reads netsh's text layout. Records start at `Rule Name:` / `Regelname:` or a profile header and end at a blank line;
 * indented lines (the ICMP Type/Code table) belong to the field above and are skipped.
 */
export function readNetshText(file: string, text: string): NetshText {
  const result: NetshText = { rules: [], profiles: [], problems: [] };
  let rule: (RuleRecord & { language: Language }) | undefined;
  let profile: ProfileSection | undefined;
  const lines = text.split(/\r?\n/);

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (trimmed === '' || /^ok\.$/i.test(trimmed)) {
      rule = undefined;
      profile = undefined;
      continue;
    }
    if (isNoMatchMessage(trimmed)) {
      result.noMatch ??= { text: trimmed.slice(0, 120), line: lineNumber };
      continue;
    }
    const header = profileHeader(line);
    if (header) {
      rule = undefined;
      profile = { name: header, line: lineNumber };
      result.profiles.push(profile);
      continue;
    }
    if (DASHES.test(trimmed)) {
      // A label line over 70 dashes is netsh's record start in any language; known ones were taken above.
      const above = lines[index - 1] ?? '';
      if (!rule && !profile && /^\S/.test(above) && /:(\s|$)/.test(above.trim())) result.foreignLayoutLine ??= lineNumber - 1;
      continue;
    }
    if (/^\s/.test(line)) continue;

    const colon = line.indexOf(':');
    const language = colon > 0 ? ruleStartLanguage(line.slice(0, colon)) : undefined;
    if (language) {
      profile = undefined;
      rule = { name: line.slice(colon + 1).trim() || `(unnamed rule at line ${lineNumber})`, line: lineNumber, fields: new Map(), language };
      result.rules.push(rule);
      continue;
    }
    if (profile) {
      readProfileLine(profile, line, lineNumber);
      continue;
    }
    if (!rule) continue;
    const field = colon > 0 ? ruleField(rule.language, line.slice(0, colon)) : undefined;
    if (field && !rule.fields.has(field)) rule.fields.set(field, { value: line.slice(colon + 1).trim(), line: lineNumber });
    else if (colon <= 0) {
      result.problems.push(problemAt('netsh/unreadable-line', { file, line: lineNumber }, `line is not a 'Label: value' line of rule ${quoted(rule.name, 80)} — ignored; capture the output again without editing it`, 'warning'));
    }
  }
  return result;
}
