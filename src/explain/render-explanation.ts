import type { RuleMeta } from '../engine/rule.js';
import { plainText, referenceMarkdown } from '../engine/rule-text.js';
import type { ExampleLines, RuleExamples } from './rule-example.js';

/** `parapet explain`: a rule's metadata and examples as plain text for a terminal. */
export function renderExplanation(rule: RuleMeta, examples: RuleExamples | undefined): string {
  const sections = [
    `${rule.id}: ${rule.title}\nSeverity: ${rule.severity}. Tags: ${rule.tags.join(', ')}.`,
    section('Why', plainText(rule.rationale)),
    section('How to fix', plainText(rule.remediation)),
    section('References', rule.references.map((reference) => `- ${plainText(referenceMarkdown(reference))}`).join('\n')),
  ];
  if (examples?.bad) sections.push(example('Bad', 'flagged', examples.bad));
  if (examples?.good) sections.push(example('Good', 'what the rule wants', examples.good));
  return `${sections.join('\n\n')}\n`;
}

function section(title: string, body: string): string {
  return `${title}\n${indent(body, '  ')}`;
}

function example(title: string, markMeans: string, lines: ExampleLines): string {
  const marked = new Set(lines.marked);
  const body = lines.lines.map((line, index) => `${marked.has(index) ? '> ' : '  '}${line}`.trimEnd()).join('\n');
  const note = marked.size > 0 ? ` — ${markMeans} marked >` : '';
  return `${title} (from ${lines.file}${note})\n${indent(body, '  ')}`;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((line) => (line === '' ? '' : prefix + line)).join('\n');
}
