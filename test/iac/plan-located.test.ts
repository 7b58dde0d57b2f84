import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

/** An inline ingress rule as a plan writes it: SSH from anywhere. */
const SSH_FROM_ANYWHERE = { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' };

/** plan.json in `directory`, single-line as Terraform writes it. */
function writePlan(directory: string, changes: object[]): void {
  writeFileSync(join(directory, 'plan.json'), JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: changes }));
}

/** A root module calling a local module, and the plan of both. */
function repository(): string {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-plan-located-'));
  mkdirSync(join(directory, 'modules', 'admin'), { recursive: true });
  writeFileSync(join(directory, 'main.tf'), [
    'module "admin" {',
    '  source = "./modules/admin"',
    '}',
    '',
    'variable "bastion_cidrs" {',
    '  type = list(string)',
    '}',
    '',
    'resource "aws_security_group" "bastion" {',
    '  name = "bastion"',
    '  ingress {',
    '    from_port   = 22',
    '    to_port     = 22',
    '    protocol    = "tcp"',
    '    cidr_blocks = var.bastion_cidrs',
    '  }',
    '}',
    '',
  ].join('\n'));
  writeFileSync(join(directory, 'modules', 'admin', 'main.tf'), [
    'variable "count_of" {',
    '  type    = number',
    '  default = 2',
    '}',
    '',
    'resource "aws_vpc_security_group_ingress_rule" "ssh" {',
    '  count             = var.count_of',
    '  security_group_id = "sg-0123456789abcdef0"',
    '  ip_protocol       = "tcp"',
    '  from_port         = 22',
    '  to_port           = 22',
    '  cidr_ipv6         = "::/0"',
    '}',
    '',
  ].join('\n'));
  writePlan(directory, [
    { address: 'aws_security_group.bastion', mode: 'managed', type: 'aws_security_group', name: 'bastion', change: { actions: ['create'], after: { name: 'bastion', ingress: [SSH_FROM_ANYWHERE], egress: [] }, after_unknown: { id: true } } },
    {
      address: 'module.admin.aws_vpc_security_group_ingress_rule.ssh[1]',
      module_address: 'module.admin',
      mode: 'managed',
      type: 'aws_vpc_security_group_ingress_rule',
      name: 'ssh',
      index: 1,
      change: { actions: ['create'], after: { security_group_id: 'sg-0123456789abcdef0', ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: null, cidr_ipv6: '::/0' }, after_unknown: { id: true } },
    },
  ]);
  return directory;
}

describe('a plan beside its module', () => {
  it('points each finding at the resource block of its address, in the root module and in a local module', async () => {
    const directory = repository();
    const result = await scan({ paths: [join(directory, 'plan.json')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`).sort()).toEqual(['main.tf:9', 'modules/admin/main.tf:6']);
    // The plan knows the value the code leaves to a variable: the finding is certain.
    expect(ssh.find((finding) => finding.location.file.endsWith('/main.tf') && !finding.location.file.includes('modules'))?.message).toContain('is reachable from');
    expect(result.problems).toEqual([]);
  });

  it('points at the plan itself when the module is not beside it', async () => {
    const directory = repository();
    const alone = mkdtempSync(join(tmpdir(), 'parapet-plan-alone-'));
    writeFileSync(join(alone, 'plan.json'), readFileSync(join(directory, 'plan.json'), 'utf8'));
    const result = await scan({ paths: [join(alone, 'plan.json')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => relative(alone, finding.location.file))).toEqual(['plan.json', 'plan.json']);
  });

  it('scanned with its module, finds each exposure once where the plan and the code agree', async () => {
    const directory = repository();
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`);
    // The plan's findings are the code's, named within the same module: one fingerprint each, reported once (the
    // code's, judged first: main.tf:15, at the unknown variable; the plan alone would say main.tf:9).
    expect(ssh.sort()).toEqual(['main.tf:15', 'modules/admin/main.tf:6']);
    expect(new Set(result.findings.map((finding) => finding.fingerprint)).size).toBe(result.findings.length);
    expect(result.scannedFiles.map((file) => relative(directory, file)).sort()).toEqual(['main.tf', 'modules/admin/main.tf', 'plan.json']);
  });
});

describe('a plan scanned with the modules it was planned from', () => {
  it("names a called module's group as the scan of the code names it: each exposure once", async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-plan-module-'));
    mkdirSync(join(directory, 'modules', 'web'), { recursive: true });
    writeFileSync(join(directory, 'main.tf'), 'module "web" {\n  source  = "./modules/web"\n  sources = ["0.0.0.0/0"]\n}\n');
    writeFileSync(join(directory, 'modules', 'web', 'main.tf'), [
      'variable "sources" {',
      '  type = list(string)',
      '}',
      '',
      'resource "aws_security_group" "this" {',
      '  name = "web"',
      '  ingress {',
      '    from_port   = 22',
      '    to_port     = 22',
      '    protocol    = "tcp"',
      '    cidr_blocks = var.sources',
      '  }',
      '}',
      '',
    ].join('\n'));
    writePlan(directory, [
      { address: 'module.web.aws_security_group.this', module_address: 'module.web', mode: 'managed', type: 'aws_security_group', name: 'this', change: { actions: ['create'], after: { name: 'web', ingress: [SSH_FROM_ANYWHERE], egress: [] }, after_unknown: { id: true } } },
    ]);
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => [`${relative(directory, finding.location.file)}:${finding.location.line}`, finding.asset.id])).toEqual([['modules/web/main.tf:7', 'module.web.aws_security_group.this']]);
    expect(result.problems).toEqual([]);
  });
});

describe('a plan beside a root module whose module from a registry was not fetched', () => {
  it('points at the call of the module, the innermost one the code holds', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-plan-registry-'));
    writeFileSync(join(directory, 'main.tf'), 'variable "office" {\n  default = "203.0.113.0/24"\n}\n\nmodule "ssh" {\n  source  = "terraform-aws-modules/security-group/aws//modules/ssh"\n  version = "~> 5.0"\n}\n');
    writePlan(directory, [
      { address: 'module.ssh.module.sg.aws_security_group.this_name_prefix[0]', module_address: 'module.ssh.module.sg', mode: 'managed', type: 'aws_security_group', name: 'this_name_prefix', index: 0, change: { actions: ['create'], after: { name: 'ssh', ingress: [SSH_FROM_ANYWHERE], egress: [] }, after_unknown: { id: true } } },
    ]);
    const result = await scan({ paths: [join(directory, 'plan.json')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`)).toEqual(['main.tf:5']);
  });
});

describe('a plan beside a root module whose module terraform init fetched', () => {
  it('points at the resource block in .terraform/modules, as modules.json says', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-plan-fetched-'));
    mkdirSync(join(directory, '.terraform', 'modules', 'sg'), { recursive: true });
    writeFileSync(join(directory, 'main.tf'), 'module "sg" {\n  source = "terraform-aws-modules/security-group/aws"\n}\n');
    writeFileSync(join(directory, '.terraform', 'modules', 'modules.json'), JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'sg', Source: 'registry.terraform.io/terraform-aws-modules/security-group/aws', Dir: '.terraform/modules/sg' }] }));
    writeFileSync(join(directory, '.terraform', 'modules', 'sg', 'main.tf'), 'variable "create" {\n  default = true\n}\n\nresource "aws_security_group" "this" {\n  count = var.create ? 1 : 0\n}\n');
    writePlan(directory, [
      { address: 'module.sg.aws_security_group.this[0]', module_address: 'module.sg', mode: 'managed', type: 'aws_security_group', name: 'this', index: 0, change: { actions: ['create'], after: { name: 'web', ingress: [SSH_FROM_ANYWHERE], egress: [] }, after_unknown: { id: true } } },
    ]);
    const result = await scan({ paths: [join(directory, 'plan.json')], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`)).toEqual(['.terraform/modules/sg/main.tf:5']);
  });
});
