import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { sarifSchemaErrors } from './support/sarif-validator.js';

const repository = join(import.meta.dirname, '..');
const multitool = join(repository, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const corpus = (path: string) => join('test/corpus', path);

/** One scan per input type, each with inputs that make notifications (problems) as well as results. */
function scans(workspace: string): Record<string, string[]> {
  const broken = (name: string, content: string | Buffer) => {
    const path = join(workspace, 'inputs', name);
    writeFileSync(path, content);
    return path;
  };
  const awsExample = readFileSync(join(repository, 'examples/cloud/aws-describe-security-groups.json'), 'utf8');
  return {
    sshd: ['examples/sshd', corpus('sshd')],
    ufw: ['examples/ufw', corpus('ufw/oracle-default-allow/status.txt'), broken('user.rules', 'not a ufw file\n')],
    'windows-firewall': [
      'examples/windows',
      corpus('windows'),
      broken('netsh-cut-off.txt', '\r\nRule Name:                            Cut off\r\n' + '-'.repeat(70) + '\r\nEnabled:                              Yes\r\n'),
      broken('garbage.bin', Buffer.from([0, 1, 2, 3, 0xff, 0])),
    ],
    aws: ['examples/cloud/aws-describe-security-groups.json', corpus('aws'), broken('aws-cut-off.json', awsExample.slice(0, awsExample.length / 2))],
    azure: ['examples/cloud/azure-network-nsg-list.json', corpus('azure'), join(workspace, 'inputs', 'no-such-export.json')],
    gcp: ['examples/cloud/gcp-firewall-rules-list.json', corpus('gcp')],
    terraform: [corpus('iac/terraform'), 'fixtures/net/ssh-open-to-world/bad.terraform-unknown.tf', broken('broken.tf', 'resource "aws_security_group" "x" {\n  ingress {\n')],
    terragrunt: ['fixtures/net/ssh-open-to-world/bad.terragrunt-registry', 'fixtures/net/rdp-open-to-world/bad.terragrunt-local-module', broken('terragrunt.hcl', 'terraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n\ninputs = {\n')],
    'terraform-plan': [corpus('iac/terraform-plan'), broken('plan-cut-off.json', '{"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": [{')],
    cloudformation: [corpus('iac/cloudformation'), broken('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  G: [\n')],
    arm: [corpus('iac/arm'), 'fixtures/net/ssh-open-to-world/bad.arm-parameters-deployment', broken('template.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [')],
    'aws-lightsail': [corpus('aws/lightsail-get-instances-page1.synthetic.json'), broken('lightsail-cut-off.json', '{"instances": [{"name": "a", "blueprintId": "ubuntu_24_04", ')],
    bicep: ['fixtures/net/rdp-open-to-world/bad.bicep-module', 'fixtures/net/ssh-open-to-world/bad.bicep', broken('broken.bicep', "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n")],
  };
}

let workspace: string;
const logs = new Map<string, Sarif.Log>();

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'parapet-sarif-github-'));
  mkdirSync(join(workspace, 'inputs'));
  for (const [type, paths] of Object.entries(scans(workspace))) {
    const output = join(workspace, `${type}.sarif`);
    const run = runCli(['scan', ...paths, '--format', 'sarif', '--output', output], { cwd: repository });
    if (!existsSync(output)) throw new Error(`${type}: no SARIF written (exit ${run.status}): ${run.stderr}`);
    logs.set(type, JSON.parse(readFileSync(output, 'utf8')));
  }
});

describe('SARIF of every input type, with results and notifications', () => {
  it('has results and notifications for each type', () => {
    for (const [type, log] of logs) {
      const run = log.runs[0];
      expect([type, (run.results ?? []).length > 0, (run.invocations?.[0].toolExecutionNotifications ?? []).length > 0]).toEqual([type, true, true]);
    }
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    for (const [type, log] of logs) expect([type, sarifSchemaErrors(log)]).toEqual([type, []]);
  });

  it('describes every notification it makes, with a short and a full description and help', () => {
    for (const [type, log] of logs) {
      const run = log.runs[0];
      const descriptors = run.tool.driver.notifications ?? [];
      const used = new Set(run.invocations![0].toolExecutionNotifications!.map((notification) => notification.descriptor!.id));
      expect([type, descriptors.map((descriptor) => descriptor.id)]).toEqual([type, [...used].sort()]);
      for (const descriptor of descriptors) {
        expect(descriptor.shortDescription?.text ?? '', descriptor.id).toMatch(/\S/);
        expect(descriptor.fullDescription?.text ?? '', descriptor.id).toMatch(/\S/);
        expect(descriptor.help?.text ?? '', descriptor.id).toMatch(/\S/);
      }
    }
  });

  // The multitool is the linux build of a devDependency; on other systems it is not installed.
  it.skipIf(process.platform !== 'linux')('passes the GitHub ingestion rules of @microsoft/sarif-multitool (--rule-kind "Sarif;Gh") without an error', () => {
    expect(existsSync(multitool), `${multitool} missing: run npm ci`).toBe(true);
    const files = [...logs.keys()].map((type) => join(workspace, `${type}.sarif`));
    const output = join(workspace, 'multitool.sarif');
    execFileSync(multitool, ['validate', ...files, '--rule-kind', 'Sarif;Gh', '-o', output, '--log', 'ForceOverwrite', '--quiet'], { stdio: 'pipe' });
    const validation = (JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log).runs[0];
    expect(validation.artifacts?.length ?? files.length).toBe(files.length);
    const errors = (validation.results ?? []).filter((result) => result.level === 'error').map((result) => describeResult(result, validation));
    expect(errors).toEqual([]);
  });
});

/** `file: RULE message`, the message filled in from the rule's message strings as the multitool prints it. */
function describeResult(result: Sarif.Result, run: Sarif.Run): string {
  const file = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.replace(/^.*\//, '') ?? '?';
  const rule = run.tool.driver.rules?.find((candidate) => candidate.id === result.ruleId);
  const template = (result.message.id && rule?.messageStrings?.[result.message.id]?.text) ?? result.message.text ?? '';
  const text = template.replace(/\{(\d+)\}/g, (_, index: string) => result.message.arguments?.[Number(index)] ?? '');
  return `${file}: ${result.ruleId} ${text}`;
}
