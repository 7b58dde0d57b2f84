import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SSHD_RULES } from '../../rules/sshd/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import type { LoadContext } from '../../src/inputs/input-format.js';
import type { SshdConfigModel, SshdSetting } from '../../src/model/sshd-config.js';
import { loadSshdConfig } from '../../src/parsers/sshd/load.js';
import { listFixtures, prepareFixture } from '../support/fixtures.js';

/**
 * The sshd rules judged twice over every sshd fixture: once over Parapet's model, once over the effective global
 * configuration the real `sshd -T` prints. The global verdicts must agree, so a rule cannot depend on a quirk of
 * the evaluator, and the fixtures' expectations hold for the real program.
 */
const MiB = 1024 * 1024;
const hostKey = join(mkdtempSync(join(tmpdir(), 'parapet-hostkey-')), 'key');
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);

const fixtures = listFixtures().filter((fixture) => fixture.ruleId.startsWith('sshd/'));

describe('sshd rules agree with the real sshd -T on the global context', () => {
  it.each(fixtures.map((fixture) => [`${fixture.ruleId}/${fixture.name}`, fixture] as const))('%s', (_, fixture) => {
    const prepared = prepareFixture(fixture);
    const root = fixture.isDirectory ? prepared.scanPath : undefined;
    const mainFile = root ? join(root, 'etc/ssh/sshd_config') : prepared.scanPath;
    const ours = loadModel(mainFile, root);
    const oracle = sshdT(mainFile, root);

    if (oracle.status !== 0) {
      expect(ours.invalid.length, `sshd refused the file (${oracle.stderr.trim()}) but Parapet found nothing invalid`).toBeGreaterThan(0);
      return;
    }
    expect(ours.invalid).toEqual([]);
    const theirs = modelFromSshdT(oracle.stdout, ours);
    for (const rule of SSHD_RULES) {
      const globalKeys = (model: SshdConfigModel) => rule.check(model, DEFAULT_RULE_SETTINGS).map((finding) => finding.key).filter((key) => key.startsWith('global/')).sort();
      expect(globalKeys(ours), rule.id).toEqual(globalKeys(theirs));
    }
  });
});

function loadModel(path: string, root: string | undefined): SshdConfigModel {
  const file = readInputFile(path, 16 * MiB);
  if (!('text' in file)) throw new Error(`${path}: ${file.message}`);
  const context: LoadContext = { root, settings: DEFAULT_RULE_SETTINGS, readFile: (included) => readInputFile(included, 16 * MiB) };
  const models = loadSshdConfig(file, context).models as SshdConfigModel[];
  expect(models).toHaveLength(1);
  return models[0];
}

/**
 * Runs the real sshd in test mode. A host image's etc/ is laid over /etc in a private mount namespace (so includes
 * such as /etc/crypto-policies resolve into it), and its etc/ssh replaces /etc/ssh outright.
 */
const OVERLAY_HOST_IMAGE = 'mount -t overlay overlay -o "lowerdir=$1/etc:/etc" /etc && mount --bind "$1/etc/ssh" /etc/ssh && exec /usr/sbin/sshd -T -f /etc/ssh/sshd_config -h "$2"';

function sshdT(mainFile: string, root: string | undefined) {
  const result = root
    ? spawnSync('unshare', ['-m', 'sh', '-c', OVERLAY_HOST_IMAGE, 'sh', root, hostKey], { encoding: 'utf8' })
    : spawnSync('/usr/sbin/sshd', ['-T', '-f', mainFile, '-h', hostKey], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The global context as `sshd -T` prints it: one `keyword value` line per value; every value counts as set. */
function modelFromSshdT(output: string, like: SshdConfigModel): SshdConfigModel {
  const values = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const keyword = line.slice(0, space);
    values.set(keyword, [...(values.get(keyword) ?? []), line.slice(space + 1)]);
  }
  const get = (keyword: string): SshdSetting => ({ keyword, values: values.get(keyword) ?? [] });
  return { ...like, contexts: [{ name: 'global', get, setsHere: () => true }], invalid: [] };
}
