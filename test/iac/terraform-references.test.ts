import { describe, expect, test } from 'vitest';
import { at, file, load, plain } from './terraform-helpers.js';

describe('Terraform references and unknowns', () => {
  test('a variable without a value is unknown at the line that uses it', async () => {
    const { resources, problems } = await load(`variable "allowed_cidrs" {
  type = list(string)
}
resource "aws_security_group" "a" {
  ingress {
    cidr_blocks = var.allowed_cidrs
    other       = concat(["10.0.0.0/8"], var.allowed_cidrs)
    one         = ["10.0.0.0/8", var.allowed_cidrs[0]]
    text        = "\${var.allowed_cidrs[0]}-x"
  }
}
`);
    expect(problems).toEqual([]);
    const ingress = at(resources[0].body, 'ingress');
    expect(at(ingress, 'cidr_blocks')).toEqual({ kind: 'unknown', line: 6, dependsOn: ['var.allowed_cidrs'] });
    expect(plain(at(ingress, 'other'))).toEqual({ unknown: ['var.allowed_cidrs'] });
    expect(plain(at(ingress, 'one'))).toEqual(['10.0.0.0/8', { unknown: ['var.allowed_cidrs'] }]);
    expect(plain(at(ingress, 'text'))).toEqual({ unknown: ['var.allowed_cidrs'] });
  });

  test('data sources, modules, path.cwd and computed attributes are unknown as written; path.module is known; managed resources are named', async () => {
    const { resources } = await load(`resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}
resource "azurerm_network_security_group" "web" {
  name = "nsg-web"
}
resource "aws_security_group" "app" {
  count = 2
  name  = "app"
}
resource "aws_security_group_rule" "r" {
  data_cidr = data.aws_vpc.main.cidr_block
  module    = module.vpc.vpc_cidr_block
  path      = path.cwd
  here      = path.module
  workspace = terraform.workspace
  sg        = aws_security_group.app[0].id
  sg_all    = aws_security_group.app[*].id
  vpc_cidr  = aws_vpc.main.cidr_block
  nsg_name  = azurerm_network_security_group.web.name
  nsg_id    = azurerm_network_security_group.web.id
  either    = var_unknown_root.x
}
`);
    const rule = resources.find((resource) => resource.type === 'aws_security_group_rule')!;
    expect(plain(rule.body)).toEqual({
      data_cidr: { unknown: ['data.aws_vpc.main.cidr_block'] },
      module: { unknown: ['module.vpc.vpc_cidr_block'] },
      path: { unknown: ['path.cwd'] },
      here: '.',
      workspace: { unknown: ['terraform.workspace'] },
      sg: { unknown: ['aws_security_group.app[0].id'], resource: 'aws_security_group.app[0]' },
      // One per instance of the counted group, each naming its instance.
      sg_all: [0, 1].map((index) => ({ unknown: ['aws_security_group.app[*].id'], resource: `aws_security_group.app[${index}]` })),
      // A literal argument of another resource resolves to its value (the mapper matches groups by name too).
      vpc_cidr: '10.1.0.0/16',
      nsg_name: 'nsg-web',
      nsg_id: { unknown: ['azurerm_network_security_group.web.id'], resource: 'azurerm_network_security_group.web' },
      either: { unknown: ['var_unknown_root.x'] },
    });
    expect(at(rule.body, 'nsg_name')!.line).toBe(20);
  });

  test('conditionals with an unknown condition', async () => {
    const { resources } = await load(`variable "open" {}
resource "aws_security_group" "c" {
  same  = var.open ? "0.0.0.0/0" : "0.0.0.0/0"
  other = var.open ? "0.0.0.0/0" : "10.0.0.0/8"
  and   = false && var.open
  or    = true || var.open
}
`);
    expect(plain(resources[0].body)).toEqual({ same: '0.0.0.0/0', other: { unknown: ['var.open'] }, and: false, or: true });
  });

  test('locals in any order, across files; a cycle is unknown and reported', async () => {
    const { resources, problems } = await load(
      `resource "aws_security_group" "l" {
  a = local.first
  b = local.loop_a
}
`,
      {
        files: [
          file('locals.tf', `locals {
  first  = "\${local.second}/32"
  second = "192.0.2.1"
  loop_a = local.loop_b
  loop_b = local.loop_a
}
`),
        ],
      },
    );
    expect(plain(at(resources[0].body, 'a'))).toBe('192.0.2.1/32');
    expect(at(resources[0].body, 'a')!.line).toBe(2);
    expect(at(resources[0].body, 'b')!.kind).toBe('unknown');
    const cycle = problems.filter((problem) => problem.message.includes('depends on itself'));
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatchObject({ id: 'iac/invalid-resource', file: 'locals.tf' });
  });

  test('variable precedence: default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars by name < --var-file in order', async () => {
    const config = `variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "port" { type = number }
resource "aws_security_group" "v" {
  values = [var.a, var.b, var.c, var.d, var.e, var.f, var.port]
}
`;
    const { resources, problems } = await load(config, {
      files: [
        file('z.auto.tfvars', 'd = "z.auto"\ne = "z.auto"\n'),
        file('terraform.tfvars.json', '{ "b": "tfvars.json", "c": "tfvars.json", "port": "22" }'),
        file('a.auto.tfvars.json', '{ "c": "a.auto.json", "d": "a.auto.json" }'),
        file('terraform.tfvars', 'a = "tfvars"\nb = "tfvars"\n'),
      ],
      varFiles: [file('one.tfvars', 'e = "one"\nf = "one"\n'), file('two.tfvars.json', '{ "f": "two" }')],
    });
    expect(problems).toEqual([]);
    // var.port is declared a number: the "22" of the JSON file becomes 22, as Terraform converts it.
    expect(plain(at(resources[0].body, 'values'))).toEqual(['tfvars', 'tfvars.json', 'a.auto.json', 'z.auto', 'one', 'two', 22]);
  });

  test('count: one instance per index, count.index in values', async () => {
    const { resources } = await load(`resource "aws_vpc_security_group_ingress_rule" "r" {
  count     = 2
  cidr_ipv4 = "10.0.\${count.index}.0/24"
  from_port = 80 + count.index
}
resource "aws_security_group" "none" {
  count = 0
}
`);
    expect(resources.map((resource) => resource.address)).toEqual(['aws_vpc_security_group_ingress_rule.r[0]', 'aws_vpc_security_group_ingress_rule.r[1]']);
    expect(plain(resources[1].body)).toEqual({ cidr_ipv4: '10.0.1.0/24', from_port: 81 });
    expect(resources[1].line).toBe(1);
  });

  test('for_each over a map and a set', async () => {
    const { resources } = await load(
      `resource "aws_security_group" "m" {
  for_each = { web = 80, ssh = 22 }
  name = "\${each.key}-\${each.value}"
}
resource "aws_security_group" "s" {
  for_each = toset(["a", "b"])
  name = each.value
}
`,
    );
    expect(resources.map((resource) => [resource.address, plain(at(resource.body, 'name'))])).toEqual([
      ['aws_security_group.m["ssh"]', 'ssh-22'],
      ['aws_security_group.m["web"]', 'web-80'],
      ['aws_security_group.s["a"]', 'a'],
      ['aws_security_group.s["b"]', 'b'],
    ]);
  });

  test('an unknown count or for_each makes ONE instance, addressed [*], with unknown index and each', async () => {
    const { resources } = await load(`variable "n" {}
variable "rules" {}
resource "aws_security_group_rule" "c" {
  count     = var.n
  from_port = count.index
}
resource "aws_security_group_rule" "e" {
  for_each  = var.rules
  from_port = each.value.port
  key       = each.key
}
`);
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group_rule.c[*]', 'aws_security_group_rule.e[*]']);
    expect(plain(resources[0].body)).toEqual({ from_port: { unknown: ['var.n'] } });
    expect(plain(resources[1].body)).toEqual({ from_port: { unknown: ['var.rules'] }, key: { unknown: ['var.rules'] } });
  });

  test('dynamic blocks: one block per element, with an iterator; an unknown for_each makes one block', async () => {
    const { resources } = await load(`variable "ports" { default = [22, 443] }
variable "unknown_rules" {}
resource "aws_security_group" "d" {
  ingress {
    from_port = 1
  }
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port = port.value
      index     = port.key
    }
  }
  dynamic "egress" {
    for_each = var.unknown_rules
    content {
      cidr_blocks = egress.value.cidrs
    }
  }
}
`);
    const body = resources[0].body;
    expect(plain(at(body, 'ingress'))).toEqual([{ from_port: 1 }, { from_port: 22, index: 0 }, { from_port: 443, index: 1 }]);
    expect(at(body, 'ingress', 1)!.line).toBe(7);
    expect(plain(at(body, 'egress'))).toEqual({ cidr_blocks: { unknown: ['var.unknown_rules'] } });
  });
});

describe('Terraform files', () => {
  test('a syntax error: one iac/syntax error at its line; the other files are still read', async () => {
    const { resources, problems } = await load(
      `resource "aws_security_group" "broken" {
  name = "x"
  ingress {
    cidr_blocks = ["0.0.0.0/0"
  }
}
`,
      { files: [file('ok.tf', 'resource "aws_security_group" "ok" {\n  name = "ok"\n}\n')] },
    );
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group.ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'iac/syntax', level: 'error', file: 'main.tf' });
    expect(problems[0].line).toBeGreaterThanOrEqual(4);
    expect(problems[0].line).toBeLessThanOrEqual(5);
  });

  test('.tf.json: resources, variables, locals, templates, comments, dynamic blocks, lines', async () => {
    const json = `{
  "//": "a comment",
  "variable": { "cidr": { "default": "10.0.0.0/8" } },
  "locals": { "port": 22 },
  "resource": {
    "aws_security_group": {
      "web": {
        "name": "web-\${var.cidr}",
        "ingress": [
          { "from_port": "\${local.port}", "cidr_blocks": ["\${var.cidr}", "\${data.x.y.z}"] }
        ],
        "dynamic": {
          "egress": {
            "for_each": "\${[443, 8443]}",
            "content": { "to_port": "\${egress.value}" }
          }
        }
      }
    }
  }
}
`;
    const { resources, problems } = await load('', { files: [file('sg.tf.json', json)] });
    expect(problems).toEqual([]);
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ address: 'aws_security_group.web', file: 'sg.tf.json', line: 7 });
    expect(plain(resources[0].body)).toEqual({
      name: 'web-10.0.0.0/8',
      ingress: [{ from_port: 22, cidr_blocks: ['10.0.0.0/8', { unknown: ['data.x.y.z'] }] }],
      egress: [{ to_port: 443 }, { to_port: 8443 }],
    });
    expect(at(resources[0].body, 'ingress', 0, 'cidr_blocks', 1)!.line).toBe(10);
  });

  test(".tf.json writes a body or a level of labels as an object or an array of objects, as HCL's JSON syntax allows", async () => {
    const group = (name: string) => `{"name": "${name}", "ingress": [{"from_port": 22}]}`;
    const forms = [
      `[{"resource": {"aws_security_group": {"a": ${group('a')}}}}, {"resource": {"aws_security_group": {"b": ${group('b')}}}}]`,
      `{"resource": [{"aws_security_group": {"a": ${group('a')}}}, {"aws_security_group": {"b": ${group('b')}}}]}`,
      `{"resource": {"aws_security_group": [{"a": ${group('a')}}, {"b": ${group('b')}}]}}`,
      `{"resource": {"aws_security_group": {"a": [${group('a')}], "b": ${group('b')}, "c": null}}}`,
    ];
    for (const json of forms) {
      const { resources, problems } = await load('', { files: [file('sg.tf.json', json)] });
      expect(problems).toEqual([]);
      expect(resources.map((resource) => [resource.address, plain(resource.body)])).toEqual([
        ['aws_security_group.a', { name: 'a', ingress: [{ from_port: 22 }] }],
        ['aws_security_group.b', { name: 'b', ingress: [{ from_port: 22 }] }],
      ]);
    }
  });

  test('.tf.json that is not JSON is a syntax error', async () => {
    const { problems } = await load('', { files: [file('bad.tf.json', '{ "resource": ')] });
    expect(problems.map((problem) => problem.id)).toEqual(['iac/syntax']);
  });
});
