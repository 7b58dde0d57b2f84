import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { admittedMajors } from '../../src/parsers/terraform/version-constraint.js';
import { scan } from '../../src/scan/scan.js';
import { scanned, tree, withCorpusModule } from './terraform-trees.js';

/** Calls of terraform-aws-modules/security-group that use every list of rules its version 4 has. */
const CALLS = (source: string) => `variable "admin_cidrs" {
  type = list(string)
}

resource "aws_security_group" "shared" {
  name = "shared"
}

module "bastion" {
  ${source}
  name   = "bastion"
  vpc_id = "vpc-12345678"

  ingress_cidr_blocks      = ["0.0.0.0/0"]
  ingress_ipv6_cidr_blocks = ["::/0"]
  ingress_rules            = ["ssh-tcp", "https-443-tcp"]
  ingress_with_cidr_blocks = [
    { rule = "rdp-tcp", cidr_blocks = "10.0.0.0/8,0.0.0.0/0" },
    { from_port = 8081, to_port = 8084, protocol = "tcp", cidr_blocks = "203.0.113.0/24" },
  ]
  egress_rules = ["all-all"]
}

module "db" {
  ${source}
  name            = "db"
  use_name_prefix = false

  ingress_with_source_security_group_id = [{ rule = "postgresql-tcp", source_security_group_id = "sg-0123456789abcdef0" }]
  ingress_with_ipv6_cidr_blocks         = [{ from_port = 3389, to_port = 3389, protocol = "tcp", ipv6_cidr_blocks = "::/0" }]
  ingress_with_self                     = [{ rule = "all-all" }]
  egress_with_cidr_blocks               = [{ rule = "https-443-tcp" }]
}

module "computed" {
  ${source}
  name = "computed"

  computed_ingress_with_cidr_blocks = [
    { rule = "mysql-tcp", cidr_blocks = "0.0.0.0/0" },
    { rule = "rdp-tcp", cidr_blocks = "0.0.0.0/0" },
  ]
  number_of_computed_ingress_with_cidr_blocks = 1
}

module "existing" {
  ${source}
  create_sg         = false
  security_group_id = aws_security_group.shared.id

  ingress_rules       = ["rdp-tcp"]
  ingress_cidr_blocks = ["0.0.0.0/0"]
}

module "off" {
  ${source}
  create = false

  ingress_rules       = ["ssh-tcp"]
  ingress_cidr_blocks = ["0.0.0.0/0"]
}

module "admins" {
  ${source}
  name = "admins"

  ingress_rules       = ["ssh-tcp"]
  ingress_cidr_blocks = var.admin_cidrs
}
`;

async function judged(directory: string) {
  const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
  return {
    said: result.findings.map((finding) => `${finding.ruleId}: ${finding.message.replaceAll(directory, 'DIR')}`).sort(),
    at: result.findings.map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line}`),
    problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`),
  };
}

describe('terraform-aws-modules/security-group from the registry, not fetched, judged by its interface', () => {
  test('every list of rules opens what the real module (version 4, from the corpus) opens, rule by rule', async () => {
    const real = tree({ 'main.tf': CALLS('source = "./sg"') });
    withCorpusModule(real, 'terraform-aws-security-group', 'sg');
    const known = tree({ 'main.tf': CALLS('source  = "terraform-aws-modules/security-group/aws"\n  version = "~> 4.0"') });
    const [fromCode, fromInterface] = [await judged(real), await judged(known)];
    // `ingress_cidr_blocks = var.admin_cidrs`, a variable without a value: "may be reachable", said at its use.
    expect(fromCode.problems).toEqual(['warning iac/unresolved sg/main.tf:70 1 value could not be resolved from the code (`var.admin_cidrs`): the rules that use it were judged as the worst it could be']);
    expect(fromInterface.problems).toEqual(['warning iac/unresolved main.tf:74 1 value could not be resolved from the code (`var.admin_cidrs`): the rules that use it were judged as the worst it could be']);
    // The same findings, word for word: the same assets, the same rule resources, the same peers and ports.
    expect(fromInterface.said).toEqual(fromCode.said);
    expect(fromCode.said.filter((said) => !said.startsWith('net/egress')).length).toBe(7);
    // Located at the line of the item that makes each rule in the calling file, not in code Parapet never read.
    // (A registry call is one line longer than the local one above: its version.)
    expect(fromInterface.at.filter((at) => !at.startsWith('net/egress'))).toEqual([
      'net/ssh-open-to-world main.tf:17',
      'net/rdp-open-to-world main.tf:19',
      'net/app-port-public main.tf:20',
      'net/rdp-open-to-world main.tf:32',
      'net/risky-port-open-to-world main.tf:43',
      'net/rdp-open-to-world main.tf:55',
      'net/ssh-open-to-world main.tf:74',
    ]);
  });

  test("a preset submodule adds its rules to the call's, sorted as the module sorts them, with a self rule and all egress", async () => {
    const directory = tree({
      'main.tf': 'module "ssh" {\n  source  = "terraform-aws-modules/security-group/aws//modules/ssh"\n  version = "5.1.2"\n  name    = "ssh"\n  vpc_id  = "vpc-1"\n\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["http-80-tcp"]\n}\n',
    });
    const { said, at, problems } = await judged(directory);
    expect(problems).toEqual([]);
    expect(at).toEqual(['net/egress-open-to-world main.tf:1', 'net/ssh-open-to-world main.tf:7']);
    // `sort(distinct(concat(auto_ingress_rules, ingress_rules)))`: http-80-tcp is [0], the preset's ssh-tcp [1].
    expect(said[1]).toContain('on module.ssh.module.sg.aws_security_group.this_name_prefix[0] in');
    expect(said[1]).toContain('through module.ssh.module.sg.aws_security_group_rule.ingress_rules[1] tcp/22 from 0.0.0.0/0');
    expect(said[0]).toContain('through module.ssh.module.sg.aws_security_group_rule.egress_rules[0] any to 0.0.0.0/0');
  });

  test('version 6 (the latest, when the call names none): structured rules, `self`, and presets opened to each source', async () => {
    const directory = tree({
      'main.tf': [
        'module "web" {\n  source = "terraform-aws-modules/security-group/aws"\n  name   = "web"\n\n  ingress_rules = {\n    ssh = {\n      from_port = 22\n      cidr_ipv4 = "0.0.0.0/0"\n    }\n    peers = {\n      ip_protocol                  = "-1"\n      referenced_security_group_id = "self"\n    }\n  }\n}',
        'module "rdp" {\n  source  = "terraform-aws-modules/security-group/aws//modules/rdp"\n  version = "~> 6.0"\n  name    = "rdp"\n\n  ingress_cidr_ipv4 = { office = "198.51.100.0/24" }\n  ingress_cidr_ipv6 = { anywhere = "::/0" }\n}',
        'module "v5_shape" {\n  source        = "terraform-aws-modules/security-group/aws"\n  version       = "~> 6.0"\n  ingress_rules = ["ssh-tcp"]\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(at).toEqual(['net/ssh-open-to-world main.tf:6', 'net/rdp-open-to-world main.tf:22']);
    expect(said.join('\n')).toContain('SSH (TCP 22) on module.web.aws_security_group.this[0] in');
    expect(said.join('\n')).toContain('through module.web.aws_vpc_security_group_ingress_rule.this["ssh"] tcp/22 from 0.0.0.0/0');
    expect(said.join('\n')).toContain('RDP (TCP 3389 and UDP 3389) on module.rdp.module.security_group.aws_security_group.this[0]');
    expect(said.join('\n')).toContain('through module.rdp.module.security_group.aws_vpc_security_group_ingress_rule.this["rdp-tcp/anywhere"] tcp/3389 from ::/0');
    // Version 6's ingress_rules is a map: Terraform rejects the list, and so does Parapet, out loud.
    expect(problems).toEqual(['error iac/invalid-resource main.tf:27 module.v5_shape: ingress_rules is not a map of rules']);
  });

  test('a call written for version 5 whose constraint also admits 6 (or that names none) is judged as written, and told so', async () => {
    const directory = tree({
      'main.tf': 'module "legacy" {\n  source              = "terraform-aws-modules/security-group/aws"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["ssh-tcp"]\n}\n\nmodule "open_ended" {\n  source        = "terraform-aws-modules/security-group/aws//modules/rdp"\n  version       = ">= 4.0"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}\n',
    });
    const { at, problems } = await judged(directory);
    expect(at).toEqual(['net/ssh-open-to-world main.tf:4', 'net/egress-open-to-world main.tf:7', 'net/rdp-open-to-world main.tf:10']);
    expect(problems).toEqual([
      'warning iac/invalid-resource main.tf:1 module.legacy is written for version 5 of terraform-aws-modules/security-group, but with no version terraform init fetches version 6, whose interface is not that one (Terraform would reject the call)',
      "warning iac/invalid-resource main.tf:7 module.open_ended is written for version 5 of terraform-aws-modules/security-group, but with version '>= 4.0' terraform init fetches version 6, whose interface is not that one (Terraform would reject the call)",
    ]);
  });

  test("a rule of the caller's that names the module's group joins that group", async () => {
    const directory = tree({
      'main.tf': 'module "sg" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "~> 5.0"\n  name    = "app"\n}\n\nresource "aws_security_group_rule" "rdp" {\n  type              = "ingress"\n  security_group_id = module.sg.security_group_id\n  from_port         = 3389\n  to_port           = 3389\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n}\n',
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['net/rdp-open-to-world main.tf:7 module.sg.aws_security_group.this_name_prefix[0]']);
    expect(problems).toEqual([]);
  });

  test('what Terraform would reject is an error at its line, and what it leaves unknown is judged as the worst', async () => {
    const directory = tree({
      'main.tf': 'module "sg" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "~> 5.0"\n  ingres_cidr_blocks  = ["0.0.0.0/0"]\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = [\n    "shh-tcp",\n  ]\n}\n',
    });
    const { at, problems } = await judged(directory);
    expect(problems).toEqual([
      'error iac/invalid-resource main.tf:1 module.sg gives \'ingres_cidr_blocks\', which no variable of the module takes ("Unsupported argument")',
      'error iac/invalid-resource main.tf:7 module.sg: \'shh-tcp\' is not one of the module\'s named rules',
      "warning iac/unresolved main.tf:7 1 value could not be resolved from the code (`rules['shh-tcp']`)",
    ].map((problem) => expect.stringContaining(problem)));
    expect(at).toContain('net/all-ports-open-to-world main.tf:7');
  });

  test('presets multiplied by thousands of sources are refused, not built', async () => {
    const directory = tree({
      'main.tf': 'module "many" {\n  source  = "terraform-aws-modules/security-group/aws//modules/ssh"\n  version = "~> 6.0"\n  preset_ingress_rules = { for i in range(200) : "r${i}" => { from_port = i, to_port = i, ip_protocol = "tcp" } }\n  ingress_cidr_ipv4    = { for i in range(100) : "s${i}" => "0.0.0.0/0" }\n}\n',
    });
    const { at, problems } = await judged(directory);
    expect(problems).toEqual(['error iac/unsupported main.tf:5 module.many: ingress_cidr_ipv4 makes more than 10000 rules']);
    expect(at).toEqual([]);
  });

  test('a version or preset Parapet does not know is a warning, as any module not fetched is', async () => {
    const directory = tree({
      'main.tf': [
        'module "old" {\n  source  = "terraform-aws-modules/security-group/aws"\n  version = "3.18.0"\n}',
        'module "branch" {\n  source = "git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git?ref=master"\n}',
        'module "gone" {\n  source  = "terraform-aws-modules/security-group/aws//modules/web"\n  version = "~> 6.0"\n}',
        'module "tag" {\n  source              = "git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git//modules/rdp?ref=v5.1.0"\n  name                = "rdp"\n  vpc_id              = "vpc-1"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n}',
      ].join('\n'),
    });
    const { at, problems } = await judged(directory);
    expect(problems.map((problem) => problem.split(': its resources')[0])).toEqual([
      "warning iac/unsupported main.tf:1 module.old comes from 'terraform-aws-modules/security-group/aws', which Parapet does not fetch (Parapet knows its interface from version 4 on, not version 3)",
      "warning iac/unsupported main.tf:5 module.branch comes from 'git::https://github.com/terraform-aws-modules/terraform-aws-security-group.git?ref=master', which Parapet does not fetch (Parapet does not know which version 'master' is)",
      "warning iac/unsupported main.tf:8 module.gone comes from 'terraform-aws-modules/security-group/aws//modules/web', which Parapet does not fetch (version 6 has no preset 'web' that Parapet knows)",
    ]);
    expect(at).toEqual(['net/egress-open-to-world main.tf:12', 'net/rdp-open-to-world main.tf:16']);
  });
});

describe('the version a constraint fetches', () => {
  test.each([
    ['~> 5.0', 5],
    ['~> 5.1.2', 5],
    ['~> 5', 6],
    ['>= 4.0, < 6.0.0', 5],
    ['5.1.2', 5],
    ['= 4.17.2', 4],
    ['!= 6.0.0', 6],
    ['< 4', 3],
    ['> 6.9', 6],
    ['>= 7.0', undefined],
    ['latest', undefined],
  ] as const)('%s admits version %s at newest', (constraint, major) => {
    expect(admittedMajors(constraint, [1, 2, 3, 4, 5, 6])?.[0]).toBe(major);
  });
});

/** Calls of Azure/network-security-group with predefined and custom rules, and the module's defaults. */
const AZURE_CALLS = (source: string) => `module "jump" {
  ${source}
  resource_group_name = "rg-jump"
  security_group_name = "jump-nsg"
  predefined_rules = [
    { name = "SSH", priority = 500 },
    { name = "RDP" },
    { name = "HTTPS", source_port_range = "1024-65535" },
  ]
  custom_rules = [
    { name = "flow", priority = 201, direction = "Inbound", destination_port_range = "8081,8084", source_address_prefix = "203.0.113.0/24" },
    { name = "winrm", priority = 202, direction = "Inbound", protocol = "Tcp", destination_port_range = "5985-5986", source_address_prefixes = ["10.0.0.0/8", "0.0.0.0/0"] },
  ]
}

module "office" {
  ${source}
  resource_group_name   = "rg-office"
  security_group_name   = "office-nsg"
  source_address_prefix = ["198.51.100.0/24"]
  predefined_rules      = [{ name = "SSH" }, { name = "MySQL" }]
}
`;

describe('Azure/network-security-group from the registry, not fetched, judged by its interface', () => {
  test('its rules open what the real module (version 3, from the corpus, with its table of rules) opens, rule by rule', async () => {
    const real = tree({ 'main.tf': AZURE_CALLS('source = "./nsg"') });
    withCorpusModule(real, 'azurerm-network-security-group', 'nsg');
    // The corpus holds the module's main.tf and variables.tf; its table of predefined rules is written from Parapet's copy.
    const { PREDEFINED_RULES } = await import('../../src/parsers/terraform/registry/azure-nsg-rules.js');
    const table = [...PREDEFINED_RULES].map(([name, [direction, access, protocol, ports]]) => `    ${JSON.stringify(name)} = [${JSON.stringify(direction)}, ${JSON.stringify(access)}, ${JSON.stringify(protocol)}, "*", ${JSON.stringify(ports)}, ${JSON.stringify(name)}]`);
    writeFileSync(join(real, 'nsg', 'rules.tf'), `variable "rules" {\n  type = map(any)\n  default = {\n${table.join('\n')}\n  }\n}\n`);
    const known = tree({ 'main.tf': AZURE_CALLS('source  = "Azure/network-security-group/azurerm"\n  version = "~> 3.0"') });
    const [fromCode, fromInterface] = [await judged(real), await judged(known)];
    expect(fromCode.problems).toEqual([]);
    expect(fromInterface.problems).toEqual([]);
    expect(fromInterface.said).toEqual(fromCode.said);
    // At the item that makes each rule (the registry call is one line longer: its version).
    expect(fromInterface.at.filter((at) => !at.startsWith('net/egress'))).toEqual([
      'net/ssh-open-to-world main.tf:7',
      'net/rdp-open-to-world main.tf:8',
      'net/app-port-public main.tf:12',
      'net/risky-port-open-to-world main.tf:13',
    ]);
  });

  test('version 4 with use_for_each keys its rules by name; a one-rule submodule and Azure Verified Modules\' NSG are judged too', async () => {
    const directory = tree({
      'main.tf': [
        'module "keyed" {\n  source              = "Azure/network-security-group/azurerm"\n  resource_group_name = "rg"\n  use_for_each        = true\n  predefined_rules    = [{ name = "RDP", priority = 100 }]\n  custom_rules        = [{ name = "any", priority = 200, destination_port_range = "22" }]\n}',
        'module "ssh" {\n  source              = "Azure/network-security-group/azurerm//modules/SSH"\n  version             = "~> 4.0"\n  resource_group_name = "rg"\n  security_group_name = "ssh-nsg"\n}',
        'module "avm" {\n  source              = "Azure/avm-res-network-networksecuritygroup/azurerm"\n  version             = "0.5.1"\n  name                = "avm-nsg"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  security_rules = {\n    rdp = {\n      name                       = "rdp"\n      access                     = "Allow"\n      direction                  = "Inbound"\n      priority                   = 100\n      protocol                   = "Tcp"\n      source_address_prefix      = "Internet"\n      source_port_range          = "*"\n      destination_address_prefix = "*"\n      destination_port_range     = "3389"\n    }\n  }\n}',
        'module "web" {\n  source              = "Azure/network-security-group/azurerm//modules/ActiveDirectory"\n  resource_group_name = "rg"\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(at.filter((each) => !each.startsWith('net/egress'))).toEqual(['net/rdp-open-to-world main.tf:5', 'net/ssh-open-to-world main.tf:6', 'net/ssh-open-to-world main.tf:8', 'net/rdp-open-to-world main.tf:21']);
    const text = said.join('\n');
    expect(text).toContain('through module.keyed.azurerm_network_security_rule.predefined_rules_for["RDP"]');
    expect(text).toContain('through module.keyed.azurerm_network_security_rule.custom_rules_for["any"]');
    expect(text).toContain('SSH (TCP 22) on module.ssh.module.nsg.azurerm_network_security_group.nsg (ssh-nsg)');
    expect(text).toContain('through module.avm.azurerm_network_security_rule.this["rdp"] (rule \'rdp\' (priority 100))');
    expect(problems).toEqual(["warning iac/unsupported main.tf:34 module.web comes from 'Azure/network-security-group/azurerm//modules/ActiveDirectory', which Parapet does not fetch (it has no submodule 'ActiveDirectory' of one rule that Parapet knows): its resources are judged only where terraform init put its code in the scanned tree (.terraform/modules)"]);
  });
});

describe('a known module given rules the code does not fix', () => {
  test('judges them as the worst they could be, and says what they depend on', async () => {
    const directory = tree({
      'main.tf': 'variable "rules" {}\n\nmodule "avm" {\n  source         = "Azure/avm-res-network-networksecuritygroup/azurerm"\n  name           = "nsg"\n  security_rules = var.rules\n}\n',
    });
    const { said, at, problems } = await judged(directory);
    expect(at).toContain('net/ssh-open-to-world main.tf:6');
    expect(said.find((each) => each.startsWith('net/ssh-open-to-world'))).toContain('may be reachable from any address (0.0.0.0/0 and ::/0) through module.avm.azurerm_network_security_rule.this[*]');
    expect(problems).toEqual(['warning iac/unresolved main.tf:6 1 value could not be resolved from the code (`var.rules`): the rules that use it were judged as the worst it could be']);
  });
});

describe("Google's network module from the registry, not fetched, judged by its firewall rules", () => {
  test('ingress and egress rules, or the deprecated list, which turns them off; keyed by name, on network_name', async () => {
    const directory = tree({
      'main.tf': [
        'module "vpc" {\n  source       = "terraform-google-modules/network/google"\n  version      = "~> 10.0"\n  project_id   = "p"\n  network_name = "prod"\n  subnets      = []\n  ingress_rules = [\n    { name = "ssh", source_ranges = ["0.0.0.0/0"], allow = [{ protocol = "tcp", ports = ["22"] }] },\n    { name = "rdp", source_ranges = ["10.0.0.0/8"], allow = [{ protocol = "tcp", ports = ["3389"] }] },\n  ]\n}',
        'module "legacy" {\n  source       = "terraform-google-modules/network/google//modules/firewall-rules"\n  project_id   = "p"\n  network_name = "legacy"\n  rules = [\n    { name = "rdp", ranges = ["0.0.0.0/0"], allow = [{ protocol = "tcp", ports = ["3389"] }] },\n    { name = "out", direction = "EGRESS", ranges = ["0.0.0.0/0"], allow = [{ protocol = "tcp", ports = ["22"] }] },\n  ]\n  ingress_rules = [{ name = "ignored", source_ranges = ["0.0.0.0/0"], allow = [{ protocol = "tcp", ports = ["8081"] }] }]\n}',
        'module "typo" {\n  source       = "terraform-google-modules/network/google//modules/firewall-rules"\n  project_id   = "p"\n  network_name = "typo"\n  ingress_rule = []\n}',
        'module "routes" {\n  source = "terraform-google-modules/network/google//modules/routes"\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(at.filter((each) => !each.startsWith('net/egress'))).toEqual(['net/ssh-open-to-world main.tf:8', 'net/rdp-open-to-world main.tf:17']);
    const text = said.join('\n');
    expect(text).toContain('SSH (TCP 22) on prod is reachable from any IPv4 address (0.0.0.0/0) through module.vpc.module.firewall_rules.google_compute_firewall.rules_ingress_egress["ssh"]');
    expect(text).toContain('RDP (TCP 3389) on legacy is reachable from any IPv4 address (0.0.0.0/0) through module.legacy.google_compute_firewall.rules["rdp"]');
    expect(text).not.toContain('8081');
    expect(problems.map((problem) => problem.split(': its resources')[0])).toEqual([
      "warning iac/unsupported main.tf:28 module.routes comes from 'terraform-google-modules/network/google//modules/routes', which Parapet does not fetch (Parapet knows its firewall rules (the module itself and //modules/firewall-rules), not 'routes')",
      'error iac/invalid-resource main.tf:22 module.typo gives \'ingress_rule\', which no variable of the module takes ("Unsupported argument")',
    ]);
  });
});

describe("terraform-aws-modules' ec2-instance and alb from the registry, not fetched, judged by the group they create", () => {
  test('its maps of rules (alb 8: one map of rule resources), the instance\'s default egress, and nothing where no group is made', async () => {
    const directory = tree({
      'main.tf': [
        'module "bastion" {\n  source    = "terraform-aws-modules/ec2-instance/aws"\n  version   = "~> 6.0"\n  subnet_id = "subnet-1"\n  security_group_ingress_rules = {\n    ssh = { from_port = 22, cidr_ipv4 = "0.0.0.0/0" }\n  }\n}',
        'module "v5" {\n  source                 = "terraform-aws-modules/ec2-instance/aws"\n  version                = "~> 5.0"\n  vpc_security_group_ids = ["sg-1"]\n}',
        'module "alb" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "~> 9.0"\n  vpc_id  = "vpc-1"\n  security_group_ingress_rules = {\n    flow = { from_port = 8081, to_port = 8084, ip_protocol = "tcp", cidr_ipv4 = "0.0.0.0/0" }\n  }\n}',
        'module "alb8" {\n  source  = "terraform-aws-modules/alb/aws"\n  version = "8.7.0"\n  security_group_rules = {\n    rdp = { type = "ingress", from_port = 3389, to_port = 3389, protocol = "tcp", cidr_blocks = ["0.0.0.0/0"] }\n  }\n}',
        'module "no_group" {\n  source                = "terraform-aws-modules/ec2-instance/aws"\n  create_security_group = false\n  security_group_ingress_rules = {\n    ssh = { from_port = 22, cidr_ipv4 = "0.0.0.0/0" }\n  }\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(problems).toEqual([]);
    expect(at).toEqual(['net/egress-open-to-world main.tf:1', 'net/ssh-open-to-world main.tf:6', 'net/app-port-public main.tf:19', 'net/rdp-open-to-world main.tf:26']);
    const text = said.join('\n');
    expect(text).toContain('through module.bastion.aws_vpc_security_group_ingress_rule.this["ssh"] tcp/22 from 0.0.0.0/0');
    expect(text).toContain('through module.bastion.aws_vpc_security_group_egress_rule.this["ipv4_default"] any to 0.0.0.0/0');
    expect(text).toContain('on module.alb.aws_security_group.this[0] in');
    expect(text).toContain('through module.alb8.aws_security_group_rule.this["rdp"] tcp/3389 from 0.0.0.0/0');
  });
});

describe("terraform-aws-modules' vpc from the registry, not fetched, judged by the default security group it manages", () => {
  test('its rules as the module reads them (all traffic unless told, comma-separated peers); vpc-endpoints opens nothing unless it creates a group, which is said, as are other submodules and rules not in a list', async () => {
    const directory = tree({
      'main.tf': [
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  default_security_group_ingress = [\n    { protocol = "tcp", from_port = 22, to_port = 22, cidr_blocks = "10.0.0.0/8,0.0.0.0/0" },\n    { self = "true" },\n  ]\n}',
        'module "odd" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 4.0"\n  default_security_group_egress = { cidr_blocks = "0.0.0.0/0" }\n}',
        'module "endpoints" {\n  source  = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"\n  version = "~> 5.0"\n}',
        'module "endpoints_sg" {\n  source                = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"\n  create_security_group = true\n}',
        'module "flow_log" {\n  source = "terraform-aws-modules/vpc/aws//modules/flow-log"\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(at).toEqual(['net/ssh-open-to-world main.tf:4']);
    expect(said.join('\n')).toContain('through module.vpc.aws_default_security_group.this[0] ingress[0] tcp/22 from 0.0.0.0/0');
    expect(problems).toEqual([
      "warning iac/unsupported main.tf:21 module.flow_log comes from 'terraform-aws-modules/vpc/aws//modules/flow-log', which Parapet does not fetch (Parapet knows the module itself and its vpc-endpoints, not its submodule 'flow-log'): its resources are judged only where terraform init put its code in the scanned tree (.terraform/modules)",
      'error iac/invalid-resource main.tf:11 module.odd: default_security_group_egress is not a list of rules',
      'warning iac/unsupported main.tf:19 module.endpoints_sg creates a security group (create_security_group), whose rules Parapet does not model',
    ]);
  });
});

describe("terraform-aws-modules' rds-aurora from the registry, not fetched, judged by the group it creates", () => {
  test("its rules open the database's port over TCP unless they say otherwise (8–9: security_group_rules; 10: ingress and egress maps); no group when told, and before 8 a warning", async () => {
    const directory = tree({
      'main.tf': [
        'module "db" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "~> 9.0"\n  engine  = "aurora-postgresql"\n  security_group_rules = {\n    vpc_ingress = { cidr_blocks = ["0.0.0.0/0"] }\n    ssh = { from_port = 22, to_port = 22, cidr_blocks = ["0.0.0.0/0"] }\n  }\n}',
        'module "db10" {\n  source = "terraform-aws-modules/rds-aurora/aws"\n  engine = "aurora-mysql"\n  security_group_ingress_rules = {\n    world = { cidr_ipv4 = "0.0.0.0/0" }\n  }\n}',
        'module "none" {\n  source                = "terraform-aws-modules/rds-aurora/aws"\n  version               = "8.5.0"\n  create_security_group = false\n  security_group_rules = {\n    world = { cidr_blocks = ["0.0.0.0/0"] }\n  }\n}',
        'module "old" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "7.7.1"\n}',
      ].join('\n'),
    });
    const { said, at, problems } = await judged(directory);
    expect(at).toEqual(['net/risky-port-open-to-world main.tf:6', 'net/ssh-open-to-world main.tf:7', 'net/risky-port-open-to-world main.tf:14']);
    const text = said.join('\n');
    expect(text).toContain('PostgreSQL (TCP 5432) on module.db.aws_security_group.this[0]');
    expect(text).toContain('through module.db10.aws_vpc_security_group_ingress_rule.this["world"] tcp/3306 from 0.0.0.0/0');
    expect(problems).toEqual([
      "warning iac/unsupported main.tf:25 module.old comes from 'terraform-aws-modules/rds-aurora/aws', which Parapet does not fetch (Parapet knows its security group from version 8 on, not version 7): its resources are judged only where terraform init put its code in the scanned tree (.terraform/modules)",
    ]);
  });
});
