import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

// Every regular expression of src/ is checked by recheck: one that is super-linear in some input (the kind that let
// hostile files hold a scan for minutes) fails here unless scripts/audit-patterns.mjs says why no hostile input reaches it.
test('no pattern of src/ is super-linear on what a scanned tree can hold', () => {
  const run = spawnSync(process.execPath, ['scripts/audit-patterns.mjs'], { encoding: 'utf8', timeout: 240_000 });
  expect(run.stdout.split('\n').filter((line) => line.startsWith('VULNERABLE')), run.stderr).toEqual([]);
  expect(run.stdout).toMatch(/[1-9]\d* patterns checked, \d+ super-linear, 0 not accepted/);
  expect(run.status).toBe(0);
}, 300_000);
