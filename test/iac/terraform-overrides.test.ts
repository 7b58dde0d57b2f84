import { describe, expect, test } from 'vitest';
import { at, file, load, plain } from './terraform-helpers.js';

const MAIN = `locals {
  office = "203.0.113.0/24"
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port   = 22
    cidr_blocks = [local.office]
  }
  egress {
    from_port = 443
  }
}
`;

describe('Terraform override files', () => {
  test('merge into the block they override: arguments and nested blocks of their types replaced, the rest kept', async () => {
    const { resources, problems } = await load(MAIN, {
      files: [file('web_override.tf', 'resource "aws_security_group" "web" {\n  name = "web-dev"\n  dynamic "ingress" {\n    for_each = [3389]\n    content {\n      from_port = ingress.value\n    }\n  }\n}\n')],
    });
    expect(problems).toEqual([]);
    expect(resources.map((resource) => [resource.address, resource.file, resource.line, plain(resource.body)])).toEqual([
      ['aws_security_group.web', 'main.tf', 5, { name: 'web-dev', ingress: { from_port: 3389 }, egress: { from_port: 443 } }],
    ]);
    // What the override brings is placed at the block it overrides, in that block's file.
    expect(at(resources[0].body, 'ingress', 'from_port')!.line).toBe(5);
  });

  test('replace a local by name, in HCL or JSON, applied in the order of their names', async () => {
    const { resources, problems } = await load(MAIN, {
      files: [file('override.tf.json', '{"locals": {"office": "0.0.0.0/0"}}'), file('a_override.tf', 'locals {\n  office = "198.51.100.0/24"\n}\n')],
    });
    expect(problems).toEqual([]);
    expect(plain(at(resources[0].body, 'ingress', 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
  });

  test('without a base block are a problem, as Terraform rejects them, and are not judged', async () => {
    const { resources, problems } = await load(MAIN, { files: [file('override.tf', 'terraform {\n}\nresource "aws_security_group" "other" {\n  name = "x"\n}\n')] });
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group.web']);
    expect(problems.map((problem) => [problem.id, problem.file, problem.line, problem.message.split(':')[0]])).toEqual([
      ['iac/syntax', 'override.tf', 3, 'resource.aws_security_group.other in an override file overrides nothing'],
    ]);
  });

  test('are not a second declaration of what they override', async () => {
    const { problems } = await load(MAIN, { files: [file('override.tf', 'resource "aws_security_group" "web" {\n  name = "again"\n}\n')] });
    expect(problems).toEqual([]);
  });
});
