import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { PROBLEM_KINDS, problemKind, type ProblemId } from '../src/model/problem-kinds.js';
import { renderSarif } from '../src/reporters/sarif.js';
import { sarifSchemaErrors } from './support/sarif-validator.js';

// InputProblem.id is typed by the catalogue, so `tsc --noEmit` (npm test) fails on an id it does not describe.
const source = join(import.meta.dirname, '../src');
const sourceText = readdirSync(source, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.ts') && !path.endsWith('problem-kinds.ts'))
  .map((path) => readFileSync(join(source, path), 'utf8'))
  .join('\n');

describe('the catalogue of problem ids', () => {
  it.each(Object.entries(PROBLEM_KINDS))('%s: a title, and a description and help in sentences that fit a SARIF descriptor', (_, kind) => {
    expect(kind.title).toMatch(/^\S.*[^.\s]$/);
    for (const text of [kind.description, kind.help]) {
      expect(text).toMatch(/^\S.*\.$/s);
      expect(text.length).toBeLessThanOrEqual(1024);
    }
  });

  it.each(Object.keys(PROBLEM_KINDS))('%s is emitted somewhere in src/ (no stale entry)', (id) => {
    expect(sourceText).toContain(`'${id}'`);
  });

  it('still gives an id it does not know a full descriptor, and the SARIF stays valid', () => {
    const unknown = 'test/not-in-the-catalogue' as ProblemId;
    expect(problemKind(unknown).title).toContain(unknown);
    expect(problemKind('toString').title).toContain('toString');
    const log: Sarif.Log = JSON.parse(
      [...renderSarif({ findings: [], omitted: 0, rules: [], scannedFiles: [], skippedFiles: [], baseDirectory: '/scan', problems: [{ id: unknown, file: '/scan/x', message: 'something', level: 'warning' }] })].join(''),
    );
    expect(sarifSchemaErrors(log)).toEqual([]);
    const [descriptor] = log.runs[0].tool.driver.notifications!;
    expect(descriptor.id).toBe(unknown);
    expect([descriptor.shortDescription?.text, descriptor.fullDescription?.text, descriptor.help?.text].every((text) => (text ?? '').length > 0)).toBe(true);
  });
});
