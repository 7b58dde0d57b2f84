// Checks every regular expression literal of src/ with recheck (a ReDoS checker): a pattern whose matching time
// grows more than linearly in some input (two ways to take the same run of characters: /\s*\n\s*/, /\d+\.?\d*/,
// /\/+$/) is reported, unless it is listed below with why no hostile input reaches it at length.
// usage: npm run audit:patterns   (exit 1 when a pattern not listed is vulnerable)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'acorn';
import { transformSync } from 'esbuild';
import { checkSync } from 'recheck';

const root = new URL('..', import.meta.url).pathname;
const ACCEPTED = new Map([
  ['src/action/args-input.ts', 'the Action\'s own inputs, written by the workflow'],
  ['src/cli/main.ts', 'command-line usage errors'],
  ['src/engine/rule-text.ts', 'rule metadata, Parapet\'s own'],
  ['src/model/quote.ts', 'run on a window of a few hundred characters, or on one word of one'],
  ['src/model/shown-error.ts', 'stack traces of Parapet\'s own errors'],
  ['src/parsers/arm/parameters-file.ts', 'bounded: {0,200} after a name'],
  ['src/parsers/netsh/detect.ts', 'run on a file\'s first 64 KiB only'],
  ['src/reporters/html/rule-markdown.ts', 'rule metadata, Parapet\'s own'],
  ['src/reporters/html.ts', 'rule references, Parapet\'s own'],
  ['src/sweep/azure/client-settings.ts', 'the --endpoint-url the user gives'],
  ['src/sweep/gcp/google-error.ts', 'the Google client\'s error message after its retries, with one "retrying error" in it'],
]);

const files = [];
const walk = (directory) => {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
walk(join(root, 'src'));

let checked = 0;
const vulnerable = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  // The types stripped (esbuild keeps regular expression literals as written), then parsed as JavaScript.
  const { code } = transformSync(text, { loader: 'ts', target: 'esnext' });
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && node.regex) {
      const { pattern, flags } = node.regex;
      checked++;
      const result = checkSync(pattern, flags.replace(/[gdy]/g, ''), { timeout: 5_000 });
      const written = `/${pattern}/${flags}`;
      const at = `${relative(root, file)}:${text.slice(0, Math.max(0, text.indexOf(written))).split('\n').length}`;
      if (result.status === 'vulnerable') vulnerable.push({ at, file: relative(root, file), text: written, complexity: result.complexity.summary });
      else if (result.status === 'unknown') console.log(`? ${at} ${written} (not decided: ${result.error?.kind ?? 'unknown'})`);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
}

const unaccepted = vulnerable.filter((each) => !ACCEPTED.has(each.file));
for (const each of vulnerable) console.log(`${ACCEPTED.has(each.file) ? 'accepted' : 'VULNERABLE'} ${each.at} ${each.text} (${each.complexity}${ACCEPTED.has(each.file) ? `; ${ACCEPTED.get(each.file)}` : ''})`);
console.log(`${checked} patterns checked, ${vulnerable.length} super-linear, ${unaccepted.length} not accepted`);
process.exitCode = unaccepted.length > 0 ? 1 : 0;
