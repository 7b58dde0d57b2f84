import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'parapet-fingerprint-paths-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const examples = new URL('../../examples/', import.meta.url).pathname;

function fingerprints(args: string[], cwd: string): string[] {
  const run = runCli(['scan', ...args, '--format', 'json', '--fail-on', 'none'], { cwd });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { findings: { fingerprint: string }[] }).findings.map((finding) => finding.fingerprint).sort();
}

describe('fingerprints of host configurations and infrastructure code', () => {
  it('do not depend on how a path is spelled, nor on where the checkout stands', () => {
    const first = join(scratch, 'laptop/repo');
    const second = join(scratch, 'runner/checkouts/repo');
    for (const checkout of [first, second]) {
      mkdirSync(join(checkout, '.git'), { recursive: true });
      cpSync(join(examples, 'sshd/insecure-bastion'), join(checkout, 'hosts/bastion'), { recursive: true });
      cpSync(join(examples, 'terraform/insecure-bastion'), join(checkout, 'infra'), { recursive: true });
    }
    const reference = fingerprints(['.'], first);
    expect(reference.length).toBeGreaterThan(10);
    expect(fingerprints(['./hosts/bastion/sshd_config', 'infra'], first)).toEqual(reference);
    expect(fingerprints([join(first, 'hosts'), join(first, 'infra/main.tf')], first)).toEqual(reference);
    expect(fingerprints(['.'], second)).toEqual(reference);
    // Another file is another asset.
    cpSync(join(first, 'hosts/bastion'), join(first, 'hosts/web'), { recursive: true });
    expect(fingerprints(['hosts'], first)).toHaveLength(2 * fingerprints(['hosts/bastion'], first).length);
  });
});
