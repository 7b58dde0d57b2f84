import { describe, expect, test } from 'vitest';
import { at, load, plain } from './terraform-helpers.js';

describe('Terraform values', () => {
  test('literals, lists, objects and their lines', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "bastion" {
  name = "bastion"
  revoke = true
  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = [
      "10.0.0.0/8",
      "192.168.0.0/16",
    ]
  }
  tags = { Name = "b", "team" : "ops" }
}
`);
    expect(problems).toEqual([]);
    expect(resources).toHaveLength(1);
    const [sg] = resources;
    expect(sg).toMatchObject({ type: 'aws_security_group', address: 'aws_security_group.bastion', file: 'main.tf', line: 1 });
    expect(plain(sg.body)).toEqual({ name: 'bastion', revoke: true, ingress: { from_port: 22, to_port: 22, cidr_blocks: ['10.0.0.0/8', '192.168.0.0/16'] }, tags: { Name: 'b', team: 'ops' } });
    expect(at(sg.body, 'ingress')!.line).toBe(4);
    expect(at(sg.body, 'ingress', 'cidr_blocks')!.line).toBe(7);
    expect(at(sg.body, 'ingress', 'cidr_blocks', 1)!.line).toBe(9);
  });

  test('repeated blocks are a list of objects, each at its line', async () => {
    const { resources } = await load(`resource "aws_security_group" "web" {
  ingress {
    from_port = 80
  }
  ingress {
    from_port = 443
  }
}
`);
    const ingress = at(resources[0].body, 'ingress')!;
    expect(ingress.kind).toBe('list');
    expect(plain(ingress)).toEqual([{ from_port: 80 }, { from_port: 443 }]);
    expect([at(ingress, 0)!.line, at(ingress, 1)!.line]).toEqual([2, 5]);
  });

  test('templates, heredocs, escapes and operators', async () => {
    const { resources, problems } = await load(`variable "ip" { default = "203.0.113.7" }
locals {
  n = 2
}
resource "aws_security_group" "t" {
  a = "\${var.ip}/32"
  b = "quote \\" tab\\t $\${literal}"
  c = <<-EOT
    line one
      two \${local.n}
    EOT
  d = 1 + 2 * 3 - 4 / 2 % 3
  e = !(1 > 2) && 3 <= 3 || false
  f = local.n == 2 ? "two" : "other"
  g = -local.n
  h = "a" != "b"
}
`);
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({
      a: '203.0.113.7/32',
      b: 'quote " tab\t ${literal}',
      c: 'line one\n  two 2\n',
      d: 1 + 2 * 3 - (4 / 2) % 3,
      e: true,
      f: 'two',
      g: -2,
      h: true,
    });
    expect(at(resources[0].body, 'a')!.line).toBe(6);
  });

  test('index, attribute, splat and for expressions', async () => {
    const { resources, problems } = await load(`locals {
  rules = [{ port = 22, cidr = "10.0.0.0/8" }, { port = 443, cidr = "0.0.0.0/0" }]
  by_name = { ssh = 22, https = 443 }
}
resource "aws_security_group" "t" {
  first  = local.rules[0].port
  legacy = local.rules.1.cidr
  ports  = local.rules[*].port
  cidrs  = [for rule in local.rules : rule.cidr if rule.port != 22]
  map    = { for name, port in local.by_name : port => name }
  group  = { for rule in local.rules : rule.cidr => rule.port... }
  keyed  = local.by_name["https"]
}
`);
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({
      first: 22,
      legacy: '0.0.0.0/0',
      ports: [22, 443],
      cidrs: ['0.0.0.0/0'],
      map: { '22': 'ssh', '443': 'https' },
      group: { '10.0.0.0/8': [22], '0.0.0.0/0': [443] },
      keyed: 443,
    });
    // A value read through a reference is at the line of the reference.
    expect(at(resources[0].body, 'ports', 1)!.line).toBe(8);
  });

  test('numbers with an exponent and no fraction (1e3), which Terraform reads and the grammar does not', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "n" {
  list     = [1e3, 2E-7, 1e+9, -1e3, 1.5e3]
  template = "n\${1e3}"
  text     = "1e3"
  ingress {
    from_port = 22e0
  }
}
`);
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({ list: [1000, 2e-7, 1e9, -1000, 1500], template: 'n1000', text: '1e3', ingress: { from_port: 22 } });
  });

  test('functions', async () => {
    const { resources, problems } = await load(`locals {
  a = ["10.0.0.0/8", "", null]
  m = { x = 1 }
}
resource "aws_security_group" "f" {
  concat    = concat(["a"], ["b", "c"])
  flatten   = flatten([["a"], [["b"]]])
  distinct  = distinct(["a", "a", "b"])
  compact   = compact(local.a)
  lookup    = lookup(local.m, "y", 7)
  element   = element(["a", "b"], 3)
  merge     = merge(local.m, { y = 2 })
  keys      = keys({ b = 1, a = 2 })
  values    = values({ b = 1, a = 2 })
  length    = length("héllo")
  join      = join(",", ["a", "b"])
  split     = split(",", "a,b")
  format    = format("%s:%d/%03d %q %%", "h", 22, 7, "x")
  case      = [lower("AB"), upper("cd"), trimspace("  e ")]
  replace   = replace("a-b-c", "-", "_")
  coalesce  = coalesce(null, "", "z")
  contains  = contains(["a"], "a")
  range     = range(1, 7, 2)
  subnet    = cidrsubnet("10.0.0.0/16", 8, 2)
  subnet6   = cidrsubnet("fd00::/48", 16, 1)
  host      = cidrhost("10.0.0.0/24", -2)
  try       = try(local.m.missing, "fallback")
  can       = [can(local.m.x), can(local.m.missing)]
  tolist    = toset(["b", "a", "b"])
  json      = jsonencode({ a = [1, true] })
  decoded   = jsondecode("{\\"p\\": [22]}").p
  expanded  = concat(["x"], [["y"], ["z"]]...)
}
`);
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({
      concat: ['a', 'b', 'c'],
      flatten: ['a', 'b'],
      distinct: ['a', 'b'],
      compact: ['10.0.0.0/8'],
      lookup: 7,
      element: 'b',
      merge: { x: 1, y: 2 },
      keys: ['a', 'b'],
      values: [2, 1],
      length: 5,
      join: 'a,b',
      split: ['a', 'b'],
      format: 'h:22/007 "x" %',
      case: ['ab', 'CD', 'e'],
      replace: 'a_b_c',
      coalesce: 'z',
      contains: true,
      range: [1, 3, 5],
      subnet: '10.0.2.0/24',
      subnet6: 'fd00:0:0:1::/64',
      host: '10.0.0.254',
      try: 'fallback',
      can: [true, false],
      // A set of strings in Terraform's order, by text.
      tolist: ['a', 'b'],
      json: '{"a":[1,true]}',
      decoded: [22],
      expanded: ['x', 'y', 'z'],
    });
  });

  test('an unknown function is unknown, with one warning per name per file', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "f" {
  a = frobnicate(1)
  b = frobnicate(2)
  c = "\${frobnicate(3)}/32"
}
`);
    expect(plain(resources[0].body)).toEqual({ a: { unknown: ['frobnicate()'] }, b: { unknown: ['frobnicate()'] }, c: { unknown: ['frobnicate()'] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'iac/unsupported', level: 'warning', file: 'main.tf', line: 2 });
    expect(problems[0].message).toContain("'frobnicate'");
  });

  test('template directives are evaluated, in quoted templates and heredocs, with their strip markers', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "d" {
  a = "%{ if true }x%{ endif }"
  b = <<EOT
%{ for cidr in ["10.0.0.0/8", "0.0.0.0/0"] ~}
\${cidr}
%{ endfor ~}
EOT
}
`);
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({ a: 'x', b: '10.0.0.0/8\n0.0.0.0/0\n' });
  });

  test('a directive in an indented heredoc (<<-) is unknown and reported', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "d" {
  a = <<-EOT
    %{ if true }x%{ endif }
  EOT
}
`);
    expect(at(resources[0].body, 'a')!.kind).toBe('unknown');
    expect(problems.map((problem) => [problem.id, problem.line])).toEqual([['iac/unsupported', 2]]);
  });
});
