// How a scan grows with the rules of one asset: a GCP network of 5,000 and of 20,000 firewall rules (each from a source
// of its own, so no rule decides another's traffic), scanned with every rule, beside `jq length` on the same file.
// Linear work grows 4x from the first to the second; quadratic work 16x.
// usage: node bench/network/many-rules.mjs [RUNS=3]   (PARAPET=path/to/parapet.js to bench another build)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianSeconds } from '../median-seconds.mjs';

const here = new URL('.', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 3);
const parapet = process.env.PARAPET ?? join(here, '../../dist/parapet.js');
if (!existsSync(parapet)) throw new Error(`${parapet} does not exist — run node build.mjs first`);
const directory = mkdtempSync(join(tmpdir(), 'parapet-bench-rules-'));

function network(count) {
  const firewalls = [];
  for (let index = 0; index < count; index++) {
    firewalls.push({
      name: `allow-${index}`,
      network: 'https://www.googleapis.com/compute/v1/projects/bench/global/networks/default',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: [`8.${(index >> 8) & 255}.${index & 255}.1/32`],
      allowed: [{ IPProtocol: 'tcp', ports: ['22', '8081'] }],
    });
  }
  const file = join(directory, `firewalls-${count}.json`);
  writeFileSync(file, JSON.stringify(firewalls, null, 2));
  return file;
}

try {
  const seconds = {};
  for (const count of [5000, 20000]) {
    const file = network(count);
    seconds[count] = medianSeconds(process.execPath, [parapet, 'scan', file, '--format', 'sarif', '--output', '/dev/null'], runs);
    const jq = medianSeconds('jq', ['length', file], runs);
    console.log(`${count} rules: parapet ${seconds[count].toFixed(2)} s, jq length ${jq.toFixed(2)} s`);
  }
  console.log(`growth from 5,000 to 20,000 rules: ${(seconds[20000] / seconds[5000]).toFixed(1)}x (linear 4x, quadratic 16x)`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
