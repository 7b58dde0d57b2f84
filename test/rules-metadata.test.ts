import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { compareText } from '../src/engine/compare-text.js';
import { ruleDocument } from '../src/engine/rule-document.js';
import { SEVERITIES } from '../src/model/severity.js';

const repository = new URL('../', import.meta.url).pathname;

describe('rule metadata', () => {
  it('ids are unique and sorted', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort(compareText));
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    expect(existsSync(`${repository}rules/${id}.ts`), `rules/${id}.ts`).toBe(true);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.title.length).toBeGreaterThan(0);
    expect(rule.rationale.trim().length).toBeGreaterThan(20);
    expect(rule.remediation.trim().length).toBeGreaterThan(10);
    expect(rule.references.length).toBeGreaterThan(0);
    expect(rule.tags.length).toBeLessThanOrEqual(19);
    for (const reference of rule.references) {
      // The quote is checked against the policy documents, which the repository does not hold, by npm run check:seeds.
      if ('seed' in reference) {
        expect(reference.seed).toMatch(/^[a-z0-9][a-z0-9.-]*\.(md|txt)$/);
        expect(reference.quote.trim().length).toBeGreaterThan(0);
      }
      if ('url' in reference && reference.url) expect(reference.url).toMatch(/^https:\/\//);
    }
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md is generated from the metadata (npm run docs)', (id, rule) => {
    const path = `${repository}docs/rules/${id}.md`;
    expect(existsSync(path), `${path} missing: run npm run docs`).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(ruleDocument(rule));
  });
});
