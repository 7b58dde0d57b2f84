// How a scan grows with the rules of one asset: GCP networks of 5,000 and of 20,000 firewall rules, scanned with every
// rule and SARIF, beside `jq length` on the same file. Linear work grows 4x from the first to the second; quadratic 16x.
// Two shapes:
// - separate: each rule from a source of its own on the same two ports, so no rule decides another's traffic;
// - overlapping: port ranges that cut each other (their edges drawn from the few dozen values real rules use), a fifth
//   of the rules denies at priorities mixed with the allows', sources of /16 to /32 that nest inside a few /16s, and
//   one rule in ten for a target tag (each tag is a scope of its own). Deterministic (seeded).
// usage: node bench/network/many-rules.mjs [RUNS=3] [separate|overlapping]   (PARAPET=path/to/parapet.js to bench another build)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianSeconds } from '../median-seconds.mjs';

const here = new URL('.', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 3);
const shapes = process.argv[3] ? [process.argv[3]] : ['separate', 'overlapping'];
const parapet = process.env.PARAPET ?? join(here, '../../dist/parapet.js');
if (!existsSync(parapet)) throw new Error(`${parapet} does not exist — run node build.mjs first`);
const directory = mkdtempSync(join(tmpdir(), 'parapet-bench-rules-'));
const NETWORK = 'https://www.googleapis.com/compute/v1/projects/bench/global/networks/default';

function separate(index) {
  return {
    name: `allow-${index}`,
    network: NETWORK,
    direction: 'INGRESS',
    priority: 1000,
    sourceRanges: [`8.${(index >> 8) & 255}.${index & 255}.1/32`],
    allowed: [{ IPProtocol: 'tcp', ports: ['22', '8081'] }],
  };
}

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(random() * list.length)];
const PORT_EDGES = [20, 21, 22, 23, 25, 53, 80, 81, 110, 143, 443, 444, 1000, 1024, 1433, 2000, 3000, 3306, 3389, 4000, 5000, 5432, 6000, 6379, 8000, 8080, 8081, 8084, 8443, 9000, 9200, 9300, 10000, 20000, 32768, 40000, 50000, 60000, 65535];
const BLOCKS = ['10.0', '10.1', '172.16', '192.168', '198.51', '203.0', '8.8', '100.64'];
const TAGS = ['web', 'db', 'bastion', 'cache'];

function portSpec() {
  if (random() < 0.4) return String(pick(PORT_EDGES));
  const [a, b] = [pick(PORT_EDGES), pick(PORT_EDGES)].sort((x, y) => x - y);
  return a === b ? String(a) : `${a}-${b}`;
}

function source() {
  if (random() < 0.02) return '0.0.0.0/0';
  const prefix = 16 + Math.floor(random() * 17);
  const host = Math.floor(random() * 65536) & ~((1 << (32 - prefix)) - 1) & 0xffff;
  return `${pick(BLOCKS)}.${host >> 8}.${host & 255}/${prefix}`;
}

function overlapping(index) {
  const deny = random() < 0.2;
  const rules = [{ IPProtocol: pick(['tcp', 'tcp', 'tcp', 'udp']), ports: Array.from({ length: 1 + Math.floor(random() * 3) }, portSpec) }];
  return {
    name: `${deny ? 'deny' : 'allow'}-${index}`,
    network: NETWORK,
    direction: 'INGRESS',
    priority: 100 + Math.floor(random() * 1000),
    sourceRanges: Array.from({ length: 1 + Math.floor(random() * 2) }, source),
    ...(random() < 0.1 ? { targetTags: [pick(TAGS)] } : {}),
    ...(deny ? { denied: rules } : { allowed: rules }),
  };
}

function network(shape, count) {
  seed = 7;
  const firewalls = Array.from({ length: count }, (_, index) => (shape === 'separate' ? separate(index) : overlapping(index)));
  const file = join(directory, `firewalls-${shape}-${count}.json`);
  writeFileSync(file, JSON.stringify(firewalls, null, 2));
  return file;
}

try {
  for (const shape of shapes) {
    const seconds = {};
    for (const count of [5000, 20000]) {
      const file = network(shape, count);
      seconds[count] = medianSeconds(process.execPath, [parapet, 'scan', file, '--format', 'sarif', '--output', '/dev/null'], runs);
      const jq = medianSeconds('jq', ['length', file], runs);
      console.log(`${shape}, ${count} rules: parapet ${seconds[count].toFixed(2)} s, jq length ${jq.toFixed(2)} s`);
    }
    console.log(`${shape}: growth from 5,000 to 20,000 rules ${(seconds[20000] / seconds[5000]).toFixed(1)}x (linear 4x, n log n about 5x, quadratic 16x; target ≤ 5x and under 2 s)`);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
