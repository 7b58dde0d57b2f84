import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';

const SCRIPT = join(import.meta.dirname, '../scripts/check-seed-quotes.mjs');

const quoted = RULES.flatMap((rule) => rule.references.flatMap((reference) => ('seed' in reference ? [{ rule: rule.id, ...reference }] : [])));
const seedNames = [...new Set(quoted.map((reference) => reference.seed))];

/** Policy documents that hold every quote, line-wrapped differently from the rules, or all but the quotes left out. */
function seedsDirectory(leaveOut: (reference: (typeof quoted)[number]) => boolean = () => false): string {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-seeds-'));
  for (const name of seedNames) {
    const kept = quoted.filter((reference) => reference.seed === name && !leaveOut(reference));
    writeFileSync(join(directory, name), `# ${name}\n\n${kept.map((reference) => `Before. ${reference.quote.replace(/ /g, '\n  ')} After.`).join('\n\n')}\n`);
  }
  return directory;
}

function check(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

describe('scripts/check-seed-quotes.mjs (npm run check:seeds -- DIR)', () => {
  it('finds every quote of the rules in the policy documents, whitespace aside', () => {
    expect(quoted.length).toBeGreaterThan(0);
    const run = check(seedsDirectory());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${quoted.length} seed quotes of ${RULES.length} rules found in ${seedNames.length} policy documents`);
  });

  it('exits 1 naming each rule whose quote the document does not contain', () => {
    // Rules share quotes, and one quote can hold another: leave out a quote that no other quote contains.
    const missing = quoted.find((reference) => quoted.every((other) => other.quote === reference.quote || !other.quote.includes(reference.quote)))!;
    const quotingRules = quoted.filter((reference) => reference.quote === missing.quote).map((reference) => reference.rule);
    const run = check(seedsDirectory((reference) => reference.quote === missing.quote));
    expect(run.status).toBe(1);
    for (const rule of quotingRules) expect(run.stderr).toContain(`rule ${rule} quotes “`);
    expect(run.stderr).toContain(`fix the quote in rules/${missing.rule}.ts`);
    expect(run.stderr).toContain(`${quotingRules.length} of ${quoted.length} seed quotes do not match`);
  });

  it('exits 1 when a cited document is not there', () => {
    const directory = seedsDirectory();
    rmSync(join(directory, seedNames[0]));
    const run = check(directory);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(directory, seedNames[0])}: missing`);
  });

  it('exits 2 with a usage line without a directory, or with one that does not exist', () => {
    for (const args of [[], [join(tmpdir(), 'parapet-no-such-seeds')]]) {
      const run = check(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^usage: npm run check:seeds -- DIR/m);
    }
  });
});
