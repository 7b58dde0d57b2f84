import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { detectFormat } from '../../src/inputs/formats.js';
import { readHead } from '../../src/inputs/input-file.js';
import { scan } from '../../src/scan/scan.js';

/** Real modules and templates from public repositories (test/corpus/iac/*\/SOURCES.md): each is found, read and judged as `parapet scan` does. */
const CORPUS = new URL('../corpus/iac/', import.meta.url).pathname;
const TYPE_OF_FOLDER: Record<string, string> = { terraform: 'terraform', 'terraform-plan': 'terraform-plan', cloudformation: 'cloudformation', arm: 'arm' };

const entries = Object.keys(TYPE_OF_FOLDER).flatMap((folder) =>
  readdirSync(join(CORPUS, folder))
    .filter((name) => name !== 'SOURCES.md' && !name.startsWith('synthetic'))
    .map((name) => [folder, name, join(CORPUS, folder, name)] as const),
);

describe('the infrastructure code corpus', () => {
  it.each(entries)('%s/%s is detected, read and judged without an error', async (folder, _, path) => {
    const files = statSync(path).isDirectory() ? readdirSync(path).filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json')).map((name) => join(path, name)) : [path];
    for (const file of files) expect(detectFormat(file.slice(file.lastIndexOf('/') + 1), readHead(file).head)?.type).toBe(TYPE_OF_FOLDER[folder]);
    const result = await scan({ paths: [path], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
    expect(result.problems.map((problem) => problem.id).filter((id) => id !== 'iac/unresolved')).toEqual([]);
    expect(result.scannedFiles.length).toBeGreaterThan(0);
  });
});
