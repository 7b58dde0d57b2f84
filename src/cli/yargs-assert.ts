/**
 * Stands in for `assert` inside the bundle (see build.mjs): yargs checks two of its own invariants with it, and
 * loading node:assert (with its error formatting and colours) costs a one-file scan a few milliseconds every run.
 */
export function strictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (actual !== expected) throw new Error(message ?? `yargs: expected ${String(expected)}, got ${String(actual)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (actual === expected) throw new Error(message ?? `yargs: did not expect ${String(actual)}`);
}
