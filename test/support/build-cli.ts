import { execFileSync } from 'node:child_process';

/** Vitest global setup: the CLI tests run the bundle users run, so build it first. */
export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: new URL('../../', import.meta.url).pathname, stdio: 'inherit' });
}
