import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgsInput } from '../../src/action/args-input.js';
import { readScanInputs } from '../../src/action/scan-inputs.js';
import { runCli } from '../support/run-cli.js';

const TREE = join(import.meta.dirname, 'tree');
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((undo) => undo()));

function withInput(name: string, value: string): void {
  const key = `INPUT_${name.toUpperCase()}`;
  const before = process.env[key];
  process.env[key] = value;
  cleanup.push(() => (before === undefined ? delete process.env[key] : (process.env[key] = before)));
}

function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-action-baseline-'));
  cleanup.push(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

describe("the Action's args input passes --baseline through", () => {
  it('parses --baseline for a scan and for a sweep', async () => {
    expect(await parseArgsInput('--baseline previous.sarif')).toMatchObject({ baseline: 'previous.sarif' });
    expect(await parseArgsInput('--baseline previous.sarif', 'sweep')).toMatchObject({ baseline: 'previous.sarif' });
  });

  it('reads the baseline from the workspace before scanning', async () => {
    const workspace = scratch();
    expect(runCli(['baseline', 'write', TREE, '--output', join(workspace, 'previous.sarif')]).status).toBe(0);
    withInput('args', '--baseline previous.sarif');
    withInput('paths', TREE);
    const inputs = await readScanInputs(workspace);
    expect('usageError' in inputs ? inputs.usageError : inputs.baseline?.file).toBe(join(workspace, 'previous.sarif'));
    expect('usageError' in inputs ? 0 : inputs.baseline!.results.length).toBeGreaterThan(0);
  });

  it("makes a bad baseline a failure of input 'args' that names the file", async () => {
    const workspace = scratch();
    withInput('args', '--baseline missing.sarif');
    const inputs = await readScanInputs(workspace);
    expect(inputs).toEqual({ usageError: expect.stringMatching(/^Input 'args': --baseline .*missing\.sarif: cannot read it \(ENOENT\)/) });
  });
});
