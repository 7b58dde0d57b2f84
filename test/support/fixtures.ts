import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const FIXTURES_DIRECTORY = new URL('../../fixtures/', import.meta.url).pathname;

/** `# ruleid: net/x`, `// ruleid: net/x`, `# ok: net/x` — Semgrep-style expectations. */
const ANNOTATION = /^\s*(?:#|\/\/)\s*(ruleid|ok):\s*([\w/-]+)\s*$/;

export interface Fixture {
  /** Rule id of the folder, e.g. 'sshd/password-authentication'. */
  ruleId: string;
  /** 'bad.dropin', 'good.sshd_config', … */
  name: string;
  path: string;
  isDirectory: boolean;
}

export interface PreparedFixture {
  /** A copy with the annotation lines removed: scan this. */
  scanPath: string;
  /** Rules whose findings are compared: the folder's rule and every annotated one. */
  comparedRules: Set<string>;
  /** `ruleId file:line` in terms of the original fixture files, sorted. */
  expected: string[];
  /** Maps a line of a cleaned file back to its line in the fixture. */
  originalLine(relativeFile: string, cleanedLine: number): number;
}

export function listFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const family of readdirSync(FIXTURES_DIRECTORY).sort()) {
    const familyPath = join(FIXTURES_DIRECTORY, family);
    if (!statSync(familyPath).isDirectory()) continue;
    for (const rule of readdirSync(familyPath).sort()) {
      const rulePath = join(familyPath, rule);
      if (!statSync(rulePath).isDirectory()) continue;
      for (const name of readdirSync(rulePath).sort()) {
        const path = join(rulePath, name);
        fixtures.push({ ruleId: `${family}/${rule}`, name, path, isDirectory: statSync(path).isDirectory() });
      }
    }
  }
  return fixtures;
}

export function prepareFixture(fixture: Fixture): PreparedFixture {
  const workspace = mkdtempSync(join(tmpdir(), 'parapet-fixture-'));
  const scanPath = join(workspace, fixture.name);
  cpSync(fixture.path, scanPath, { recursive: true });
  const comparedRules = new Set([fixture.ruleId]);
  const expected: string[] = [];
  const lineMaps = new Map<string, number[]>();

  for (const file of filesUnder(scanPath)) {
    const relativeFile = relative(workspace, file);
    const lines = readFileSync(file, 'latin1').split('\n');
    const kept: string[] = [];
    const originalOfKept: number[] = [];
    let pending: string[] = [];
    lines.forEach((line, index) => {
      const annotation = ANNOTATION.exec(line.replace(/\r$/, ''));
      if (annotation) {
        comparedRules.add(annotation[2]);
        if (annotation[1] === 'ruleid') pending.push(annotation[2]);
        return;
      }
      kept.push(line);
      originalOfKept.push(index + 1);
      for (const ruleId of pending) expected.push(`${ruleId} ${relativeFile}:${index + 1}`);
      pending = [];
    });
    if (originalOfKept.length !== lines.length) writeFileSync(file, Buffer.from(kept.join('\n'), 'latin1'));
    lineMaps.set(relativeFile, originalOfKept);
  }

  return {
    scanPath,
    comparedRules,
    expected: expected.sort(),
    originalLine: (relativeFile, cleanedLine) => lineMaps.get(relativeFile)?.[cleanedLine - 1] ?? -cleanedLine,
  };
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}
