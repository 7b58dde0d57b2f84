import { SEVERITY_SCALE } from '../model/severity.js';
import type { RuleMeta } from './rule.js';
import { ruleHelpMarkdown } from './rule-text.js';

/** The generated docs/rules/<id>.md page of a rule. */
export function ruleDocument(rule: RuleMeta): string {
  const scale = SEVERITY_SCALE[rule.severity];
  return [
    `<!-- Generated from rules/${rule.id}.ts by \`npm run docs\`. Do not edit. -->`,
    `# ${rule.id}: ${rule.title}`,
    `Severity: **${rule.severity}** (SARIF level \`${scale.level}\`, security-severity ${scale.score}). Tags: ${rule.tags.map((tag) => `\`${tag}\``).join(', ')}.`,
    ruleHelpMarkdown(rule),
    `Fixtures: [\`fixtures/${rule.id}/\`](../../../fixtures/${rule.id}/)`,
    '',
  ].join('\n\n');
}
