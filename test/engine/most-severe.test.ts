import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRank, MostSevere } from '../../src/engine/most-severe.js';
import type { Finding } from '../../src/model/finding.js';
import { SEVERITIES } from '../../src/model/severity.js';

const findings = fc.array(
  fc.record({ severity: fc.constantFrom(...SEVERITIES), file: fc.constantFrom('a.json', 'b.json'), line: fc.integer({ min: 1, max: 40 }), ruleId: fc.constantFrom('net/x', 'net/y'), key: fc.constantFrom('k1', 'k2') }),
  { maxLength: 120 },
).map((list) =>
  list.map(({ severity, file, line, ruleId, key }, index): Finding => ({ severity, ruleId, key, location: { file, line }, message: `m${index}`, asset: { kind: 'ufw', id: 'h' }, fingerprint: `f${index}` })),
);

describe('MostSevere', () => {
  it('keeps exactly the first `limit` findings in rank order, and counts the others', () => {
    fc.assert(
      fc.property(findings, fc.integer({ min: 0, max: 50 }), (offered, limit) => {
        const kept = new MostSevere(limit);
        for (const finding of offered) if (kept.admits(finding)) kept.add(finding);
        const expected = [...offered].sort((a, b) => compareRank(a, b) || a.message.localeCompare(b.message)).slice(0, limit);
        // Findings equal in rank are interchangeable: compare what ranks them.
        const ranked = (list: Finding[]) => [...list].sort(compareRank).map(({ severity, location, ruleId, key }) => `${severity} ${location.file}:${location.line} ${ruleId} ${key}`);
        expect(ranked(kept.all())).toEqual(ranked(expected));
        expect(kept.omitted).toBe(offered.length - Math.min(limit, offered.length));
      }),
      { numRuns: 2000 },
    );
  });
});
