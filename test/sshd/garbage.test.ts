import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { loadSshdConfig } from '../../src/parsers/sshd/load.js';
import { knownKeywords } from '../../src/parsers/sshd/keywords.js';
import { ConfigReader } from '../../src/parsers/sshd/reader.js';
import { hostView, type HostView } from '../../src/inputs/host-view.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import { writeTree } from './temp-tree.js';

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

  it('looks up and reads the drop-ins of an Include repeated 20,000 times once each', () => {
    const root = writeTree({ 'etc/ssh/sshd_config.d/10-a.conf': 'PasswordAuthentication no\n', 'etc/ssh/sshd_config.d/20-b.conf': 'PermitRootLogin no\n' });
    const view = hostView('/etc/ssh/sshd_config', '/etc/ssh', { root });
    const located: string[] = [];
    const read: string[] = [];
    const counting: HostView = { ...view, locate: (path) => (located.push(path), view.locate(path)) };
    const main = ConfigReader.parse('/etc/ssh/sshd_config', 'Include sshd_config.d/*.conf\n'.repeat(20_000));
    const reader = new ConfigReader(main, (path) => (read.push(path), readInputFile(path, 1024 * 1024)), counting);
    const included = main.lines.map((line) => reader.include(line.args[0].text, { file: main.path, line: line.line }));
    expect(included.every(({ files, complete }) => complete && files.length === 2)).toBe(true);
    expect(located).toEqual(['/etc/ssh/sshd_config.d/10-a.conf', '/etc/ssh/sshd_config.d/20-b.conf']);
    expect(read).toEqual([join(root, 'etc/ssh/sshd_config.d/10-a.conf'), join(root, 'etc/ssh/sshd_config.d/20-b.conf')]);
  });
});
