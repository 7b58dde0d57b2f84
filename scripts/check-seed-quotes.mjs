#!/usr/bin/env node
// Checks that every rule's `{ seed, quote }` reference quotes its policy document exactly (whitespace aside).
// The policy documents (seeds) are not part of the repository, so this runs apart from `npm test`, where they are:
//   npm run check:seeds -- DIR      (DIR holds the seed documents by the file names the rules cite)
// Exit status: 0 every quote found, 1 a quote or document missing, 2 usage error or no CLI build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const USAGE = 'usage: npm run check:seeds -- DIR   (DIR: the directory of the policy documents the rules quote)';
const cli = new URL('../dist/parapet.js', import.meta.url).pathname;
const normalise = (text) => text.replace(/\s+/g, ' ').trim();
const clip = (text) => (text.length <= 100 ? text : `${text.slice(0, 99)}…`);

const directory = process.argv[2];
if (!directory || !existsSync(directory) || !statSync(directory).isDirectory()) {
  console.error(directory ? `${directory}: no such directory — give the directory of the policy documents` : 'no seeds directory given');
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`${cli}: missing — run npm run build first`);
  process.exit(2);
}

const rules = JSON.parse(execFileSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8' }));
const documents = new Map();
const mismatches = [];
let quotes = 0;
for (const rule of rules) {
  for (const reference of rule.references ?? []) {
    if (!('seed' in reference)) continue;
    quotes++;
    const path = join(directory, reference.seed);
    if (!documents.has(path)) documents.set(path, existsSync(path) ? normalise(readFileSync(path, 'utf8')) : undefined);
    const text = documents.get(path);
    if (text === undefined) mismatches.push(`${path}: missing — rule ${rule.id} quotes it; copy the policy document there`);
    else if (!text.includes(normalise(reference.quote))) mismatches.push(`${path}: rule ${rule.id} quotes “${clip(normalise(reference.quote))}”, which the document does not contain — fix the quote in rules/${rule.id}.ts`);
  }
}
if (quotes === 0) {
  console.error('the rules cite no policy document: nothing was checked (is dist/ an old build? run npm run build)');
  process.exit(1);
}
for (const mismatch of mismatches) console.error(mismatch);
if (mismatches.length > 0) {
  console.error(`${mismatches.length} of ${quotes} seed quotes do not match`);
  process.exit(1);
}
console.log(`${quotes} seed quotes of ${rules.length} rules found in ${documents.size} policy documents`);
