import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { examplesModule } from './examples-module.js';
import { fixtureExamples } from './fixture-examples.js';

/** Run from the repository by scripts/write-rule-examples.mjs (`npm run docs`). */
const repository = process.cwd();
const path = join(repository, 'src/explain/rule-examples.ts');
writeFileSync(path, examplesModule(fixtureExamples(repository, RULES.map((rule) => rule.id))));
process.stdout.write(`wrote the examples of ${RULES.length} rules to src/explain/rule-examples.ts\n`);
