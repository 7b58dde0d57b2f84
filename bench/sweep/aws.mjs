// A sweep of 17 regions x 3 pages of 1,000 security groups against the local EC2 server of the tests, with 100 ms
// added to every call: the regions are read side by side, so the sweep should take about the slowest region's chain
// of calls (STS, DescribeRegions, DescribeNetworkInterfaces, 3 pages) plus the scan of what was read, not the sum of
// every call. Also prints the peak memory of sweeps of 1, 3 and 6 pages a region: pages stream through to the
// snapshot files, so once the first pages have set the heap's size (between 1 and 3 pages) it should stay flat.
// With pages of 1,000 groups the sweep is bound by the CPU: the SDK decoding the answers (XML) in the sweep's worker
// thread, and the main thread judging each region's file once it is written. A run with pages of 10 groups shows the
// waiting alone.
// usage: node bench/sweep/aws.mjs   (PARAPET=path/to/parapet.js to bench another build)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;
const parapet = process.env.PARAPET ?? join(here, '../../dist/parapet.js');
if (!existsSync(parapet)) throw new Error(`${parapet} does not exist — run node build.mjs first`);
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1'];
const ACCOUNT = '123456789012';
const DELAY_MS = 100;
const scratch = mkdtempSync(join(tmpdir(), 'parapet-bench-sweep-'));

await build({ entryPoints: { server: join(here, '../../test/sweep/aws-server.ts') }, outdir: scratch, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
const { startAwsStub } = await import(join(scratch, 'server.js'));

function run(args, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 || status === 1 ? resolve((performance.now() - start) / 1000) : reject(new Error(`exit ${status}: ${stderr}`))));
  });
}

async function sweep(pages, snapshots, groupsPerPage = 1000) {
  const stub = await startAwsStub({
    keys: { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/bench` } },
    regions: REGIONS,
    plans: Object.fromEntries(REGIONS.map((region) => [`${ACCOUNT}/${region}`, { pages, groupsPerPage }])),
    delayMs: DELAY_MS,
  });
  const rssFile = join(scratch, `rss-${pages}-${groupsPerPage}`);
  try {
    const seconds = await run(['-r', join(here, '../cloud/report-max-rss.cjs'), parapet, 'sweep', 'aws', '--endpoint-url', stub.url, '--snapshot-dir', snapshots, '--format', 'sarif', '--output', '/dev/null'], {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: join(scratch, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'none'), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      PARAPET_BENCH_RSS_FILE: rssFile,
    });
    return { seconds, calls: stub.requests.length, maxInFlight: stub.maxInFlight(), rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  } finally {
    await stub.close();
  }
}

try {
  const snapshots = join(scratch, 'snapshots');
  const three = await sweep(3, snapshots);
  const scanSeconds = await run([parapet, 'scan', snapshots, '--format', 'sarif', '--output', '/dev/null'], {});
  const one = await sweep(1, join(scratch, 'one-page'));
  const six = await sweep(6, join(scratch, 'six-pages'));
  // Pages of 10 groups: what is left is waiting on the calls, which overlap.
  const small = await sweep(3, join(scratch, 'small-pages'), 10);
  // STS, DescribeRegions and DescribeNetworkInterfaces, then the pages of groups.
  const chain = (3 + 3) * DELAY_MS / 1000;
  const sum = three.calls * DELAY_MS / 1000;
  console.log(`${REGIONS.length} regions x 3 pages x 1,000 groups, ${DELAY_MS} ms a call: sweep ${three.seconds.toFixed(2)} s (${three.calls} calls, at most ${three.maxInFlight} at once)`);
  console.log(`  the slowest region's chain of calls ${chain.toFixed(2)} s + the scan of what was read ${scanSeconds.toFixed(2)} s = ${(chain + scanSeconds).toFixed(2)} s; every call one after another ${sum.toFixed(2)} s`);
  console.log(`the same with pages of 10 groups (waiting only): sweep ${small.seconds.toFixed(2)} s, against the chain ${chain.toFixed(2)} s and the sum ${sum.toFixed(2)} s`);
  console.log(`6 pages a region (102,000 groups): sweep ${six.seconds.toFixed(2)} s`);
  console.log(`peak memory: 1 page a region ${one.rssMiB.toFixed(0)} MiB, 3 pages ${three.rssMiB.toFixed(0)} MiB, 6 pages ${six.rssMiB.toFixed(0)} MiB (6 against 3: ratio ${(six.rssMiB / three.rssMiB).toFixed(2)}; flat is 1)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
