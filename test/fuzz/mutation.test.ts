import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUT_TYPES, inputPath, planInput, prepareWorkDirectory, runCampaign, writeFile } from '../../fuzz/campaign.js';
import { decodeSeed, encode, ENCODINGS } from '../../fuzz/encodings.js';
import { judgeInput } from '../../fuzz/judge-input.js';
import { loadSeeds } from '../../fuzz/seeds.js';
import { formatFailure } from '../../fuzz/summary.js';
import { runCli } from '../support/run-cli.js';

/**
 * The standing check's small run (`npm run fuzz` runs 100,000): real inputs of every type, mutated, scanned in-process
 * as `parapet scan` scans them. Set PARAPET_FUZZ_SEED to run other inputs; a failure prints its seed and replay command.
 */
const SEED = Number(process.env.PARAPET_FUZZ_SEED ?? 20260607);
const INPUTS = 2600;
const repository = new URL('../../', import.meta.url).pathname;
const seeds = loadSeeds(repository);
const scratch = mkdtempSync(join(tmpdir(), 'parapet-fuzz-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mutated real inputs', () => {
  it('has seeds of every input type, read from the repository', () => {
    for (const type of INPUT_TYPES) expect(seeds.seeds.filter((seed) => seed.type === type).length, type).toBeGreaterThanOrEqual(3);
    expect(seeds.seeds.every((seed) => !seed.name.startsWith('/') && !seed.name.startsWith('..'))).toBe(true);
  });

  it(`never break Parapet's promises about bad input (${INPUTS} inputs, seed ${SEED})`, async () => {
    const summary = await runCampaign(seeds, { seed: SEED, first: 0, count: INPUTS, workDirectory: join(scratch, 'work'), failureDirectory: join(scratch, 'failures') });
    expect(summary.failures.map((failure) => formatFailure(failure, SEED))).toEqual([]);
    for (const type of INPUT_TYPES) expect(summary.byType[type], type).toBe(INPUTS / INPUT_TYPES.length);
    // The mutations reach every verdict, not just the parsers' refusals.
    for (const status of ['0', '1', '2']) expect(summary.exitStatuses[status] ?? 0, `exit status ${status}`).toBeGreaterThan(INPUTS / 50);
  }, 180_000);

  it('are made again exactly from the seed and their number, and differ from one number to the next', () => {
    const again = planInput(seeds, SEED, 17);
    expect(planInput(seeds, SEED, 17).mutant).toEqual(again.mutant);
    expect(again.mutant.recipe[0]).toContain(again.seed.name);
    const distinct = new Set(Array.from({ length: 60 }, (_, index) => planInput(seeds, SEED, index).mutant.bytes.toString('base64')));
    expect(distinct.size).toBeGreaterThan(55);
  });

  it('use every kind of mutation the recipe names, and change the input', () => {
    const kinds = new Map<string, number>();
    let unchanged = 0;
    for (let index = 0; index < 3000; index++) {
      const { seed, mutant } = planInput(seeds, SEED, index);
      if (mutant.bytes.equals(seed.bytes)) unchanged++;
      for (const step of mutant.recipe.slice(1)) {
        const kind = /^(encoded as|[\w-]+)/.exec(step)![1];
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
    }
    const expected = ['truncate', 'junk', 'huge-number', 'long-run', 'lines', 'line-ends', 'bidi', 'lone-surrogate', 'case', 'whitespace', 'json-value', 'sshd-directive', 'ufw-row', 'netsh-record', 'encoded as', 'truncate-bytes', 'odd-bytes', 'flip-byte'];
    for (const kind of expected) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(10);
    expect(unchanged).toBeLessThan(300);
  });

  it('write text in every encoding a capture comes in, and read it back', () => {
    const text = 'Rule Name: Zugriff für ä€😀\r\nLocalPort: 3389\n';
    for (const encoding of ENCODINGS) {
      const decoded = decodeSeed(encode(text, encoding));
      if (encoding.includes('BOM') || encoding === 'utf-8') expect(decoded.text, encoding).toBe(text);
    }
    expect(encode(text, 'utf-16be with BOM').subarray(0, 4)).toEqual(Buffer.from([0xfe, 0xff, 0x00, 0x52]));
    expect(encode(text, 'latin1').includes(0xe4)).toBe(true);
  });

  it('exit the real CLI with the status the scan gives in-process, with one-line messages on stderr and no stack trace', async () => {
    const work = join(scratch, 'cli');
    prepareWorkDirectory(seeds, work);
    let errors = 0;
    for (let index = 0; index < 30; index++) {
      const planned = planInput(seeds, SEED + 1, index);
      const path = inputPath(work, planned.seed);
      writeFile(path, planned.mutant.bytes);
      const type = planned.forced ? ['--type', planned.seed.type] : [];
      const expected = await judgeInput({ path, type: planned.forced ? planned.seed.type : undefined, root: work });
      const run = runCli(['scan', ...type, '--root', work, '--format', 'json', path]);
      const context = `input #${index} of seed ${SEED + 1}: ${planned.mutant.recipe.join('; ')}`;
      expect(run.status, context).toBe(expected.exitStatus);
      expect(run.stderr, context).not.toMatch(/\n\s+at |internal error/);
      for (const line of run.stderr.split('\n').filter(Boolean)) expect(line, context).toMatch(/^parapet: (error|warning): \S/);
      expect(run.stderr.split('\n').filter(Boolean).length, context).toBe(expected.problems.length);
      JSON.parse(run.stdout);
      if (expected.exitStatus === 2) errors++;
    }
    // The sample holds refused inputs and judged ones.
    expect(errors).toBeGreaterThan(3);
    expect(errors).toBeLessThan(28);
  }, 120_000);
});
