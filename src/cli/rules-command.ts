import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { ruleDocument } from '../engine/rule-document.js';
import { referenceMarkdown } from '../engine/rule-text.js';
import { EXIT } from './exit-status.js';

/** `parapet rules`: the rule list from the same metadata that feeds SARIF and the docs. */
export function runRulesCommand(format: 'text' | 'json', docsDirectory: string | undefined): number {
  if (docsDirectory) {
    for (const rule of RULES) {
      const path = join(docsDirectory, `${rule.id}.md`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, ruleDocument(rule));
    }
    process.stdout.write(`wrote ${RULES.length} rule pages to ${docsDirectory}\n`);
    return EXIT.clean;
  }
  if (format === 'json') {
    const list = RULES.map(({ id, severity, title, tags, references }) => ({ id, severity, title, tags, sources: references.map(referenceMarkdown), references }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...RULES.map((rule) => rule.id.length), 2);
  for (const rule of RULES) {
    const source = rule.references.map(referenceMarkdown)[0] ?? '';
    process.stdout.write(`${rule.id.padEnd(width)}  ${rule.severity.padEnd(8)}  ${rule.title}\n${' '.repeat(width + 12)}source: ${source}\n`);
  }
  return EXIT.clean;
}
