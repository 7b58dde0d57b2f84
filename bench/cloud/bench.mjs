// Parapet (all rules, SARIF) against the one-rule jq filter on a 50,000-group describe-security-groups file.
// Alternating runs; prints medians, the ratio and Parapet's peak RSS, with a bare `node` JSON.parse of the file for scale
// (and a second ratio against it, a steadier reference than jq on a loaded machine).
// Also Parapet with one rule (net/ssh-open-to-world, every other rule off by a .parapet.yml): what reading, the network
// model and the report cost before the other rules judge anything — the floor any speed target for all rules stands on.
// bench/cloud/loader.mjs times the AWS loader alone against JSON.parse.
// usage: node bench/cloud/bench.mjs [FILE|varied|''] [RUNS=5]   ('' or no FILE: the generated 50,000-group export; PARAPET=path/to/parapet.js to bench another build)
// `varied` benches the export of generate-aws-varied.mjs, whose groups seldom repeat each other's rules.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const varied = process.argv[2] === 'varied';
const file = varied ? join(tmpdir(), 'parapet-bench-describe-security-groups-varied-50000.json') : (process.argv[2] || join(tmpdir(), 'parapet-bench-describe-security-groups-50000.json'));
const runs = Number(process.argv[3] ?? 5);
const parapet = process.env.PARAPET ?? join(here, '../../dist/parapet.js');
const JQ_FILTER = '[.SecurityGroups[] | select(any(.IpPermissions[]; any(.IpRanges[]?; .CidrIp=="0.0.0.0/0")))] | length';

if (!existsSync(parapet)) throw new Error(`${parapet} does not exist — run node build.mjs first`);
if (!existsSync(file)) {
  console.log(`generating ${file} …`);
  execFileSync(process.execPath, [join(here, varied ? 'generate-aws-varied.mjs' : 'generate-aws.mjs'), file, '50000'], { stdio: 'inherit' });
}
console.log(`${file}: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MiB`);

const rssFile = join(tmpdir(), `parapet-bench-rss-${process.pid}`);
function time(command, args, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  return { seconds, status: result.status, stdout: result.stdout.toString().trim(), stderr: result.stderr.toString().trim() };
}

const FLOOR_RULE = 'net/ssh-open-to-world';
const configDirectory = mkdtempSync(join(tmpdir(), 'parapet-bench-floor-'));
const floorConfig = join(configDirectory, '.parapet.yml');
const ruleIds = JSON.parse(execFileSync(process.execPath, [parapet, 'rules', '--format', 'json'], { encoding: 'utf8' })).map((rule) => rule.id);
writeFileSync(floorConfig, `rules:\n${ruleIds.filter((id) => id !== FLOOR_RULE).map((id) => `  ${id}: off\n`).join('')}`);

const READ_AND_PARSE = "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))";
const parapetTimes = [], jqTimes = [], parseTimes = [], floorTimes = [], rss = [];
let jqCount, parapetStatus;
for (let run = 0; run < runs; run++) {
  const jq = time('jq', [JQ_FILTER, file]);
  if (jq.status !== 0) throw new Error(`jq failed: ${jq.stderr}`);
  jqTimes.push(jq.seconds);
  jqCount = jq.stdout;
  const scan = time(process.execPath, ['-r', join(here, 'report-max-rss.cjs'), parapet, 'scan', file, '--format', 'sarif', '--output', '/dev/null'], { PARAPET_BENCH_RSS_FILE: rssFile });
  // 0: clean, 1: findings; 2 means an input could not be judged — not a valid measurement.
  if (scan.status !== 0 && scan.status !== 1) throw new Error(`parapet exited ${scan.status}: ${scan.stderr.slice(0, 500)}`);
  parapetStatus = scan.status;
  parapetTimes.push(scan.seconds);
  rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  parseTimes.push(time(process.execPath, ['-e', READ_AND_PARSE, file]).seconds);
  const floor = time(process.execPath, [parapet, 'scan', file, '--config', floorConfig, '--format', 'sarif', '--output', '/dev/null']);
  if (floor.status !== 0 && floor.status !== 1) throw new Error(`parapet with one rule exited ${floor.status}: ${floor.stderr.slice(0, 500)}`);
  floorTimes.push(floor.seconds);
  console.log(`run ${run + 1}: jq ${jq.seconds.toFixed(2)} s, parapet ${scan.seconds.toFixed(2)} s (${rss.at(-1).toFixed(0)} MiB), node read + JSON.parse ${parseTimes.at(-1).toFixed(2)} s, parapet with one rule ${floor.seconds.toFixed(2)} s`);
}
rmSync(rssFile, { force: true });
rmSync(configDirectory, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const [jqMedian, parapetMedian] = [median(jqTimes), median(parapetTimes)];
console.log(`jq (1 rule, ${jqCount} groups with a world-open IPv4 permission): median ${jqMedian.toFixed(2)} s`);
console.log(`parapet (all rules, SARIF, exit ${parapetStatus}): median ${parapetMedian.toFixed(2)} s, peak RSS ${Math.max(...rss).toFixed(0)} MiB`);
console.log(`node read + JSON.parse alone: median ${median(parseTimes).toFixed(2)} s`);
console.log(`parapet with one rule (${FLOOR_RULE}, SARIF): median ${median(floorTimes).toFixed(2)} s`);
console.log(`ratio parapet/jq: ${(parapetMedian / jqMedian).toFixed(2)} (target ≤ 0.35); with one rule: ${(median(floorTimes) / jqMedian).toFixed(2)}`);
// jq's own time swings by a quarter from one run to the next on a shared machine; Node's JSON.parse swings less.
console.log(`ratio parapet/(node read + JSON.parse): ${(parapetMedian / median(parseTimes)).toFixed(2)}`);
