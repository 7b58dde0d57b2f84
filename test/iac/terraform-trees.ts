import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

/** A directory of Terraform files, written from their texts by path. */
export function tree(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-terraform-tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return directory;
}

/** A real module of the corpus (test/corpus/iac/terraform/NAME, unchanged) copied into the tree at `at`. */
export function withCorpusModule(directory: string, name: string, at: string): void {
  cpSync(new URL(`../corpus/iac/terraform/${name}`, import.meta.url).pathname, join(directory, at), { recursive: true });
}

/** A scan of the tree: findings, problems and the files scanned, with paths from the tree. */
export async function scanned(directory: string, path = directory) {
  const result = await scan({ paths: [path], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
  return {
    findings: result.findings.map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id}`),
    problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`),
    scannedFiles: result.scannedFiles.map((file) => relative(directory, file)).sort(),
  };
}
