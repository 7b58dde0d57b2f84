import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS } from '../../src/action/action-inputs.js';
import type { ActionOutputs } from '../../src/action/outputs.js';
import { readActionYml, REPOSITORY } from './runner.js';

const action = readActionYml();

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'action/parapet-action.mjs' });
    expect(existsSync(join(REPOSITORY, action.runs.main))).toBe(true);
  });

  it('declares the inputs the Action reads, with the same defaults', () => {
    const declared = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]));
    expect(declared).toEqual(ACTION_INPUTS);
  });

  it('declares the outputs the Action sets', () => {
    const outputs: Record<keyof ActionOutputs, true> = { 'sarif-file': true, findings: true, errors: true };
    const yml = readActionYml() as unknown as { outputs: Record<string, { description: string }> };
    expect(Object.keys(yml.outputs).sort()).toEqual(Object.keys(outputs).sort());
  });

  it('can be listed on the Marketplace: branding, and the Apache License 2.0 that package.json names', () => {
    const yml = readActionYml() as unknown as { name: string; description: string; branding: { icon: string; color: string } };
    expect(yml.name).toBeTruthy();
    expect(yml.description).toBeTruthy();
    expect(yml.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).license).toBe('Apache-2.0');
    // The SHA-256 of https://www.apache.org/licenses/LICENSE-2.0.txt: the full text, unmodified.
    expect(createHash('sha256').update(readFileSync(join(REPOSITORY, 'LICENSE'))).digest('hex')).toBe('cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30');
  });
});

describe('the committed bundle', () => {
  it('is what `npm run build` makes of the sources now (if not: run `npm run build` and commit action/parapet-action.mjs)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-action-build-'));
    try {
      execFileSync(process.execPath, ['build.mjs', 'action', join(directory, 'parapet-action.mjs')], { cwd: REPOSITORY, stdio: 'pipe' });
      for (const file of ['parapet-action.mjs', 'parapet-sweep-worker.mjs', 'THIRD_PARTY_LICENSES.txt']) {
        const committed = readFileSync(join(REPOSITORY, 'action', file));
        expect(readFileSync(join(directory, file)).equals(committed), `action/${file} is stale: run \`npm run build\` and commit it`).toBe(true);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('comes with the license of every package it carries code of', () => {
    const licenses = readFileSync(join(REPOSITORY, 'action/THIRD_PARTY_LICENSES.txt'), 'utf8');
    const listed = [...licenses.matchAll(/^(\S+) \d+\.\d+\.\d+ \((\w+)\)$/gm)].map((match) => match[1]);
    expect(listed).toEqual(expect.arrayContaining(['@actions/core', 'yargs', 'ipaddr.js', 'jsonc-parser']));
    // The stand-ins keep @actions/core's HTTP client out of the bundle.
    expect(listed).not.toContain('undici');
  });

  it('names no path of the machine that built it', () => {
    const bundle = readFileSync(join(REPOSITORY, action.runs.main), 'utf8');
    const machinePaths = [REPOSITORY, dirname(REPOSITORY.replace(/\/$/, '')) + '/', join(tmpdir(), '/')];
    expect(machinePaths.filter((path) => bundle.includes(path))).toEqual([]);
  });
});
