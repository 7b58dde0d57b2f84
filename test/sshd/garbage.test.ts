import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { loadSshdConfig } from '../../src/parsers/sshd/load.js';
import { knownKeywords } from '../../src/parsers/sshd/keywords.js';

const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.tuple(fc.constantFrom(...knownKeywords(), 'Match', 'Include', '__proto__', 'constructor'), fc.constantFrom(' ', '=', '\t'), fc.string({ maxLength: 40 })).map(([keyword, separator, value]) => `${keyword}${separator}${value}`),
);

describe('sshd parser on garbage', () => {
  it('never throws and always returns one model with located problems', () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const text = lines.join('\n');
      const result = loadSshdConfig({ path: '/x/sshd_config', text, encoding: 'utf-8' }, {
        settings: DEFAULT_RULE_SETTINGS,
        readFile: (path) => ({ id: 'input/unreadable', file: path, message: 'no such file or directory', level: 'error' }),
      });
      expect(result.models).toHaveLength(1);
      for (const problem of result.problems) expect(problem.line).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('stays fast on long hostile lines', () => {
    const hostile = [
      `Match User ${' '.repeat(100_000)}x`,
      `AllowUsers ${'a,'.repeat(100_000)}`,
      `Match Address ${'1'.repeat(100_000)}`,
      `Match User ${'*a'.repeat(20_000)}`,
      `Ciphers ${'aes128-ctr,'.repeat(20_000)}`,
      `LoginGraceTime ${'1s'.repeat(50_000)}`,
    ].join('\n');
    const started = Date.now();
    const result = loadSshdConfig({ path: '/x/sshd_config', text: hostile, encoding: 'utf-8' }, {
      settings: DEFAULT_RULE_SETTINGS,
      readFile: (path) => ({ id: 'input/unreadable', file: path, message: 'no such file or directory', level: 'error' }),
    });
    expect(result.models).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
