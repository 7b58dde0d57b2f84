import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';

/** Exposures peers have missed in infrastructure code (their trackers list them): each must be found, or rightly not. */

async function findings(name: string, text: string): Promise<string[]> {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-fidelity-'));
  writeFileSync(join(directory, name), text);
  const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
  expect(result.problems.filter((problem) => problem.level === 'error')).toEqual([]);
  return result.findings.map((finding) => `${finding.ruleId}:${finding.location.line}`);
}

const gcp = (body: string) => `resource "google_compute_firewall" "rule" {\n  name    = "rule"\n  network = "default"\n${body}\n}\n`;
const azure = (rules: string) => `resource "azurerm_network_security_group" "nsg" {\n  name                = "nsg"\n  location            = "westeurope"\n  resource_group_name = "rg"\n${rules}\n}\n`;
const azureRule = (name: string, priority: number, access: string, source: string) =>
  `  security_rule {\n    name                       = "${name}"\n    priority                   = ${priority}\n    direction                  = "Inbound"\n    access                     = "${access}"\n` +
  `    protocol                   = "Tcp"\n    source_port_range          = "*"\n    destination_port_range     = "22"\n    source_address_prefix      = "${source}"\n    destination_address_prefix = "*"\n  }\n`;

describe('traps in infrastructure code', () => {
  it('a GCP firewall without ports allows every port', async () => {
    const found = await findings('main.tf', gcp('  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n  }'));
    expect(found).toContain('net/all-ports-open-to-world:1');
    expect(found).toContain('net/ssh-open-to-world:1');
  });

  it('a GCP firewall without source ranges or tags is open to 0.0.0.0/0', async () => {
    expect(await findings('main.tf', gcp('  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }'))).toContain('net/ssh-open-to-world:1');
  });

  it('a disabled GCP firewall opens nothing', async () => {
    const found = await findings('main.tf', gcp('  disabled      = true\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }'));
    expect(found.filter((finding) => finding.startsWith('net/ssh'))).toEqual([]);
  });

  it('protocol -1 in a security group covers every port, whatever from_port and to_port say', async () => {
    const found = await findings('main.tf', 'resource "aws_security_group" "g" {\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
    expect(found).toEqual(expect.arrayContaining(['net/all-ports-open-to-world:2', 'net/ssh-open-to-world:2']));
  });

  it('IPv6 ::/0 alone is the whole internet', async () => {
    const found = await findings('main.tf', 'resource "aws_security_group" "g" {\n  ingress {\n    from_port        = 22\n    to_port          = 22\n    protocol         = "tcp"\n    ipv6_cidr_blocks = ["::/0"]\n  }\n}\n');
    expect(found).toContain('net/ssh-open-to-world:2');
  });

  it.each(['*', 'Internet', 'Any', '0.0.0.0/0'])('Azure source %s is the whole internet', async (source) => {
    expect(await findings('main.tf', azure(azureRule('ssh', 200, 'Allow', source)))).toContain('net/ssh-open-to-world:5');
  });

  it('an Azure deny at a higher priority wins; one at a lower priority does not', async () => {
    const denyFirst = await findings('main.tf', azure(azureRule('deny', 100, 'Deny', '*') + azureRule('ssh', 200, 'Allow', 'Internet')));
    expect(denyFirst.filter((finding) => finding.startsWith('net/ssh'))).toEqual([]);
    const allowFirst = await findings('main.tf', azure(azureRule('deny', 300, 'Deny', '*') + azureRule('ssh', 200, 'Allow', 'Internet')));
    expect(allowFirst).toContain('net/ssh-open-to-world:16');
  });

  it('a GCP deny wins over an allow of the same priority', async () => {
    const rule = (name: string, kind: string) => `resource "google_compute_firewall" "${name}" {\n  name          = "${name}"\n  network       = "default"\n  priority      = 1000\n  source_ranges = ["0.0.0.0/0"]\n  ${kind} {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n}\n`;
    const found = await findings('main.tf', rule('allow-ssh', 'allow') + rule('deny-ssh', 'deny'));
    expect(found.filter((finding) => finding.startsWith('net/ssh'))).toEqual([]);
    expect(found).toContain('net/shadowed-rule:1');
  });

  it('an unresolved source on port 22 is a possible exposure, not nothing', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-fidelity-'));
    writeFileSync(join(directory, 'main.tf'), 'variable "admin_cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.admin_cidrs\n  }\n}\n');
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => finding.location.line)).toEqual([10]);
    expect(ssh[0].message).toContain('may be reachable from any IPv4 address (0.0.0.0/0)');
    expect(ssh[0].message).toContain('depending on `var.admin_cidrs`');
    expect(result.problems).toEqual([expect.objectContaining({ id: 'iac/unresolved', level: 'warning', line: 10 })]);
  });

  it('a value given with --var-file is used, and the finding is then certain', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-fidelity-'));
    writeFileSync(join(directory, 'main.tf'), 'variable "admin_cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.admin_cidrs\n  }\n}\n');
    const varFile = join(mkdtempSync(join(tmpdir(), 'parapet-vars-')), 'prod.tfvars');
    writeFileSync(varFile, 'admin_cidrs = ["10.0.0.0/8"]\n');
    const safe = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { varFiles: [varFile], parameters: new Map() } });
    expect(safe.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world')).toEqual([]);
    expect(safe.problems).toEqual([]);
    writeFileSync(varFile, 'admin_cidrs = ["0.0.0.0/0"]\n');
    const open = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { varFiles: [varFile], parameters: new Map() } });
    expect(open.findings.find((finding) => finding.ruleId === 'net/ssh-open-to-world')?.message).toContain('is reachable from');
  });

  it('--var-file gives values to the root module only: a module below it takes the values its call gives', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-fidelity-'));
    const module = 'variable "admin_cidrs" {\n  type = list(string)\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.admin_cidrs\n  }\n}\n';
    writeFileSync(join(directory, 'main.tf'), `module "child" {\n  source      = "./child"\n  admin_cidrs = ["0.0.0.0/0"]\n}\n\n${module}`);
    mkdirSync(join(directory, 'child'));
    writeFileSync(join(directory, 'child', 'main.tf'), module);
    const varFile = join(mkdtempSync(join(tmpdir(), 'parapet-vars-')), 'prod.tfvars');
    writeFileSync(varFile, 'admin_cidrs = ["10.0.0.0/8"]\n');
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { varFiles: [varFile], parameters: new Map() } });
    const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
    expect(ssh.map((finding) => [finding.location.file, finding.asset.name])).toEqual([[join(directory, 'child', 'main.tf'), 'module.child.aws_security_group.g']]);
    expect(ssh[0].message).toContain('is reachable from any IPv4 address');
  });

  it('Terraform removes the allow-all egress EC2 adds; CloudFormation keeps it', async () => {
    const terraform = await findings('main.tf', 'resource "aws_security_group" "g" {\n  name = "g"\n}\n');
    expect(terraform.filter((finding) => finding.startsWith('net/egress'))).toEqual([]);
    const cloudFormation = await findings('stack.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n');
    expect(cloudFormation).toContain('net/egress-open-to-world:3');
  });

  it('a CloudFormation parameter given with --parameter replaces its default', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'parapet-fidelity-'));
    writeFileSync(join(directory, 'stack.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  AdminCidr:\n    Type: String\n    Default: 10.0.0.0/8\nResources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      SecurityGroupEgress: []\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !Ref AdminCidr\n');
    const judged = async (parameters: [string, string][]) =>
      (await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { varFiles: [], parameters: new Map(parameters) } })).findings.map((finding) => `${finding.ruleId}:${finding.location.line}`);
    expect(await judged([])).toEqual([]);
    expect(await judged([['AdminCidr', '0.0.0.0/0']])).toEqual(['net/ssh-open-to-world:13']);
  });
});
