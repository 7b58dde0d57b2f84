import { spawnSync } from 'node:child_process';

/** The median wall time of `runs` runs of a command, in seconds; exit statuses 0 and 1 (findings) count as success. */
export function medianSeconds(command, args, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: 'ignore' });
    if (result.error) throw result.error;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
