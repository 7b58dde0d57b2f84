// The AWS loader alone (the file streamed, items projected and located, models built) against a bare read and
// JSON.parse of the same file, in one process, alternating; prints medians and the ratio. Then the loader with every
// rule judging its models as a SARIF scan does (25,000 findings kept): the scan without start-up and report, so that
// the share of reading and of judging in bench.mjs's figure is known. Bundled from src/ with esbuild on the fly.
// usage: node bench/cloud/loader.mjs [FILE|''] [RUNS=5]   ('' or no FILE: the generated 50,000-group export)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const file = process.argv[2] || join(tmpdir(), 'parapet-bench-describe-security-groups-50000.json');
const runs = Number(process.argv[3] ?? 5);
if (!existsSync(file)) throw new Error(`${file} does not exist — node bench/cloud/generate-aws.mjs ${file}`);

const out = mkdtempSync(join(tmpdir(), 'parapet-loader-bench-'));
await build({
  entryPoints: { loader: join(here, 'loader-entry.ts') },
  outdir: out, bundle: true, format: 'esm', platform: 'node', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning',
});
const { openInputStream, loadAwsSecurityGroups, RuleRunner, RULES } = await import(join(out, 'loader.js'));
rmSync(out, { recursive: true, force: true });

const settings = { appPorts: [8081, 8084], trustedNetworks: [] };
const context = { settings, readFile: (path) => ({ id: 'input/unreadable', file: path, message: 'not read', level: 'error' }) };
const parseTimes = [], loadTimes = [], judgeTimes = [];
let summary;
for (let run = 0; run < runs; run++) {
  // The rules first: after JSON.parse the heap holds the whole file's garbage, which the collector would charge them.
  let start = performance.now();
  const runner = new RuleRunner(RULES, settings, 25_000);
  for (const model of load().models) runner.judge(model);
  judgeTimes.push(performance.now() - start);
  start = performance.now();
  const result = load();
  let assets = 0, rules = 0;
  for (const model of result.models) {
    assets++;
    rules += model.rules.length;
  }
  loadTimes.push(performance.now() - start);
  summary = `${assets} assets, ${rules} rules, ${result.problems.length} problems, ${runner.findings().length + runner.omitted} findings`;
  start = performance.now();
  JSON.parse(readFileSync(file, 'utf8'));
  parseTimes.push(performance.now() - start);
  console.log(`run ${run + 1}: read + JSON.parse ${parseTimes.at(-1).toFixed(0)} ms, loader ${loadTimes.at(-1).toFixed(0)} ms, loader and rules ${judgeTimes.at(-1).toFixed(0)} ms`);
}

function load() {
  const input = openInputStream(file, 1024 * 1024 * 1024);
  if (input.id) throw new Error(input.message);
  return loadAwsSecurityGroups(input, context);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${summary}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(`median read + JSON.parse ${median(parseTimes).toFixed(0)} ms, loader ${median(loadTimes).toFixed(0)} ms, ratio ${(median(loadTimes) / median(parseTimes)).toFixed(2)}`);
console.log(`median loader and rules ${median(judgeTimes).toFixed(0)} ms: judging ${(median(judgeTimes) - median(loadTimes)).toFixed(0)} ms`);
