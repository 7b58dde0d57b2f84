import { describe, expect, test } from 'vitest';
import { knownFunctions } from '../../src/parsers/terraform/functions.js';
import { at, file, load, plain } from './terraform-helpers.js';

describe('hostile Terraform', () => {
  test('deeply nested expressions are a problem, not a stack overflow', async () => {
    const depth = 20_000;
    const { problems } = await load(`resource "aws_security_group" "deep" {\n  a = ${'['.repeat(depth)}${']'.repeat(depth)}\n}\n`);
    expect(problems.map((problem) => problem.id)).toEqual(['iac/syntax']);
  });

  test('a syntax error before 10,000 blank lines, which makes error recovery slow, is given up on in time', async () => {
    const variables = 'variable "logs" {\n  type = bool\n  default = false\n}\n';
    const started = performance.now();
    const { problems } = await load(`${variables}variable "x" {\n  type = <${'\r\n'.repeat(10_000)}\n}\n`);
    expect(problems.map((problem) => problem.id)).toEqual(['iac/syntax']);
    expect(performance.now() - started).toBeLessThan(5_000);
    // The parse given up on is not resumed on the next file.
    const next = await load('resource "aws_security_group" "after" {\n  name = "after"\n}\n');
    expect([next.resources.map((resource) => resource.address), next.problems]).toEqual([['aws_security_group.after'], []]);
  });

  test('deeply nested .tf.json is a problem', async () => {
    const depth = 50_000;
    const { problems } = await load('', { files: [file('deep.tf.json', `{"locals": {"a": ${'['.repeat(depth)}${']'.repeat(depth)}}}`)] });
    expect(problems.map((problem) => problem.id)).toEqual(['iac/syntax']);
  });

  test('count = 1e9 and a huge for_each make one instance and a problem', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "many" {
  count = 1000000000
  name  = count.index
}
resource "aws_security_group" "each" {
  for_each = toset([for n in range(5000) : tostring(n)])
  name     = each.key
}
`);
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group.many[*]', 'aws_security_group.each[*]']);
    expect(problems.map((problem) => [problem.id, problem.line])).toEqual([
      ['iac/unsupported', 2],
      ['iac/unsupported', 6],
    ]);
  });

  test('exponential growth through locals stops with a problem', async () => {
    const locals = Array.from({ length: 60 }, (_, index) => `  l${index + 1} = concat(local.l${index}, local.l${index})`).join('\n');
    const { resources, problems } = await load(`locals {
  l0 = ["x"]
${locals}
  s0 = "xxxxxxxxxxxxxxxx"
${Array.from({ length: 60 }, (_, index) => `  s${index + 1} = "\${local.s${index}}\${local.s${index}}"`).join('\n')}
}
resource "aws_security_group" "boom" {
  a = local.l60
  b = local.s60
}
`);
    expect(resources).toHaveLength(1);
    expect(resources[0].body.fields.get('a')!.kind).toBe('unknown');
    expect(resources[0].body.fields.get('b')!.kind).toBe('unknown');
    expect(problems.length).toBeGreaterThan(0);
  });

  test('a long chain of locals and self-reference do not overflow the stack', async () => {
    const chain = Array.from({ length: 5000 }, (_, index) => `  c${index} = local.c${index + 1}`).join('\n');
    const { resources } = await load(`locals {
${chain}
  c5000 = "end"
}
variable "v" {}
resource "aws_security_group" "chain" {
  a = local.c0
}
`, { varFiles: [file('self.tfvars', 'v = var.v\n')] });
    expect(resources).toHaveLength(1);
  });

  test('an attribute set twice in one block is a syntax problem at the second, as Terraform rejects the file', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "twice" {
  name = "web"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`);
    expect(resources).toEqual([]);
    expect(problems.map((problem) => [problem.id, problem.line])).toEqual([['iac/syntax', 8]]);
    expect(problems[0].message).toContain("'cidr_blocks' is set again in the same block (first at line 7)");
  });

  test('a variable file (HCL or JSON) that sets a variable twice is a syntax problem, and the variable is judged unknown', async () => {
    const files: [string, string, number, number][] = [
      ['dup.tfvars', 'cidr = "10.0.0.0/8"\ncidr = "0.0.0.0/0"\n', 2, 1],
      ['dup.tfvars.json', '{\n"cidr": "10.0.0.0/8",\n"cidr": "0.0.0.0/0"\n}', 3, 2],
    ];
    for (const [name, text, line, firstLine] of files) {
      const { resources, problems } = await load('variable "cidr" {}\nresource "aws_security_group" "web" {\n  name = var.cidr\n}\n', { varFiles: [file(name, text)] });
      expect(problems.map((problem) => [problem.id, problem.file, problem.line])).toContainEqual(['iac/syntax', name, line]);
      expect(problems.find((problem) => problem.file === name)!.message).toContain(`'cidr' is set again in this file (first at line ${firstLine})`);
      expect(at(resources[0].body, 'name')!.kind).toBe('unknown');
    }
  });

  test('the same attribute in sibling or nested blocks is not a redefinition', async () => {
    const { resources, problems } = await load(`resource "aws_security_group" "rules" {
  description = "outer"
  ingress { description = "first" }
  ingress { description = "second" }
}
`);
    expect(problems).toEqual([]);
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group.rules']);
  });

  test('a resource declared twice in a module is judged once, and the second declaration is a problem, as Terraform rejects it', async () => {
    const group = (port: number) => `resource "aws_security_group" "web" {\n  ingress {\n    from_port = ${port}\n  }\n}\n`;
    const { resources, problems } = await load(group(22), { files: [file('other.tf', `\n${group(3389)}`), file('again.tf.json', '{"resource": {"aws_security_group": {"web": {}}}}')] });
    expect(resources.map((resource) => [resource.address, resource.file, plain(resource.body)])).toEqual([['aws_security_group.web', 'main.tf', { ingress: { from_port: 22 } }]]);
    expect(problems.map((problem) => [problem.id, problem.file, problem.line, problem.message.split(':')[0]])).toEqual([
      ['iac/syntax', 'other.tf', 2, 'aws_security_group.web is declared again (first at main.tf'],
      ['iac/syntax', 'again.tf.json', 1, 'aws_security_group.web is declared again (first at main.tf'],
    ]);
  });

  test('a variable or local declared twice in a module is a problem, as Terraform rejects it, and is judged unknown', async () => {
    const { resources, problems } = await load('variable "cidr" {\n  default = "10.0.0.0/8"\n}\nlocals {\n  port = 443\n}\nresource "aws_security_group" "web" {\n  name = var.cidr\n  description = local.port\n}\n', {
      files: [file('more.tf', 'variable "cidr" {\n  default = "0.0.0.0/0"\n}\nlocals {\n  port = 22\n}\n')],
    });
    expect(problems.map((problem) => [problem.id, problem.file, problem.line, problem.message.split(':')[0]])).toEqual([
      ['iac/syntax', 'more.tf', 1, 'var.cidr is declared again (first at main.tf'],
      ['iac/syntax', 'more.tf', 5, 'local.port is declared again (first at main.tf'],
    ]);
    expect([at(resources[0].body, 'name')!.kind, at(resources[0].body, 'description')!.kind]).toEqual(['unknown', 'unknown']);
  });

  test("HCL's line structure is kept: two items on one line, or a block header over two lines, is a syntax problem, never a block misread", async () => {
    const cases: [string, number][] = [
      // The grammar read this as a block of type 'x' labelled 'ingress': the ingress rule vanished.
      ['resource "aws_security_group" "web" {\n  description = "web" x\n  ingress {\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n', 2],
      ['resource "aws_security_group" "web" {\n  name = "a" description = "b"\n}\n', 2],
      ['resource "aws_security_group" "web" {\n  ingress {} egress {}\n}\n', 2],
      ['resource "aws_security_group"\n  "web" {\n}\n', 1],
    ];
    for (const [text, line] of cases) {
      const { resources, problems } = await load(text);
      expect(resources).toEqual([]);
      expect(problems.map((problem) => [problem.id, problem.line, problem.message.slice(0, 16)])).toEqual([['iac/syntax', line, 'HCL syntax error']]);
    }
    const { resources, problems } = await load('resource "aws_security_group" "web" {\n  ingress { from_port = 22 } # one argument: a block of one line\n  egress {\n  }\n}\n');
    expect(problems).toEqual([]);
    expect(plain(resources[0].body)).toEqual({ ingress: { from_port: 22 }, egress: {} });
  });

  describe("Terraform's JSON syntax: what Terraform rejects", () => {
    const json = async (text: string) => load('', { files: [file('main.tf.json', text)] });

    test('a property written twice whose values are objects is a block type written twice: both blocks are read, in order', async () => {
      const { resources, problems } = await json(`{"resource": {"google_compute_firewall": {"admin": {
  "allow": {"protocol": "tcp", "ports": ["22"]},
  "allow": [{"protocol": "udp"}, {"protocol": "icmp"}]
}}}}`);
      expect(problems).toEqual([]);
      expect(plain(at(resources[0].body, 'allow'))).toEqual([{ protocol: 'tcp', ports: ['22'] }, { protocol: 'udp' }, { protocol: 'icmp' }]);
    });

    test('a property written twice whose value is not an object is an argument set twice: a syntax problem at the second', async () => {
      const { resources, problems } = await json(`{"resource": {"aws_security_group": {"web": {
  "name": "web",
  "ingress": [],
  "name": "again"
}}}}`);
      expect(resources).toEqual([]);
      expect(problems.map((problem) => [problem.id, problem.line])).toEqual([['iac/syntax', 4]]);
      expect(problems[0].message).toContain("'name' is set again in the same block (first at line 2)");
    });

    test('a property written twice in an object value or where a body holds no blocks (locals, a module call, a default), and another value where a body or labels belong, are syntax problems', async () => {
      const cases: [string, string][] = [
        ['"a string"', 'the file must be a JSON object or an array of objects'],
        ['{"resource": {"aws_security_group": "web"}}', 'the labels of a resource block must be a JSON object or an array of objects'],
        ['{"resource": [{"aws_security_group": {}}, 7]}', 'the labels of a resource block must be a JSON object or an array of objects'],
        ['{"resource": {"aws_security_group": {"web": [{}, "x"]}}}', 'the body of a resource block must be a JSON object or an array of objects'],
        ['{"resource": {"aws_security_group": {"web": {"tags": {\n"Name": "a",\n"Name": "b"}}}}}', "'Name' is set again in the same object (first at line 2)"],
        ['{"locals": {"rules": {"port": 22},\n"rules": {"port": 3389}}}', "'rules' is set again in the same block (first at line 1)"],
        ['{"module": {"net": {"source": "./net",\n"rules": {},\n"rules": {}}}}', "'rules' is set again in the same block (first at line 2)"],
        ['{"variable": {"cidr": {"default": "10.0.0.0/8",\n"default": "0.0.0.0/0"}}}', "'default' is set again in the same block (first at line 1)"],
      ];
      for (const [text, message] of cases) {
        const { problems } = await json(text);
        expect(problems.map((problem) => [problem.id, problem.message.slice(0, message.length)])).toEqual([['iac/syntax', message]]);
      }
    });
  });

  test('every function called with too few arguments is judged unknown with a warning, never an internal error', async () => {
    for (const name of knownFunctions()) {
      const calls = ['', '"a"', '[1]'].map((args, index) => `  v${index} = ${name}(${args})`).join('\n');
      const { resources } = await load(`resource "aws_security_group" "f" {\n${calls}\n}\n`);
      expect(resources).toHaveLength(1);
    }
  });

  test('min() and max() of a list of 200,000 numbers expanded into their arguments', async () => {
    const ports = Array.from({ length: 200_000 }, (_, index) => (index * 7919) % 200_000);
    const { resources, problems } = await load(`locals {
  ports = [${ports.join(',')}]
}
resource "aws_security_group" "wide" {
  low  = min(local.ports...)
  high = max(local.ports...)
}
`);
    expect(problems).toEqual([]);
    expect([plain(at(resources[0].body, 'low')), plain(at(resources[0].body, 'high'))]).toEqual([0, 199_999]);
  });

  test('regular expressions run in linear time, their output is bounded, and an invalid one is not echoed', async () => {
    const started = performance.now();
    const { resources, problems } = await load(`locals {
  text = join("", [for n in range(9000) : "aaaaaaaaaa"])
}
resource "aws_security_group" "re" {
  backtracks = regexall("(a+)+$$|(a|aa)+b", "$\{local.text}!")
  grows      = replace(local.text, "/x*/", local.text)
  invalid    = regex("(${'y'.repeat(200)}", "y")
}
`);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(plain(at(resources[0].body, 'backtracks'))).toEqual([]);
    for (const name of ['grows', 'invalid']) expect(at(resources[0].body, name)?.kind).toBe('unknown');
    expect(problems.map((problem) => [problem.id, problem.line])).toEqual([
      ['iac/unsupported', 6],
      ['iac/unsupported', 7],
    ]);
    const many = await load('resource "aws_security_group" "re" {\n  many = regexall("a", join("", [for n in range(9000) : "aaaaaaaaaa"]))\n}\n');
    expect(at(many.resources[0].body, 'many')?.kind).toBe('unknown');
    expect(many.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('regexall() makes a list of more than 10000 items')]);
    expect(problems[1].message).toContain('invalid regular expression (missing closing ))');
    expect(problems[1].message).not.toContain('yyyyyyyyyy');
  });

  test('messages quote no whole input line', async () => {
    const secret = 'x'.repeat(500);
    const { problems } = await load(`resource "aws_security_group" "q" {\n  a = ${secret}(1)\n  b = "${secret}\n`);
    for (const problem of problems) expect(problem.message.length).toBeLessThan(300);
  });
});
