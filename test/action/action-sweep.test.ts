import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCloudSdk, NPM_CI, sdkResolvable, SWEEP_PACKAGES } from '../../src/action/cloud-sdks.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';
import { startAwsStub, type AwsStub } from '../sweep/aws-server.js';
import { copyOfRepository, REPOSITORY, runAction, runActionAsync } from './runner.js';
import { awsChildEnvironment } from '../sweep/aws-environment.js';

/**
 * The Action's `sweep` input, run as the runner runs the committed bundle: from a copy of the repository without
 * node_modules, against the local AWS server. npm is a stand-in on PATH that records how it was run and, to "install",
 * links the repository's node_modules into the Action's directory: no test runs a real `npm ci`.
 */

const ACCOUNT = '123456789012';
const temporary: string[] = [];
let action: string;
let home: string;
let stub: AwsStub;

function scratch(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(directory);
  return directory;
}

/** A directory holding an `npm` that appends its working directory and arguments to `log`, then installs or fails. */
function fakeNpm(log: string, behaviour: 'install' | 'fail'): string {
  const bin = scratch('parapet-fake-npm-');
  const act = behaviour === 'install' ? `ln -s '${join(REPOSITORY, 'node_modules')}' "$PWD/node_modules"` : `echo 'npm ERR! code E404' >&2; exit 1`;
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\nprintf '%s|%s\\n' "$PWD" "$*" >> '${log}'\n${act}\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  return bin;
}

const npmCalls = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);

function awsEnv(npmBin: string): Record<string, string> {
  return { PATH: `${npmBin}:${process.env.PATH ?? ''}`, ...awsChildEnvironment(home) };
}

const sweepInputs = () => ({ sweep: 'aws', regions: 'eu-west-1', category: 'aws', args: `--endpoint-url ${stub.url}`, paths: 'no-such-path' });

function unlinkNodeModules(): void {
  if (existsSync(join(action, 'node_modules'))) unlinkSync(join(action, 'node_modules'));
}

beforeAll(async () => {
  action = copyOfRepository();
  temporary.push(action);
  home = scratch('parapet-aws-home-');
  stub = await startAwsStub({ keys: { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/sweeper` } }, plans: { [`${ACCOUNT}/eu-west-1`]: { corpus: true } } });
});

afterAll(async () => {
  await stub?.close();
  for (const path of temporary) rmSync(path, { recursive: true, force: true });
});

describe('the Action with sweep: aws', () => {
  it('installs the SDK as locked when it does not resolve, sweeps, and writes SARIF, annotations and outputs', async () => {
    unlinkNodeModules();
    const log = join(scratch('parapet-npm-log-'), 'calls');
    const workspace = scratch('parapet-workspace-');
    const run = await runActionAsync(action, workspace, sweepInputs(), { env: awsEnv(fakeNpm(log, 'install')) });

    expect(npmCalls(log)).toEqual([`${action}|${NPM_CI.join(' ')}`]);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('Parapet: installing'))).toEqual([expect.stringContaining(`into ${action} as package-lock.json pins them`)]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.outputs['sarif-file']).toBe(join(workspace, 'parapet.sarif'));
    const log2 = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as Sarif.Log;
    expect(sarifSchemaErrors(log2)).toEqual([]);
    const [sarifRun] = log2.runs;
    expect(sarifRun.automationDetails?.id).toBe('aws/');
    const results = sarifRun.results ?? [];
    expect(results.some((result) => result.ruleId === 'net/ssh-open-to-world')).toBe(true);
    for (const result of results) {
      expect(result.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe(`aws-${ACCOUNT}-eu-west-1.json`);
      expect(result.locations?.[0].logicalLocations?.[0].fullyQualifiedName).toMatch(/^arn:aws:ec2:[\w-]+:\d{12}:security-group\/sg-/);
    }
    expect(run.outputs.findings).toBe(String(results.length));
    expect(run.outputs.errors).toBe('0');
    expect(run.annotations.some((annotation) => annotation.properties.title?.startsWith('net/ssh-open-to-world:'))).toBe(true);
    expect(run.stdout).toMatch(/^::error::Parapet: \d+ findings? at or above 'high' \(input 'fail-on'\)/m);
    expect(run.summary).toMatch(/## Parapet: \d+ findings/);
    // Only the regions asked for were read; the paths input was not.
    expect(new Set(stub.requests.filter((request) => request.service === 'ec2').map((request) => request.region))).toEqual(new Set(['eu-west-1']));
  });

  it('runs no npm when the SDK resolves, and keeps snapshots in the workspace, placed in it', async () => {
    if (!existsSync(join(action, 'node_modules'))) symlinkSync(join(REPOSITORY, 'node_modules'), join(action, 'node_modules'));
    const log = join(scratch('parapet-npm-log-'), 'calls');
    const workspace = scratch('parapet-workspace-');
    const run = await runActionAsync(action, workspace, { ...sweepInputs(), args: `--endpoint-url ${stub.url} --snapshot-dir evidence`, 'fail-on': 'none' }, { env: awsEnv(fakeNpm(log, 'fail')) });

    expect(npmCalls(log)).toEqual([]);
    expect(run.stdout).not.toContain('Parapet: installing');
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(workspace, 'evidence'))).toEqual([`aws-${ACCOUNT}-eu-west-1.json`]);
    const results = (JSON.parse(readFileSync(join(workspace, 'parapet.sarif'), 'utf8')) as Sarif.Log).runs[0].results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.locations?.[0].physicalLocation?.artifactLocation).toEqual({ uri: `evidence/aws-${ACCOUNT}-eu-west-1.json`, uriBaseId: 'SRCROOT' });
    expect(run.annotations.find((annotation) => annotation.properties.title?.startsWith('net/ssh-open-to-world:'))?.properties.file).toBe(`evidence/aws-${ACCOUNT}-eu-west-1.json`);
  });

  it('fails with one error line when npm fails, and writes no report', async () => {
    unlinkNodeModules();
    const log = join(scratch('parapet-npm-log-'), 'calls');
    const workspace = scratch('parapet-workspace-');
    const run = await runActionAsync(action, workspace, sweepInputs(), { env: awsEnv(fakeNpm(log, 'fail')) });

    expect(npmCalls(log)).toHaveLength(1);
    expect(run.status).toBe(1);
    expect(run.annotations).toEqual([{ level: 'error', properties: {}, message: 'Cannot install the aws SDK: npm ci exited with 1 — see its output above' }]);
    expect(run.stderr).toContain('npm ERR! code E404');
    expect(existsSync(join(workspace, 'parapet.sarif'))).toBe(false);
  });

  it('a scan never runs npm, whatever the sweep inputs hold', () => {
    unlinkNodeModules();
    const log = join(scratch('parapet-npm-log-'), 'calls');
    const workspace = scratch('parapet-workspace-');
    writeFileSync(join(workspace, 'sshd_config'), 'PermitRootLogin yes\n');
    const run = runAction(action, workspace, { regions: 'eu-west-1', projects: 'p' }, { env: { PATH: `${fakeNpm(log, 'install')}:${process.env.PATH ?? ''}` } });

    expect(run.status).toBe(1);
    expect(run.outputs.findings).not.toBe('0');
    expect(npmCalls(log)).toEqual([]);
    expect(existsSync(join(action, 'node_modules'))).toBe(false);
  });

  it.each([
    [{ sweep: 'oracle' }, "Input 'sweep' must be empty (a scan of 'paths') or one of aws, azure, gcp; got 'oracle'"],
    [{ sweep: 'aws', args: '--type sshd' }, "Input 'args': Unknown argument: type"],
    [{ sweep: 'aws', args: '--regions eu-west-1' }, "Input 'args': --regions has an input of its own — set 'regions' instead"],
    [{ sweep: 'aws', args: '--shard 3/2' }, "Input 'args': --shard takes i/n"],
    [{ args: '--snapshot-dir x' }, "'parapet scan' that have no input of their own: --type, --config, --inline-ignores, --var-file, --parameter"],
  ])('checks the inputs of a sweep before anything is installed: %j', (inputs, message) => {
    unlinkNodeModules();
    const log = join(scratch('parapet-npm-log-'), 'calls');
    const run = runAction(action, scratch('parapet-workspace-'), inputs, { env: { PATH: `${fakeNpm(log, 'install')}:${process.env.PATH ?? ''}` } });
    expect(run.status).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0].message).toContain(message);
    expect(npmCalls(log)).toEqual([]);
  });
});

describe('the install decision (src/action/cloud-sdks.ts)', () => {
  function withPackages(root: string, names: readonly string[]): void {
    for (const name of names) {
      mkdirSync(join(root, 'node_modules', name), { recursive: true });
      writeFileSync(join(root, 'node_modules', name, 'package.json'), '{}');
    }
  }

  it('resolves a cloud SDK as an import does: node_modules in the directory or a parent, every package of the cloud', () => {
    const root = scratch('parapet-resolve-');
    const inner = join(root, 'action', 'deep');
    mkdirSync(inner, { recursive: true });
    expect(sdkResolvable('aws', inner)).toBe(false);
    withPackages(root, SWEEP_PACKAGES.aws.slice(0, -1));
    expect(sdkResolvable('aws', inner)).toBe(false);
    withPackages(root, SWEEP_PACKAGES.aws);
    expect(sdkResolvable('aws', inner)).toBe(true);
    expect(sdkResolvable('gcp', inner)).toBe(false);
  });

  it('runs no npm when the SDK resolves; without a lock file it installs nothing and says why', () => {
    const root = scratch('parapet-resolve-');
    withPackages(root, SWEEP_PACKAGES.azure);
    const log = join(root, 'npm-calls');
    const path = process.env.PATH;
    process.env.PATH = `${fakeNpm(log, 'install')}:${path ?? ''}`;
    try {
      const lines: string[] = [];
      expect(ensureCloudSdk('azure', root, (line) => lines.push(line))).toEqual({});
      expect(ensureCloudSdk('gcp', root, (line) => lines.push(line))).toEqual({ failure: `Cannot install the gcp SDK: the Action's directory ${root} holds no package-lock.json` });
      expect(lines).toEqual([]);
      expect(npmCalls(log)).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('lists what each sweeper imports, each installed at the top level by `npm ci --omit=dev`', () => {
    const lock = JSON.parse(readFileSync(join(REPOSITORY, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const [cloud, listed] of Object.entries(SWEEP_PACKAGES)) {
      const directory = join(REPOSITORY, 'src/sweep', cloud);
      const imported = new Set<string>();
      for (const file of readdirSync(directory).filter((name) => name.endsWith('.ts'))) {
        for (const match of readFileSync(join(directory, file), 'utf8').matchAll(/\bimport\('((?:@[^/']+\/)?[^/'.][^/']*)[^']*'\)/g)) imported.add(match[1]);
      }
      expect([...imported].sort(), cloud).toEqual([...listed].sort());
      for (const name of listed) expect(lock.packages[`node_modules/${name}`]?.dev, name).toBeUndefined();
      for (const name of listed) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
  });
});
