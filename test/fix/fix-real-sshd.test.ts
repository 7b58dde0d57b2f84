import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { Finding } from '../../src/model/finding.js';
import { judgeConfig, type ConfigUnderFix } from '../../src/fix/judge-config.js';
import { combinedChange, editedTexts, planFixes, type ConfigFixes } from '../../src/fix/plan-fixes.js';
import { randomTree, seededRandom } from '../sshd/random-config.js';
import { sshdInstalled, sshdT, sshdWorkspace } from '../sshd/real-sshd.js';

/**
 * Every fix Parapet offers, checked by the real sshd on random configurations (Match blocks, drop-ins, duplicates,
 * comments, quoting): before and after each fix on its own, and all of a configuration's fixes together, `sshd -T`
 * must accept the file, print the safe value for the fixed keyword, and print every other line as before — for the
 * global configuration and for the case's connection (`-C`) — and Parapet must no longer report the finding.
 */
const CASES = 60;
const SEED = Number(process.env.PARAPET_FIX_SEED ?? 20260601);

describe.skipIf(!sshdInstalled)('fixes hold against the real sshd -T (OpenSSH 9.2p1)', () => {
  let dir: string;
  let key: string;

  beforeAll(() => {
    ({ dir, key } = sshdWorkspace('parapet-fix-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`every fix removes its finding and changes nothing else, on ${CASES} random configurations (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    let judged = 0;
    let fixes = 0;
    let withheld = 0;
    for (let index = 0; index < CASES; index++) {
      const caseDir = join(dir, `case-${index}`);
      mkdirSync(caseDir);
      const tree = randomTree(random, caseDir);
      const main = join(caseDir, 'sshd_config');
      const files = new Map<string, string>([[main, tree.main], ...Object.entries(tree.dropIns).map(([name, text]): [string, string] => [join(caseDir, name), text])]);
      for (const [path, text] of files) writeFileSync(path, text);
      const spec = Object.entries(tree.spec).map(([field, value]) => `${field}=${value}`).join(',');
      const runs = (): SshdRun[] => [sshdRun(main, key), sshdRun(main, key, spec)];
      const before = runs();
      if (before.some((run) => run.status !== 0)) continue;
      judged++;

      const config: ConfigUnderFix = { mainFile: main, boundary: { root: '/' }, settings: DEFAULT_RULE_SETTINGS };
      const [planned] = planFixes(judgedFindings(config), () => config) as (ConfigFixes | undefined)[];
      if (!planned) continue;
      withheld += planned.withheld.length;
      const describeCase = (what: string) => `seed ${SEED} case ${index} (${what}; -C ${spec}):\n${[...files].map(([path, text]) => `--- ${path}\n${text}`).join('')}`;

      const check = (what: string, edited: Map<string, string>, fixed: Finding[]) => {
        for (const [path, text] of edited) writeFileSync(path, text);
        try {
          const after = runs();
          const problem = differences(before, after, fixed) ?? stillReported(config, fixed);
          if (problem) failures.push(`${describeCase(what)}\n${problem}\n${[...edited].map(([path, text]) => `+++ ${path}\n${text}`).join('')}`);
        } finally {
          for (const path of edited.keys()) writeFileSync(path, files.get(path)!);
        }
      };
      // On a configuration sshd accepts, Parapet's own check of a fix must not withhold it: that would hide a wrong plan.
      for (const { finding, reason } of planned.withheld) failures.push(`${describeCase(finding.ruleId)}\nwithheld: ${reason}`);
      for (const { finding, fix } of planned.fixes) {
        fixes++;
        const edited = editedTexts(planned.texts, [fix]);
        if (typeof edited === 'string') failures.push(`${describeCase(finding.ruleId)}\n${edited}`);
        else check(`fix of ${finding.ruleId} ${finding.key}`, edited, [finding]);
      }
      const together = combinedChange(planned);
      if (typeof together === 'string') failures.push(`${describeCase('all fixes')}\n${together}`);
      else check('all fixes', new Map(together.map(({ original, text }) => [original.path, text])), planned.fixes.map(({ finding }) => finding));
      for (const [path, text] of files) expect(readFileSync(path, 'utf8')).toBe(text);
    }
    console.info(`fix property: ${judged} of ${CASES} configurations accepted by sshd, ${fixes} fixes checked one by one and together, ${withheld} withheld`);
    expect(judged).toBeGreaterThan(CASES / 2);
    expect(fixes).toBeGreaterThan(judged);
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

interface SshdRun {
  status: number | null;
  lines: string[];
  stderr: string;
}

function sshdRun(main: string, key: string, spec = ''): SshdRun {
  const run = sshdT(main, key, spec);
  return { status: run.status, lines: run.stdout.split('\n').filter((line) => line !== ''), stderr: run.stderr };
}

function judgedFindings(config: ConfigUnderFix): Finding[] {
  const judged = judgeConfig(config);
  if ('id' in judged) throw new Error(judged.message);
  return judged.findings;
}

/** What the real sshd says changed beyond the fixed keywords, or that a fixed keyword is not the safe value. */
function differences(before: SshdRun[], after: SshdRun[], fixed: Finding[]): string | undefined {
  const keywords = new Map(fixed.map((finding) => [finding.remedy!.keyword.toLowerCase(), finding.remedy!.value]));
  const others = (run: SshdRun) => run.lines.filter((line) => !keywords.has(line.slice(0, line.indexOf(' '))));
  for (const [index, run] of after.entries()) {
    const which = index === 0 ? 'sshd -T' : 'sshd -T -C';
    if (run.status !== 0) return `${which} refused the fixed configuration: ${run.stderr.trim()}`;
    if (others(run).join('\n') !== others(before[index]).join('\n')) {
      const gone = others(before[index]).filter((line) => !others(run).includes(line));
      const added = others(run).filter((line) => !others(before[index]).includes(line));
      return `${which}: other settings changed: before ${gone.join(' | ')}; after ${added.join(' | ')}`;
    }
  }
  for (const [keyword, value] of keywords) {
    const printed = after[0].lines.filter((line) => line.startsWith(`${keyword} `));
    if (printed.join('\n') !== `${keyword} ${value}`) return `sshd -T prints ${printed.join(' | ')}, not ${keyword} ${value}`;
  }
  return undefined;
}

function stillReported(config: ConfigUnderFix, fixed: Finding[]): string | undefined {
  const left = new Set(judgedFindings(config).map((finding) => finding.fingerprint));
  const remaining = fixed.filter((finding) => left.has(finding.fingerprint));
  return remaining.length > 0 ? `Parapet still reports ${remaining.map((finding) => `${finding.ruleId} ${finding.key}`).join(', ')}` : undefined;
}
