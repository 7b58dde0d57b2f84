import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sshdEffective } from '../../src/cli/sshd-effective.js';
import { randomTree, seededRandom } from './random-config.js';
import { SSHD, sshdInstalled, sshdT, sshdWorkspace } from './real-sshd.js';

const CASES = 600;
const ALL_KEYWORDS = true;
const COMPARED = [
  'passwordauthentication', 'kbdinteractiveauthentication', 'permitrootlogin', 'permitemptypasswords', 'pubkeyauthentication',
  'hostbasedauthentication', 'ignorerhosts', 'loglevel', 'maxauthtries', 'maxsessions', 'logingracetime', 'x11forwarding',
  'allowtcpforwarding', 'allowagentforwarding', 'gatewayports', 'permittunnel', 'clientaliveinterval', 'clientalivecountmax',
  'permituserenvironment', 'usepam', 'allowusers', 'allowgroups', 'denyusers', 'denygroups', 'ciphers', 'macs', 'kexalgorithms',
  'authenticationmethods',
];
if (!sshdInstalled) console.warn(`differential test skipped: ${SSHD} is not installed (apt-get install openssh-server)`);

/** The listed keywords must agree; every other line too, except what depends on the machine (keys, sockets). */
function linesOf(output: string, all: boolean): string[] {
  return output.split('\n').filter((line) => line !== '' && (all ? !/^(hostkey|listenaddress) /.test(line) : COMPARED.includes(line.slice(0, line.indexOf(' ')))));
}

describe.skipIf(!sshdInstalled)('sshdEffective agrees with the real sshd -T (OpenSSH 9.2p1)', () => {
  let dir: string;
  let key: string;

  beforeAll(() => {
    ({ dir, key } = sshdWorkspace('parapet-sshd-diff-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`agrees on ${CASES} random configurations`, () => {
    const random = seededRandom(Number(process.env.PARAPET_DIFF_SEED ?? 20260523));
    const disagreements: string[] = [];
    let refused = 0;
    let oursMs = 0;
    for (let index = 0; index < CASES; index++) {
      const caseDir = join(dir, `case-${index}`);
      mkdirSync(caseDir);
      const tree = randomTree(random, caseDir);
      const main = join(caseDir, 'sshd_config');
      writeFileSync(main, tree.main);
      for (const [name, text] of Object.entries(tree.dropIns)) writeFileSync(join(caseDir, name), text);
      const spec = Object.entries(tree.spec).map(([field, value]) => `${field}=${value}`).join(',');
      const real = sshdT(main, key, spec);
      const started = performance.now();
      const ours = sshdEffective(main, tree.spec, '/');
      oursMs += performance.now() - started;
      const realAccepts = real.status === 0;
      if (!realAccepts) refused++;
      const describeCase = () => `case ${index} (-C ${spec}):\n${tree.main}${Object.entries(tree.dropIns).map(([name, text]) => `--- ${name}\n${text}`).join('')}`;
      if (realAccepts !== (ours.exitCode === 0)) {
        disagreements.push(`${describeCase()}\nsshd exit ${real.status}: ${real.stderr.trim()}\nours exit ${ours.exitCode}: ${ours.stderr.trim()}`);
        continue;
      }
      if (!realAccepts) continue;
      const expected = linesOf(real.stdout, ALL_KEYWORDS);
      const actual = linesOf(ours.stdout, ALL_KEYWORDS);
      if (expected.join('\n') !== actual.join('\n')) {
        const missing = expected.filter((line) => !actual.includes(line));
        const extra = actual.filter((line) => !expected.includes(line));
        disagreements.push(`${describeCase()}\nsshd only: ${missing.join(' | ')}\nours only: ${extra.join(' | ')}`);
      }
    }
    console.info(`differential: ${CASES} cases, ${refused} refused by sshd, ${CASES - disagreements.length} agree, ${disagreements.length} disagree; sshdEffective took ${Math.round(oursMs)} ms in all`);
    if (process.env.PARAPET_DIFF_LOG) writeFileSync(process.env.PARAPET_DIFF_LOG, disagreements.join('\n\n'));
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
