// Start-up cost of scanning one sshd_config, against a bare `node -e 0` measured in the same run.
// Runs alternate so that both see the same machine load; prints medians and the ratio (target: at most 2.0x).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.env.RUNS ?? 40);
const cli = fileURLToPath(new URL('../dist/parapet.js', import.meta.url));
const input = process.argv[2] ?? fileURLToPath(new URL('../examples/sshd/hardened-bastion/sshd_config', import.meta.url));

const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  [`parapet scan ${input.split('/').slice(-2).join('/')}`]: [process.execPath, [cli, 'scan', '--fail-on', 'none', input]],
};

function timeOnce([command, args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (const entry of Object.values(commands)) timeOnce(entry); // warm the file cache
for (let i = 0; i < runs; i++) for (const [name, entry] of Object.entries(commands)) samples[name].push(timeOnce(entry));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const [baseline, candidate] = Object.keys(commands).map((name) => median(samples[name]));
for (const name of Object.keys(commands)) console.log(`${name.padEnd(48)} median ${median(samples[name]).toFixed(1)} ms over ${runs} runs`);
console.log(`ratio ${(candidate / baseline).toFixed(2)}x (target <= 2.00x)`);
