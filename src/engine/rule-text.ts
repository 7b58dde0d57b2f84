import type { RuleMeta, RuleReference } from './rule.js';

/** One line per reference, in markdown: where the rule's rationale comes from. */
export function referenceMarkdown(reference: RuleReference): string {
  if ('seed' in reference) return `Policy \`${reference.seed}\`: “${reference.quote}”`;
  if ('framework' in reference) return reference.url ? `[${reference.framework} ${reference.control}](${reference.url})` : `${reference.framework} ${reference.control}`;
  return `[${reference.document}](${reference.url})`;
}

/** Rule help as markdown: rationale, remediation, references. Feeds SARIF `help.markdown` and docs/rules/. */
export function ruleHelpMarkdown(rule: RuleMeta): string {
  return [
    `## Why`,
    rule.rationale.trim(),
    `## How to fix`,
    rule.remediation.trim(),
    `## References`,
    rule.references.map((reference) => `- ${referenceMarkdown(reference)}`).join('\n'),
  ].join('\n\n');
}

/** Markdown reduced to plain text for fields that do not render markdown. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/```[a-z]*\n?/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .trim();
}
