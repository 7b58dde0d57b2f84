import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { tree } from './terraform-trees.js';

/** A module that opens RDP to its `sources`, and SSH to `office` (a range unless given). */
const MODULE = `variable "name" {}

variable "sources" {
  type = list(string)
}

variable "office" {
  default = "10.0.0.0/8"
}

resource "aws_security_group" "this" {
  name = var.name

  ingress {
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = var.sources
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.office]
  }
}
`;

const unit = (source: string, inputs: string, include = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n\n') => `${include}terraform {\n  source = "${source}"\n}\n\ninputs = {\n${inputs}\n}\n`;

async function judged(directory: string, path = directory) {
  const result = await scan({ paths: [path], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
  return {
    findings: result.findings.map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id} ${relative(directory, finding.asset.within ?? '')}`),
    messages: result.findings.map((finding) => finding.message),
    problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`),
    scannedFiles: result.scannedFiles.map((file) => relative(directory, file)).sort(),
  };
}

describe('a Terragrunt unit is its module deployed with its inputs', () => {
  test('a module of the tree: each unit judged with its inputs and those of the file it includes, the module not on its own', async () => {
    const directory = tree({
      'live/root.hcl': 'locals {\n  office = "203.0.113.0/24"\n}\n\ninputs = {\n  office = local.office\n}\n',
      'live/prod/app/terragrunt.hcl': unit('../../../modules//sg', '  name    = "app"\n  sources = ["0.0.0.0/0"]'),
      'live/dev/app/terragrunt.hcl': unit('../../../modules/sg', '  name    = "app-dev"\n  sources = ["10.1.0.0/16"]\n  office  = "0.0.0.0/0"'),
      'modules/sg/main.tf': MODULE,
    });
    const { findings, problems, scannedFiles } = await judged(directory);
    // prod opens RDP to the world, SSH to the office root.hcl gives; dev opens SSH to the world, its own input winning.
    expect(findings).toEqual([
      'net/rdp-open-to-world modules/sg/main.tf:14 aws_security_group.this live/prod/app',
      'net/ssh-open-to-world modules/sg/main.tf:21 aws_security_group.this live/dev/app',
    ]);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['live/dev/app/terragrunt.hcl', 'live/prod/app/terragrunt.hcl', 'live/root.hcl', 'modules/sg/main.tf']);
  });

  test("a module of the registry Parapet knows, with what another unit gives unknown, judged as the worst it could be", async () => {
    const directory = tree({
      'live/root.hcl': 'inputs = {\n  vpc_id = "vpc-1"\n}\n',
      'live/bastion/terragrunt.hcl': unit('tfr:///terraform-aws-modules/security-group/aws?version=5.1.2', '  name                = "bastion"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]\n  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = dependency.vpn.outputs.cidr }]'),
    });
    const { findings, messages, problems } = await judged(directory);
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual([
      'net/ssh-open-to-world live/bastion/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/bastion',
      'net/rdp-open-to-world live/bastion/terragrunt.hcl:13 aws_security_group.this_name_prefix[0] live/bastion',
    ]);
    expect(messages.join('\n')).toContain('through aws_security_group_rule.ingress_with_cidr_blocks[0] tcp/3389 from 0.0.0.0/0, depending on `dependency.vpn.outputs.cidr`');
    expect(problems).toEqual(['warning iac/unresolved live/bastion/terragrunt.hcl:13 1 value could not be resolved from the code (`dependency.vpn.outputs.cidr`): the rules that use it were judged as the worst it could be']);
  });

  test("the module's GitHub repository as Terragrunt writes it (git@, `///`, `//.`)", async () => {
    const directory = tree({
      'live/env.hcl': 'locals {\n  prefix = "prod"\n}\n',
      'live/ssh/terragrunt.hcl': unit('git::git@github.com:terraform-aws-modules/terraform-aws-security-group.git///?ref=v4.17.1', '  name                = "${include.env.locals.prefix}-ssh"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]', 'include "env" {\n  path   = find_in_parent_folders("env.hcl")\n  expose = true\n}\n\n'),
      'live/rdp/terragrunt.hcl': unit('github.com/terraform-aws-modules/terraform-aws-security-group.git//.?ref=v4.9.0', '  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["rdp-tcp"]', ''),
    });
    const { findings, problems } = await judged(directory);
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual([
      'net/rdp-open-to-world live/rdp/terragrunt.hcl:7 aws_security_group.this_name_prefix[0] live/rdp',
      'net/ssh-open-to-world live/ssh/terragrunt.hcl:13 aws_security_group.this_name_prefix[0] live/ssh',
    ]);
    expect(problems).toEqual([]);
  });

  test("read_terragrunt_config gives a file's locals and inputs: values the unit's inputs read from it are known", async () => {
    const directory = tree({
      'live/env.hcl': 'locals {\n  office = "203.0.113.0/24"\n  admin  = "0.0.0.0/0"\n}\n',
      'live/prod/ssh/terragrunt.hcl': 'locals {\n  env = read_terragrunt_config(find_in_parent_folders("env.hcl"))\n}\n\nterraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = {\n  ingress_cidr_blocks = [local.env.locals.office]\n  ingress_rules       = ["ssh-tcp"]\n  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = local.env.locals.admin }]\n  root                = get_terragrunt_dir()\n}\n',
    });
    const { findings, problems } = await judged(directory);
    // SSH from the office env.hcl names is no finding; RDP from what it names for admins, anywhere, is.
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual(['net/rdp-open-to-world live/prod/ssh/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/prod/ssh']);
    expect(problems).toEqual([]);
  });

  test("an include with expose = true gives the file's locals and inputs, read as the unit reads them (a bare one as `include`); one without, or one whose path names include itself, is unknown", async () => {
    const sg = (inputs: string, include: string) => unit('tfr:///terraform-aws-modules/security-group/aws?version=5.1.2', inputs, include);
    const directory = tree({
      'live/root.hcl': 'locals {\n  env   = read_terragrunt_config(find_in_parent_folders("env.hcl"))\n  admin = local.env.locals.admin\n}\n\ninputs = {\n  office = "203.0.113.0/24"\n}\n\nremote_state {\n  backend = "s3"\n}\n',
      'live/env.hcl': 'locals {\n  admin = "192.0.2.0/24"\n}\n',
      'live/prod/env.hcl': 'locals {\n  admin = "0.0.0.0/0"\n}\n',
      'live/dev/env.hcl': 'locals {\n  admin = "10.0.0.0/8"\n}\n',
      // RDP from the admins' range each environment's env.hcl names through root.hcl, SSH from root.hcl's office.
      // Its other blocks are there too, unknown: reading one leaves the rest of the inputs known.
      'live/prod/admin/terragrunt.hcl': sg('  name                = include.root.remote_state.config.bucket\n  ingress_cidr_blocks = [include.root.inputs.office]\n  ingress_rules       = ["ssh-tcp"]\n  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = include.root.locals.admin }]', 'include "root" {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\n\n'),
      'live/dev/admin/terragrunt.hcl': sg('  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = include.root.locals.admin }]', 'include "root" {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\n\n'),
      // A bare include (Terragrunt's first form) exposes its file as `include` itself.
      'live/bare/terragrunt.hcl': sg('  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = include.locals.admin }]', 'include {\n  path   = find_in_parent_folders("root.hcl")\n  expose = true\n}\n\n'),
      'live/hidden/terragrunt.hcl': sg('  ingress_with_cidr_blocks = [{ rule = "rdp-tcp", cidr_blocks = include.root.locals.admin }]', 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n\n'),
      'live/loop/terragrunt.hcl': sg('  ingress_with_cidr_blocks = [{ rule = "ssh-tcp", cidr_blocks = include.root.locals.admin }]', 'include "root" {\n  path   = "${include.root.locals.admin}/root.hcl"\n  expose = true\n}\n\n'),
    });
    const { findings, messages, problems } = await judged(directory);
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual([
      'net/rdp-open-to-world live/hidden/terragrunt.hcl:10 aws_security_group.this_name_prefix[0] live/hidden',
      'net/ssh-open-to-world live/loop/terragrunt.hcl:11 aws_security_group.this_name_prefix[0] live/loop',
      'net/rdp-open-to-world live/prod/admin/terragrunt.hcl:14 aws_security_group.this_name_prefix[0] live/prod/admin',
    ]);
    expect(messages.filter((message) => message.includes('depending on'))).toHaveLength(2);
    expect(messages[2]).toMatch(/^RDP \(TCP 3389\) on .* is reachable from any IPv4 address \(0.0.0.0\/0\) through [^,]*\. Allow/);
    expect(problems).toEqual([
      'warning iac/unresolved live/hidden/terragrunt.hcl:10 1 value could not be resolved from the code (`include.root.locals.admin`): the rules that use it were judged as the worst it could be',
      'warning iac/unsupported live/loop/terragrunt.hcl:1 the file this include names is not known from the code',
      'warning iac/unresolved live/loop/terragrunt.hcl:11 1 value could not be resolved from the code (`include.root`): the rules that use it were judged as the worst it could be',
    ]);
  });

  test("Terragrunt's path functions: the include's directory and the paths to it, the repository's root; file() reads beside the file that calls it", async () => {
    const directory = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'live/root.hcl': 'locals {\n  common  = yamldecode(file("common.yaml"))\n  account = get_aws_account_id()\n}\n\ninputs = {\n  name    = "${path_relative_to_include()}:${path_relative_from_include()}"\n  sources = local.common.sources\n}\n',
      'live/common.yaml': 'sources:\n  - 0.0.0.0/0\n',
      'live/prod/app/terragrunt.hcl': unit('${get_repo_root()}/modules//sg', '  office = "10.0.0.0/8"'),
      'live/dev/app/terragrunt.hcl': unit('${get_parent_terragrunt_dir()}/../modules/sg', '  office = "0.0.0.0/0"\n  path   = get_path_from_repo_root()'),
      'modules/sg/main.tf': MODULE,
    });
    const { findings, messages, problems } = await judged(directory);
    expect(findings).toEqual([
      'net/rdp-open-to-world modules/sg/main.tf:14 aws_security_group.this live/dev/app',
      'net/rdp-open-to-world modules/sg/main.tf:14 aws_security_group.this live/prod/app',
      'net/ssh-open-to-world modules/sg/main.tf:21 aws_security_group.this live/dev/app',
    ]);
    expect(messages.join('\n')).toContain('(dev/app:../..)');
    expect(messages.join('\n')).toContain('(prod/app:../..)');
    // The account root.hcl reads is unknown, and said once for both units.
    expect(problems).toEqual(["warning iac/unsupported live/root.hcl:3 function 'get_aws_account_id' is not evaluated"]);
  });

  test('a terragrunt.hcl units include, judged on its own, says nothing of what only the units can give it', async () => {
    const directory = tree({
      'terragrunt.hcl': 'locals {\n  region = read_terragrunt_config(find_in_parent_folders("region.hcl"))\n}\n\ninputs = {\n  region = local.region.locals.name\n}\n',
      'prod/region.hcl': 'locals {\n  name = "eu-west-1"\n}\n',
      'prod/sg/terragrunt.hcl': unit('tfr:///terraform-aws-modules/security-group/aws//.?version=5.1.2', '  ingress_cidr_blocks = ["10.0.0.0/8"]\n  ingress_rules       = ["ssh-tcp"]', 'include {\n  path = find_in_parent_folders()\n}\n\n'),
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('tfr:// names a registry host: OpenTofu\'s registry is known, a namespace taken for a host is said', async () => {
    const inputs = '  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]';
    const directory = tree({
      'tofu/terragrunt.hcl': unit('tfr://registry.opentofu.org/terraform-aws-modules/security-group/aws?version=5.1.2', inputs, ''),
      'typo/terragrunt.hcl': unit('tfr://terraform-aws-modules/security-group/aws?version=5.1.2', inputs, ''),
    });
    const { findings, problems } = await judged(directory);
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual(['net/ssh-open-to-world tofu/terragrunt.hcl:7 aws_security_group.this_name_prefix[0] tofu']);
    expect(problems).toEqual([
      "warning iac/unsupported typo/terragrunt.hcl:2 the unit's module comes from 'tfr://terraform-aws-modules/security-group/aws?version=5.1.2', which Parapet does not fetch ('terraform-aws-modules' is taken for the registry's host: tfr:/// names the public registry): its resources are not judged",
    ]);
  });

  test('an input that cannot be read is unknown on its own: the others keep their values', async () => {
    const directory = tree({
      'live/app/terragrunt.hcl': unit('../modules/sg', '  name    = "app"\n  sources = ["10.1.0.0/16"]\n  office  = "0.0.0.0/0"\n  tags    = { owner = local.team.owner }', 'locals {\n  team = {}\n}\n\n'),
      'live/modules/sg/main.tf': MODULE,
    });
    const { findings, problems } = await judged(directory);
    // RDP to the unit's own range, SSH to the world: neither the defaults nor the worst of an unknown inputs.
    expect(findings).toEqual(['net/ssh-open-to-world live/modules/sg/main.tf:21 aws_security_group.this live/app']);
    expect(problems).toEqual(['warning iac/unsupported live/app/terragrunt.hcl:13 tags: no attribute or key "owner"']);
  });

  test('a source without ./ is a path from the unit, as go-getter reads it; a bare registry address is one too, which is not there', async () => {
    const directory = tree({
      'live/app/terragrunt.hcl': unit('modules//sg', '  name    = "app"\n  sources = ["0.0.0.0/0"]', ''),
      'live/app/modules/sg/main.tf': MODULE,
      'live/net/terragrunt.hcl': unit('terraform-aws-modules/security-group/aws', '  ingress_rules = ["ssh-tcp"]', ''),
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual(['net/rdp-open-to-world live/app/modules/sg/main.tf:14 aws_security_group.this live/app']);
    expect(problems).toEqual(["error iac/invalid-resource live/net/terragrunt.hcl:2 the unit's module 'terraform-aws-modules/security-group/aws' is not a directory here"]);
  });

  test('files that read each other, a hundred times each, are read once each: a cycle is unknown, not a hang', async () => {
    const reads = (name: string) => Array.from({ length: 100 }, (_, index) => `  r${index} = read_terragrunt_config("${name}")`).join('\n');
    const directory = tree({
      'live/a.hcl': `locals {\n${reads('b.hcl')}\n}\n`,
      'live/b.hcl': `locals {\n${reads('a.hcl')}\n}\n`,
      'live/terragrunt.hcl': 'locals {\n  a = read_terragrunt_config("a.hcl")\n}\n\nterraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = {\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]\n}\n',
    });
    const started = Date.now();
    const { findings, problems } = await judged(directory);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual(['net/ssh-open-to-world live/terragrunt.hcl:11 aws_security_group.this_name_prefix[0] live']);
    expect(problems).toEqual([]);
  });

  test('merge strategies: deep merges maps and lists, no_merge takes nothing from the file', async () => {
    const directory = tree({
      'live/root.hcl': 'terraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = {\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]\n}\n',
      'live/deep/terragrunt.hcl': 'include "root" {\n  path           = find_in_parent_folders("root.hcl")\n  merge_strategy = "deep"\n}\n\ninputs = {\n  ingress_rules = ["rdp-tcp"]\n}\n',
      'live/apart/terragrunt.hcl': 'include "root" {\n  path           = find_in_parent_folders("root.hcl")\n  merge_strategy = "no_merge"\n}\n\nterraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = {\n  ingress_rules = ["rdp-tcp"]\n}\n',
    });
    const { findings, problems } = await judged(directory);
    // deep: the unit's source and CIDRs from root.hcl, its rules added to root.hcl's; no_merge: no CIDR, nothing open.
    expect(findings.filter((finding) => !finding.startsWith('net/egress'))).toEqual([
      'net/ssh-open-to-world live/deep/terragrunt.hcl:1 aws_security_group.this_name_prefix[0] live/deep',
      'net/rdp-open-to-world live/deep/terragrunt.hcl:7 aws_security_group.this_name_prefix[0] live/deep',
    ]);
    expect(problems).toEqual([]);
  });

  test('what cannot be read is said: a source or inputs the code does not fix, a module not fetched or missing, an include outside', async () => {
    const directory = tree({
      'live/unknown-source/terragrunt.hcl': 'terraform {\n  source = "${get_env("MODULES")}/sg"\n}\n',
      'live/remote/terragrunt.hcl': unit('git::https://github.com/acme/modules.git//sg?ref=v1', '  name = "x"', ''),
      'live/missing/terragrunt.hcl': unit('../gone', '  name = "x"', ''),
      'live/unknown-inputs/terragrunt.hcl': 'terraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = read_terragrunt_config("common.hcl").inputs\n',
      'live/elsewhere/terragrunt.hcl': unit('../../modules/sg', '  name = "x"', 'include "up" {\n  path = "../../../root.hcl"\n}\n\n'),
      'modules/sg/main.tf': MODULE,
    });
    const { problems } = await judged(directory, join(directory, 'live'));
    expect(problems).toEqual([
      `warning input/outside-boundary live/elsewhere/terragrunt.hcl:1 the include's file is looked for outside the scanned directory ${join(directory, 'live')} (${resolve(directory, '..', 'root.hcl')})`,
      "warning input/outside-boundary live/elsewhere/terragrunt.hcl:6 the unit's module '../../modules/sg' is outside the scanned directory " + join(directory, 'live'),
      "error iac/invalid-resource live/missing/terragrunt.hcl:2 the unit's module '../gone' is not a directory here",
      "warning iac/unsupported live/remote/terragrunt.hcl:2 the unit's module comes from 'git::https://github.com/acme/modules.git//sg?ref=v1', which Parapet does not fetch: its resources are not judged",
      'warning iac/unsupported live/unknown-inputs/terragrunt.hcl:5 inputs: read_terragrunt_config: common.hcl is not a file here',
      "warning iac/unresolved live/unknown-inputs/terragrunt.hcl:5 the unit's inputs could not be resolved from the code (inputs)",
      "warning iac/unsupported live/unknown-source/terragrunt.hcl:2 function 'get_env' is not evaluated",
      'error iac/unresolved live/unknown-source/terragrunt.hcl:2 terraform.source could not be resolved from the code (get_env())',
    ]);
  });

  test('a unit without a source is the Terraform code beside it, with its inputs, judged once', async () => {
    const directory = tree({
      'live/app/terragrunt.hcl': 'inputs = {\n  name    = "app"\n  sources = ["0.0.0.0/0"]\n  office  = "10.8.0.0/16"\n}\n',
      'live/app/main.tf': MODULE,
    });
    const { findings, problems, scannedFiles } = await judged(directory);
    expect(findings).toEqual(['net/rdp-open-to-world live/app/main.tf:14 aws_security_group.this live/app']);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['live/app/main.tf', 'live/app/terragrunt.hcl']);
  });

  test("Terragrunt's cache of copies is not entered: each unit is judged where it is written, once", async () => {
    const directory = tree({
      'live/app/terragrunt.hcl': unit('../../modules/sg', '  name    = "app"\n  sources = ["0.0.0.0/0"]', ''),
      'live/app/.terragrunt-cache/Xy12/Ab34/main.tf': MODULE,
      'live/app/.terragrunt-cache/Xy12/Ab34/terragrunt.hcl': unit('.', '  name    = "app"\n  sources = ["0.0.0.0/0"]', ''),
      'modules/sg/main.tf': MODULE,
    });
    const { findings, scannedFiles } = await judged(directory);
    expect(findings).toEqual(['net/rdp-open-to-world modules/sg/main.tf:14 aws_security_group.this live/app']);
    expect(scannedFiles).toEqual(['live/app/terragrunt.hcl', 'modules/sg/main.tf']);
  });

  test('find_in_parent_folders does not look above the scanned tree: what it would find there is not read, and said', async () => {
    const directory = tree({
      'root.hcl': 'inputs = {\n  sources = ["10.0.0.0/8"]\n}\n',
      'live/app/terragrunt.hcl': unit('../modules/sg', '  name    = "app"\n  sources = ["0.0.0.0/0"]'),
      'live/modules/sg/main.tf': MODULE,
    });
    const { findings, problems } = await judged(directory, join(directory, 'live'));
    expect(findings).toEqual(['net/rdp-open-to-world live/modules/sg/main.tf:14 aws_security_group.this live/app']);
    expect(problems).toEqual([`warning input/outside-boundary live/app/terragrunt.hcl:1 the include's file is looked for outside the scanned directory ${join(directory, 'live')} (${join(directory, 'root.hcl')})`]);
  });

  test('an include whose file is not known from the code, or is not there, is said, and the unit judged with its own inputs', async () => {
    const directory = tree({
      'live/app/terragrunt.hcl': unit('../modules/sg', '  name    = "app"\n  sources = ["0.0.0.0/0"]', 'include "root" {\n  path = "${get_env("ROOT")}/root.hcl"\n}\n\n'),
      'live/db/terragrunt.hcl': unit('../modules/sg', '  name    = "db"\n  sources = ["10.0.0.0/8"]', 'include "common" {\n  path = "${get_terragrunt_dir()}/../_common/db.hcl"\n}\n\n'),
      'live/modules/sg/main.tf': MODULE,
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual(['net/rdp-open-to-world live/modules/sg/main.tf:14 aws_security_group.this live/app']);
    expect(problems).toEqual([
      "warning iac/unsupported live/app/terragrunt.hcl:2 function 'get_env' is not evaluated",
      'warning iac/unsupported live/app/terragrunt.hcl:1 the file this include names is not known from the code',
      "warning iac/unsupported live/db/terragrunt.hcl:1 the file this include names, '../_common/db.hcl', is not a file here (Terragrunt would fail)",
    ]);
  });

  test('a file units include, with no source of its own, deploys nothing and says nothing', async () => {
    const directory = tree({ 'terragrunt.hcl': 'remote_state {\n  backend = "s3"\n}\n\ninputs = {\n  region = "eu-west-1"\n}\n' });
    const { findings, problems, scannedFiles } = await judged(directory);
    expect([findings, problems, scannedFiles]).toEqual([[], [], ['terragrunt.hcl']]);
  });
});

describe('a Terragrunt stack is the units it generates', () => {
  const CATALOG_UNIT = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n\nterraform {\n  source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"\n}\n\ninputs = {\n  name                = values.name\n  ingress_cidr_blocks = values.ssh_sources\n  ingress_rules       = ["ssh-tcp"]\n}\n';
  const unitBlock = (name: string, source: string, values: string, extra = '') => `unit "${name}" {\n  source = "${source}"\n  path   = "${name}"\n  values = ${values}\n${extra}}\n`;

  test('each unit is its catalog configuration, at the place the stack generates it, with the values the stack gives it; the catalog is not judged on its own', async () => {
    const directory = tree({
      'live/root.hcl': 'inputs = {\n  egress_rules = []\n}\n',
      'catalog/units/sg/terragrunt.hcl': CATALOG_UNIT,
      'live/prod/terragrunt.stack.hcl': unitBlock('bastion', '../../catalog/units/sg', '{\n    name        = "bastion"\n    ssh_sources = ["0.0.0.0/0"]\n  }'),
      'live/dev/terragrunt.stack.hcl': `${unitBlock('bastion', '../../catalog/units/sg', '{\n    name        = "bastion-dev"\n    ssh_sources = ["10.0.0.0/8"]\n  }')}\n${unitBlock('open', '../../catalog/units/sg', '{\n    name        = "open"\n    ssh_sources = ["0.0.0.0/0"]\n  }', '  no_dot_terragrunt_stack = true\n')}`,
      // What terragrunt stack generate wrote is not scanned again.
      'live/prod/.terragrunt-stack/bastion/terragrunt.hcl': CATALOG_UNIT,
    });
    const { findings, problems, scannedFiles } = await judged(directory);
    expect(findings).toEqual([
      'net/ssh-open-to-world catalog/units/sg/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/dev/open',
      'net/ssh-open-to-world catalog/units/sg/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/prod/.terragrunt-stack/bastion',
    ]);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['catalog/units/sg/terragrunt.hcl', 'live/dev/terragrunt.stack.hcl', 'live/prod/terragrunt.stack.hcl', 'live/root.hcl']);
  });

  test('a stack generates the units of the stacks it names, each under its place', async () => {
    const directory = tree({
      'live/root.hcl': '',
      'catalog/units/sg/terragrunt.hcl': CATALOG_UNIT,
      'catalog/stacks/edge/terragrunt.stack.hcl': unitBlock('ssh', '../../../../catalog/units/sg', '{\n    name        = values.prefix\n    ssh_sources = values.sources\n  }'),
      'live/prod/terragrunt.stack.hcl': 'stack "edge" {\n  source = "../../catalog/stacks/edge"\n  path   = "edge"\n  values = {\n    prefix  = "prod-edge"\n    sources = ["0.0.0.0/0"]\n  }\n}\n',
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual(['net/ssh-open-to-world catalog/units/sg/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/prod/.terragrunt-stack/edge/.terragrunt-stack/ssh']);
    expect(problems).toEqual([]);
  });

  test('a source without ./ is a path from the stack file, as Terragrunt reads it', async () => {
    const directory = tree({
      'live/root.hcl': '',
      'live/qa/units/sg/terragrunt.hcl': CATALOG_UNIT,
      'live/qa/terragrunt.stack.hcl': unitBlock('edge', 'units/sg', '{\n    name        = "edge"\n    ssh_sources = ["0.0.0.0/0"]\n  }'),
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual(['net/ssh-open-to-world live/qa/units/sg/terragrunt.hcl:12 aws_security_group.this_name_prefix[0] live/qa/.terragrunt-stack/edge']);
    expect(problems).toEqual([]);
  });

  test('what a stack cannot generate is said: a catalog not fetched or not there, a source or path the code does not fix', async () => {
    const directory = tree({
      'live/terragrunt.stack.hcl': [
        unitBlock('remote', 'git::https://github.com/acme/catalog.git//units/sg?ref=v1.0.0', '{}'),
        unitBlock('missing', '../catalog/units/gone', '{}'),
        'unit "unknown" {\n  source = get_env("CATALOG")\n  path   = "unknown"\n}\n',
      ].join('\n'),
    });
    const { findings, problems } = await judged(directory);
    expect(findings).toEqual([]);
    expect(problems).toEqual([
      "warning iac/unsupported live/terragrunt.stack.hcl:14 function 'get_env' is not evaluated",
      "warning iac/unsupported live/terragrunt.stack.hcl:1 unit 'remote' comes from 'git::https://github.com/acme/catalog.git//units/sg?ref=v1.0.0', which Parapet does not fetch: its resources are not judged",
      "error iac/invalid-resource live/terragrunt.stack.hcl:7 unit 'missing' comes from '../catalog/units/gone', which holds no terragrunt.hcl here",
      "error iac/unresolved live/terragrunt.stack.hcl:13 unit 'unknown': its source or path could not be resolved from the code",
    ]);
  });
});
