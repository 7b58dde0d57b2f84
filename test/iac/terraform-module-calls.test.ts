import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import type { LoadContext } from '../../src/inputs/input-format.js';
import { localModules } from '../../src/parsers/iac/local-modules.js';
import { moduleFiles } from '../../src/parsers/iac/module-files.js';
import { evaluateModule, parseModule } from '../../src/parsers/terraform/module.js';
import { scan } from '../../src/scan/scan.js';
import { plain } from './terraform-helpers.js';
import { scanned, tree, withCorpusModule } from './terraform-trees.js';

/** A module that opens the ports its rules name, from each rule's CIDR or else the whole internet. */
const SECURITY_GROUP_MODULE = `variable "name" {
  type = string
}

variable "rules" {
  type = list(object({
    port = number
    cidr = optional(string, "0.0.0.0/0")
  }))
}

resource "aws_security_group" "this" {
  name = var.name
}

resource "aws_security_group_rule" "ingress" {
  count             = length(var.rules)
  type              = "ingress"
  security_group_id = aws_security_group.this.id
  protocol          = "tcp"
  from_port         = var.rules[count.index].port
  to_port           = var.rules[count.index].port
  cidr_blocks       = [var.rules[count.index].cidr]
}
`;

const CALLER = (source: string) => `variable "office" {
  default = "203.0.113.0/24"
}

module "web" {
  source = "${source}"
  name   = "web"
  rules  = [{ port = 443 }, { port = 22, cidr = var.office }]
}

module "db" {
  source   = "${source}"
  for_each = { a = 5432, b = 3389 }
  name     = "db-\${each.key}"
  rules    = [{ port = each.value }]
}
`;

const CALLED_AS_TERRAFORM_PLANS_IT = [
  'net/rdp-open-to-world modules/sg/main.tf:16 module.db["b"].aws_security_group.this',
  'net/risky-port-open-to-world modules/sg/main.tf:16 module.db["a"].aws_security_group.this',
];

describe('modules called from the local file system', () => {
  test("a called module is judged with the values its call gives, once per instance, and not again on its own", async () => {
    const directory = tree({ 'main.tf': CALLER('./modules/sg'), 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const { findings, problems, scannedFiles } = await scanned(directory);
    // module.web opens 443 to the world and SSH to the office only; on its own, the module would be judged with its
    // rules unknown: every port from everywhere, "may be reachable".
    expect(findings).toEqual(CALLED_AS_TERRAFORM_PLANS_IT);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['main.tf', 'modules/sg/main.tf']);
  });

  test('the caller claims the module whatever the order of their paths, through ../ and two levels of calls', async () => {
    const directory = tree({
      'z-live/main.tf': 'module "net" {\n  source = "../b-net"\n}\n',
      'b-net/main.tf': CALLER('../a-modules/sg'),
      'a-modules/sg/main.tf': SECURITY_GROUP_MODULE,
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(CALLED_AS_TERRAFORM_PLANS_IT.map((line) => line.replace('modules/sg', 'a-modules/sg').replace(' module.db', ' module.net.module.db')));
    expect(problems).toEqual([]);
  });

  test("the caller reads a module's outputs: a CIDR its resources fix, the group a rule attaches to (count instances too)", async () => {
    const directory = tree({
      'main.tf': [
        'module "vpc" {\n  source = "./modules/vpc"\n  cidr   = "10.20.0.0/16"\n}\n',
        'module "sg" {\n  source = "./modules/sg"\n  count  = 2\n  name   = "app-${count.index}"\n}\n',
        'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [module.vpc.cidr]\n  }\n}\n',
        'resource "aws_security_group_rule" "rdp" {\n  type              = "ingress"\n  security_group_id = module.sg[1].id\n  protocol          = "tcp"\n  from_port         = 3389\n  to_port           = 3389\n  cidr_blocks       = ["0.0.0.0/0"]\n}\n',
      ].join('\n'),
      'modules/vpc/main.tf': 'variable "cidr" {\n  type = string\n}\n\nresource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n\noutput "cidr" {\n  value = aws_vpc.this.cidr_block\n}\n',
      'modules/sg/main.tf': 'variable "name" {\n  type = string\n}\n\nresource "aws_security_group" "this" {\n  name = var.name\n}\n\noutput "id" {\n  value = aws_security_group.this.id\n}\n',
    });
    const { findings, problems } = await scanned(directory);
    // SSH is open to the VPC's range only; without the output, it would be "may be reachable from 0.0.0.0/0".
    expect(findings).toEqual(['net/rdp-open-to-world main.tf:21 module.sg[1].aws_security_group.this']);
    expect(problems).toEqual([]);
  });

  test("a cycle through a module's outputs is reported, and what it depends on judged unknown", async () => {
    const directory = tree({
      'main.tf': 'locals {\n  cidr = module.echo.cidr\n}\n\nmodule "echo" {\n  source = "./echo"\n  cidr   = local.cidr\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [local.cidr]\n  }\n}\n',
      'echo/main.tf': 'variable "cidr" {}\n\noutput "cidr" {\n  value = var.cidr\n}\n',
    });
    const { findings, problems } = await scanned(directory);
    expect(problems.filter((problem) => problem.startsWith('error'))).toEqual(['error iac/invalid-resource main.tf:2 local.cidr depends on itself']);
    expect(findings).toContain('net/ssh-open-to-world main.tf:15 aws_security_group.g');
  });

  test('two root modules calling one module: each instance judged with its own values, its findings naming its root', async () => {
    const call = (sources: string) => `module "jump" {\n  source = "../../modules/sg"\n  name   = "jump"\n  rules  = [{ port = 3389, cidr = "${sources}" }]\n}\n`;
    const directory = tree({ 'envs/prod/main.tf': call('10.8.0.0/16'), 'envs/staging/main.tf': call('0.0.0.0/0'), 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    expect(result.findings.map((finding) => [finding.ruleId, relative(directory, finding.location.file), finding.asset.within && relative(directory, finding.asset.within)])).toEqual([
      ['net/rdp-open-to-world', 'modules/sg/main.tf', 'envs/staging'],
    ]);
    expect(result.findings[0].message).toContain(`on module.jump.aws_security_group.this (jump) in ${join(directory, 'envs', 'staging')} is reachable`);
  });

  test('a call Terraform rejects — an argument no variable takes, a required variable left out — is an error, once for all its instances', async () => {
    const directory = tree({ 'main.tf': 'module "web" {\n  source = "./modules/sg"\n  count  = 2\n  rulez  = []\n}\n', 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const { problems } = await scanned(directory);
    expect(problems.filter((problem) => problem.startsWith('error')).map((problem) => problem.split(' — ')[0])).toEqual([
      `error iac/invalid-resource main.tf:1 module.web gives 'rulez', which no variable of the module takes ("Unsupported argument")`,
      `error iac/invalid-resource main.tf:1 module.web leaves out 'name', which has no default ("Missing required argument")`,
      `error iac/invalid-resource main.tf:1 module.web leaves out 'rules', which has no default ("Missing required argument")`,
    ]);
  });

  test("the pattern of terraform-aws-modules/security-group: named rules looked up in a map, attached through concat(a.*.id, b.*.id, [\"\"])[0]", async () => {
    const directory = tree({ 'main.tf': "module \"web_sg\" {\n  source              = \"./sg\"\n  name                = \"web\"\n  ingress_cidr_blocks = [\"0.0.0.0/0\"]\n  ingress_rules       = [\"https-443-tcp\", \"ssh-tcp\"]\n}\n", 'sg/main.tf': "variable \"create\" {\n  default = true\n}\nvariable \"use_name_prefix\" {\n  default = true\n}\nvariable \"name\" {}\nvariable \"ingress_rules\" {\n  type    = list(string)\n  default = []\n}\nvariable \"ingress_cidr_blocks\" {\n  type    = list(string)\n  default = []\n}\nvariable \"rules\" {\n  type = map(list(any))\n  default = {\n    https-443-tcp = [443, 443, \"tcp\", \"HTTPS\"]\n    ssh-tcp       = [22, 22, \"tcp\", \"SSH\"]\n    _             = [\"\", \"\", \"\"]\n  }\n}\nlocals {\n  this_sg_id = concat(\n    aws_security_group.this.*.id,\n    aws_security_group.this_name_prefix.*.id,\n    [\"\"],\n  )[0]\n}\nresource \"aws_security_group\" \"this\" {\n  count = var.create && false == var.use_name_prefix ? 1 : 0\n  name  = var.name\n}\nresource \"aws_security_group\" \"this_name_prefix\" {\n  count       = var.create && var.use_name_prefix ? 1 : 0\n  name_prefix = \"${var.name}-\"\n}\nresource \"aws_security_group_rule\" \"ingress_rules\" {\n  count             = var.create ? length(var.ingress_rules) : 0\n  security_group_id = local.this_sg_id\n  type              = \"ingress\"\n  cidr_blocks       = var.ingress_cidr_blocks\n  description       = var.rules[var.ingress_rules[count.index]][3]\n  from_port         = var.rules[var.ingress_rules[count.index]][0]\n  to_port           = var.rules[var.ingress_rules[count.index]][1]\n  protocol          = var.rules[var.ingress_rules[count.index]][2]\n}\n" });
    const { findings, problems } = await scanned(directory);
    // HTTPS open to the world is not a finding; SSH is, on the one group of the two that count makes.
    expect(findings).toEqual(['net/ssh-open-to-world sg/main.tf:39 module.web_sg.aws_security_group.this_name_prefix[0]']);
    expect(problems).toEqual([]);
  });

  test('a real module called with its rules: Azure/terraform-azurerm-network-security-group from the corpus', async () => {
    const rule = (name: string, priority: number, port: number, source: string) =>
      `    {\n      name                   = "${name}"\n      priority               = ${priority}\n      direction              = "Inbound"\n      access                 = "Allow"\n      protocol               = "Tcp"\n      destination_port_range = "${port}"\n      source_address_prefix  = "${source}"\n    },\n`;
    const directory = tree({
      'main.tf': `module "nsg" {\n  source              = "./nsg"\n  resource_group_name = "rg"\n  security_group_name = "web-nsg"\n  custom_rules = [\n${rule('ssh', 200, 22, '10.0.0.0/8')}${rule('rdp', 201, 3389, '*')}  ]\n}\n`,
    });
    withCorpusModule(directory, 'azurerm-network-security-group', 'nsg');
    const { findings, problems } = await scanned(directory);
    expect(findings.filter((finding) => !finding.startsWith('net/egress-open-to-world'))).toEqual(['net/rdp-open-to-world nsg/main.tf:40 module.nsg.azurerm_network_security_group.nsg']);
    expect(problems).toEqual([]);
  });

  test('a real module called with named rules: terraform-aws-modules/terraform-aws-security-group from the corpus', async () => {
    const directory = tree({
      'main.tf': `module "bastion" {
  source = "./sg"
  name   = "bastion"
  vpc_id = "vpc-12345678"

  ingress_cidr_blocks = ["0.0.0.0/0"]
  ingress_rules       = ["ssh-tcp", "https-443-tcp"]
  ingress_with_cidr_blocks = [
    { rule = "rdp-tcp", cidr_blocks = "10.0.0.0/8" },
    { from_port = 8081, to_port = 8084, protocol = "tcp", cidr_blocks = "0.0.0.0/0" },
  ]
}
`,
    });
    withCorpusModule(directory, 'terraform-aws-security-group', 'sg');
    const { findings, problems } = await scanned(directory);
    // SSH from anywhere through the rule table's `ssh-tcp`, and Flow's ports; RDP from 10/8 and HTTPS are not findings.
    expect(findings.filter((finding) => !finding.startsWith('net/egress-open-to-world'))).toEqual([
      'net/ssh-open-to-world sg/main.tf:64 module.bastion.aws_security_group.this_name_prefix[0]',
      'net/app-port-public sg/main.tf:189 module.bastion.aws_security_group.this_name_prefix[0]',
    ]);
    expect(problems).toEqual([]);
  });

  test('a module no scanned module calls is judged on its own, its variables unknown and judged as the worst', async () => {
    const directory = tree({ 'main.tf': CALLER('./modules/sg'), 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const { findings } = await scanned(directory, join(directory, 'modules', 'sg'));
    expect(findings).toContain('net/ssh-open-to-world modules/sg/main.tf:21 aws_security_group.this');
  });

  test('a module outside the scanned directory is not read, and said', async () => {
    const directory = tree({ 'live/main.tf': CALLER('../modules/sg'), 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const { findings, problems, scannedFiles } = await scanned(directory, join(directory, 'live'));
    expect(findings).toEqual([]);
    expect(problems).toEqual([
      "warning input/outside-boundary live/main.tf:5 module.web comes from '../modules/sg', outside the scanned directory " + join(directory, 'live'),
      "warning input/outside-boundary live/main.tf:11 module.db comes from '../modules/sg', outside the scanned directory " + join(directory, 'live'),
    ]);
    expect(scannedFiles).toEqual(['live/main.tf']);
  });

  test("a called module takes no variable file, not even its own terraform.tfvars: what its call leaves out keeps the default", async () => {
    const directory = tree({
      'main.tf': 'module "web" {\n  source = "./modules/web"\n}\n',
      'modules/web/main.tf': 'variable "sources" {\n  default = ["10.0.0.0/8"]\n}\n\nresource "aws_security_group" "this" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = var.sources\n  }\n}\n',
      'modules/web/terraform.tfvars': 'sources = ["0.0.0.0/0"]\n',
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('more than 256 module instances: the first are judged, the rest is an error, never a clean result', async () => {
    const directory = tree({ 'main.tf': CALLER('./modules/sg').replace('{ a = 5432, b = 3389 }', '{ for n in range(300) : "n${n}" => 3389 }'), 'modules/sg/main.tf': SECURITY_GROUP_MODULE });
    const { findings, problems } = await scanned(directory);
    expect(problems).toEqual(['error iac/unsupported main.tf:11 the modules make more than 256 instances']);
    expect(findings.filter((finding) => finding.startsWith('net/rdp-open-to-world')).length).toBe(255);
  });

  test('module instances that multiply a module beyond 10,000 resources and ten times its blocks: the rest is not judged, and it is an error', async () => {
    const groups = Array.from({ length: 1500 }, (_, index) => `resource "aws_security_group" "g${index}" {\n  name = "g${index}"\n}\n`).join('');
    const directory = tree({ 'main.tf': 'module "many" {\n  source = "./many"\n  count  = 20\n}\n', 'many/main.tf': groups });
    const { problems } = await scanned(directory);
    // 1,500 groups declared: at most 10,000 + 15,000 resources from the instances; the 18th instance passes that.
    expect(problems).toEqual(['error iac/unsupported main.tf:1 the modules make more than 25000 resources']);
  });

  test("a called module's syntax errors are reported even when its call makes no instance", async () => {
    const directory = tree({ 'main.tf': 'module "off" {\n  source = "./off"\n  count  = 0\n}\n', 'off/main.tf': 'resource "aws_security_group" "g" {\n' });
    const { problems } = await scanned(directory);
    expect(problems.map((problem) => problem.split(' ').slice(0, 3).join(' '))).toEqual(['error iac/syntax off/main.tf:2']);
  });

  test('a module Terraform would fetch, not fetched, is a warning at its call, never a silent clean', async () => {
    const directory = tree({
      'main.tf': [
        'module "registry" {\n  source = "terraform-aws-modules/rds/aws"\n}',
        'module "local" {\n  source = "./modules/sg"\n  name   = "x"\n  rules  = []\n}',
        'module "git" {\n  source = "git::https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/org/sg.git"\n}',
      ].join('\n'),
      'modules/sg/main.tf': SECURITY_GROUP_MODULE,
    });
    const { problems } = await scanned(directory);
    expect(problems.map((problem) => problem.split(',')[0])).toEqual([
      "warning iac/unsupported main.tf:1 module.registry comes from 'terraform-aws-modules/rds/aws'",
      'warning iac/unsupported main.tf:9 module.git comes from [a 90-character value that looks like a credential',
    ]);
  });

  test('a fetched module is judged where terraform init put it (.terraform/modules/modules.json), with its call\'s values', async () => {
    const directory = tree({
      'main.tf': 'module "sg" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "5.1.0"\n  name    = "db"\n  rules   = [{ port = 5432 }]\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'sg', Source: 'registry.terraform.io/terraform-aws-modules/security-group/aws', Version: '5.1.0', Dir: '.terraform/modules/sg' }] }),
      '.terraform/modules/sg/main.tf': SECURITY_GROUP_MODULE,
    });
    const { findings, problems, scannedFiles } = await scanned(directory);
    expect(findings).toEqual(['net/risky-port-open-to-world .terraform/modules/sg/main.tf:16 module.sg.aws_security_group.this']);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['.terraform/modules/sg/main.tf', 'main.tf']);
  });

  test('a modules.json that is not what terraform init writes is a warning, and the fetched modules are warned of', async () => {
    const directory = tree({ 'main.tf': 'module "db" {\n  source = "terraform-aws-modules/rds/aws"\n}\n', '.terraform/modules/modules.json': '{"Modules": 3}' });
    const { problems } = await scanned(directory);
    expect(problems.map((problem) => problem.split(' — ')[0].split(',')[0])).toEqual([
      'warning iac/syntax .terraform/modules/modules.json:1 not the modules.json terraform init writes (an object whose Modules is a list)',
      "warning iac/unsupported main.tf:1 module.db comes from 'terraform-aws-modules/rds/aws'",
    ]);
  });

  test('a missing module directory and a cycle of calls are errors, as terraform init and plan fail on them', async () => {
    const directory = tree({
      'main.tf': 'module "gone" {\n  source = "./modules/gone"\n}\n\nmodule "a" {\n  source = "./a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    const { problems } = await scanned(directory);
    expect(problems).toEqual([
      "error iac/invalid-resource main.tf:1 module.gone comes from './modules/gone', which is not a directory here",
      "error iac/invalid-resource b/main.tf:1 module.a calls a module that is calling it",
    ]);
  });

  test("module values are what Terraform gives: count and for_each instances, two levels of calls, types and optional attributes", async () => {
    // Recorded with `terraform console` (Terraform v1.11.4) in this tree, after `terraform init`.
    const directory = tree({
      'main.tf': [
        'variable "office" {\n  default = "203.0.113.0/24"\n}',
        'module "a" {\n  source = "./modules/a"\n  count  = 2\n  rules  = [{ port = 22 + count.index }, { port = "443", cidr = var.office }]\n}',
        'module "m" {\n  source   = "./modules/a"\n  for_each = toset(["x", "y"])\n  rules    = [{ port = 80, cidr = "10.${each.key == "x" ? 1 : 2}.0.0/16" }]\n}',
        'resource "aws_security_group" "probe" {\n  a = module.a\n  m = module.m["y"].rules[0].cidr\n  n = [for each in module.a : each.count]\n}',
      ].join('\n'),
      'modules/a/main.tf': 'variable "rules" {\n  type = list(object({\n    port = number\n    cidr = optional(string, "0.0.0.0/0")\n  }))\n}\nmodule "b" {\n  source = "../b"\n  cidrs  = [for r in var.rules : r.cidr]\n}\noutput "rules" {\n  value = var.rules\n}\noutput "count" {\n  value = length(var.rules)\n}\noutput "inner" {\n  value = module.b.joined\n}\n',
      'modules/b/main.tf': 'variable "cidrs" {\n  type = set(string)\n}\noutput "joined" {\n  value = join(",", var.cidrs)\n}\n',
      // A called module takes no variable file: Terraform ignores this one.
      'modules/b/terraform.tfvars': 'cidrs = ["9.9.9.9/32"]\n',
    });
    const context = { tree: directory, settings: DEFAULT_RULE_SETTINGS, readFile: (path: string) => readInputFile(path, 1 << 20) } as LoadContext;
    const parsed = await parseModule(moduleFiles(directory, context).files);
    const called = await localModules(parsed, directory, context);
    const { resources, problems } = await evaluateModule(parsed, { varFiles: [], directory, library: called.library });
    expect([...called.problems, ...problems]).toEqual([]);
    const probe = resources.find((resource) => resource.address === 'aws_security_group.probe')!;
    expect(plain(probe.body)).toEqual({
      a: [
        { count: 2, inner: '0.0.0.0/0,203.0.113.0/24', rules: [{ cidr: '0.0.0.0/0', port: 22 }, { cidr: '203.0.113.0/24', port: 443 }] },
        { count: 2, inner: '0.0.0.0/0,203.0.113.0/24', rules: [{ cidr: '0.0.0.0/0', port: 23 }, { cidr: '203.0.113.0/24', port: 443 }] },
      ],
      m: '10.2.0.0/16',
      n: [2, 2],
    });
  });
});
