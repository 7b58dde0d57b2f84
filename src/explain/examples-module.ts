import type { RuleExamples } from './rule-example.js';

/** The text of src/explain/rule-examples.ts, which `npm run docs` writes and a test checks is current. */
export function examplesModule(examples: Record<string, RuleExamples>): string {
  return [
    '// Generated from fixtures/ by `npm run docs` (scripts/write-rule-examples.mjs). Do not edit.',
    '// The package ships dist/ only, so `parapet explain` takes its examples from here.',
    "import type { RuleExamples } from './rule-example.js';",
    '',
    `export const RULE_EXAMPLES: Readonly<Record<string, RuleExamples>> = ${JSON.stringify(examples, null, 2)};`,
    '',
  ].join('\n');
}
