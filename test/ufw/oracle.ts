import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ORACLE = join(import.meta.dirname, 'ufw-oracle.sh');

/** Why the real ufw cannot run here, or undefined when it can. */
export function oracleUnavailable(): string | undefined {
  if (!existsSync(ORACLE)) return `${ORACLE} is missing`;
  if (!existsSync('/usr/sbin/ufw')) return "ufw is not installed (apt-get install -y ufw iptables)";
  if (process.getuid?.() !== 0) return 'not root: the ufw oracle needs root for unshare --net --mount';
  if (spawnSync('unshare', ['--net', '--mount', 'true']).status !== 0) return 'unshare --net --mount fails here (unprivileged container?)';
  return undefined;
}

/** Runs the real ufw on these commands in a throw-away namespace; resolves when OUTDIR holds what it printed. */
export function runOracle(outdir: string, commands: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ORACLE, [outdir], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ufw-oracle.sh exited ${code}: ${stderr}`))));
    child.stdin.end(`${commands.join('\n')}\n`);
  });
}

/** The commands ufw refused or changed, from commands.log: a generator bug, the evaluator would not model them. */
export function unexpectedReplies(outdir: string): string[] {
  const log = readFileSync(`${outdir}/commands.log`, 'utf8');
  const blocks = log.split(/^\+ /m).slice(1);
  return blocks.filter((block) => /rc=[1-9]|Skipping|Rule updated|ERROR|WARN/.test(block)).map((block) => block.trim());
}

/** Runs tasks with at most `limit` at a time. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let nextTask = 0;
  const worker = async (): Promise<void> => {
    while (nextTask < tasks.length) {
      const index = nextTask++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
