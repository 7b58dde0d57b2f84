import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostView } from '../../src/inputs/host-view.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { matchesAll } from '../../src/parsers/sshd/block-passes.js';
import { SshdEvaluation } from '../../src/parsers/sshd/effective.js';
import { hostEnvironment } from '../../src/parsers/sshd/host-environment.js';
import { overlay, type ServerOptions } from '../../src/parsers/sshd/options.js';
import { ConfigReader } from '../../src/parsers/sshd/reader.js';
import { walkConfig } from '../../src/parsers/sshd/walk.js';
import { randomTree, seededRandom, type Random } from '../sshd/random-config.js';

/**
 * Every Match block's context comes from one recorded pass (block-passes.ts), not one walk per block. Each must equal
 * what the walk per block gives — walkConfig with the matcher "this block, its enclosing blocks and Match All" — on
 * random configurations with drop-ins included from inside Match blocks, files included twice, unread Includes and
 * Match All blocks.
 */
const CASES = 600;
const directory = mkdtempSync(join(tmpdir(), 'parapet-block-passes-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('Match block contexts from one pass', () => {
  it(`equal a walk per block on ${CASES} random configurations`, () => {
    const random = seededRandom(20260607);
    let blocks = 0;
    for (let index = 0; index < CASES; index++) {
      const caseDirectory = join(directory, `case-${index}`);
      mkdirSync(caseDirectory);
      const tree = randomTree(random, caseDirectory);
      const main = join(caseDirectory, 'sshd_config');
      writeFileSync(main, withMoreMatching(random, tree.main, caseDirectory));
      for (const [name, text] of Object.entries(tree.dropIns)) writeFileSync(join(caseDirectory, name), withMoreMatching(random, text, caseDirectory));

      const file = readInputFile(main, 1 << 20);
      if (!('text' in file)) throw new Error(file.message);
      const context = { root: '/', settings: DEFAULT_RULE_SETTINGS, readFile: (path: string) => readInputFile(path, 1 << 20) };
      const view = hostView(main, '/etc/ssh', context);
      const reader = new ConfigReader(ConfigReader.parse(main, file.text), context.readFile, view);
      const environment = hostEnvironment(view);
      const evaluation = new SshdEvaluation(reader, environment);
      for (const block of evaluation.startup.blocks) {
        const chosen = new Set([block.id, ...block.parents.map((parent) => parent.id)]);
        const walked = overlay(evaluation.startup.options, walkConfig(reader, (candidate) => chosen.has(candidate.id) || matchesAll(candidate), environment).options);
        expect(entries(evaluation.forBlock(block)), `case ${index}, ${block.text} at ${block.id}`).toEqual(entries(walked));
        blocks++;
      }
    }
    // The generator must reach the code: enough blocks compared.
    expect(blocks).toBeGreaterThan(CASES);
  });
});

/** Match All blocks, blocks that include drop-ins, and Includes of files that are not there, at random lines. */
function withMoreMatching(random: Random, text: string, caseDirectory: string): string {
  const lines = text.split('\n');
  const extras = [
    'Match All', 'Match User alice', 'Match Address 10.0.0.0/8', `Include ${caseDirectory}/missing.conf`, `Include ${caseDirectory}/*.conf`,
    `Include ${caseDirectory}/10-a.conf`, 'PasswordAuthentication yes', 'AuthorizedKeysCommand /bin/keys', 'AuthorizedPrincipalsCommand /bin/principals',
    'AllowUsers bob', 'Subsystem sftp internal-sftp', 'RekeyLimit 1G', 'MaxStartups 5', `Match All\nInclude ${caseDirectory}/missing.conf`,
    'Match All\nAuthorizedKeysCommand /bin/keys', 'Match User alice\nAuthorizedPrincipalsCommand /bin/principals\nPasswordAuthentication no',
    'Match All\nPasswordAuthentication no\nAllowUsers carol', 'Match All\nUnusedConnectionTimeout none', 'UnusedConnectionTimeout 5m',
    'UnusedConnectionTimeout none', 'SetEnv A=1 A=2 B=3', 'Match All\nSetEnv B=4', 'IPQoS af21', 'Match All\nIPQoS cs1', 'LogLevel VERBOSE',
  ];
  const count = Math.floor(random() * 9);
  for (let extra = 0; extra < count; extra++) lines.splice(Math.floor(random() * (lines.length + 1)), 0, extras[Math.floor(random() * extras.length)]);
  return lines.join('\n');
}

function entries(options: ServerOptions): [string, unknown][] {
  return [...options].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
