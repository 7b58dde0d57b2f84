import { describe, expect, test } from 'vitest';
import { looksLikeTerraform } from '../../src/parsers/iac/detect-terraform.js';
import { file, load, plain } from './terraform-helpers.js';

const group = (name: string, port: number) => `resource "aws_security_group" "${name}" {\n  ingress {\n    from_port = ${port}\n  }\n}\n`;

describe("OpenTofu's files", () => {
  test('*.tofu and *.tofu.json are module files, as *.tf and *.tf.json are', () => {
    expect(['main.tofu', 'main.tofu.json', 'main.tf', 'main.tf.json'].every(looksLikeTerraform)).toBe(true);
    expect(['main.tofu.bak', 'tofu', 'main.json'].some(looksLikeTerraform)).toBe(false);
  });

  test('x.tofu replaces x.tf (and x.tofu.json x.tf.json) in a module, as OpenTofu reads it; the file replaced is a warning', async () => {
    const { resources, problems } = await load(group('web', 443), {
      files: [file('main.tofu', group('web', 22)), file('net.tf.json', '{}'), file('net.tofu.json', '{"resource": {"aws_security_group": {"rdp": {}}}}'), file('extra.tofu', group('extra', 80))],
    });
    expect(resources.map((resource) => [resource.address, resource.file])).toEqual([
      ['aws_security_group.web', 'main.tofu'],
      ['aws_security_group.rdp', 'net.tofu.json'],
      ['aws_security_group.extra', 'extra.tofu'],
    ]);
    expect(problems.map((problem) => [problem.id, problem.level, problem.file, problem.message.split(' — ')[0]])).toEqual([
      ['iac/unsupported', 'warning', 'main.tf', "not judged: 'main.tofu' replaces it in this module, as OpenTofu reads it (Terraform reads this file and no .tofu file)"],
      ['iac/unsupported', 'warning', 'net.tf.json', "not judged: 'net.tofu.json' replaces it in this module, as OpenTofu reads it (Terraform reads this file and no .tofu file)"],
    ]);
  });

  test('override.tofu merges as override.tf does', async () => {
    const { resources, problems } = await load(group('web', 443), { files: [file('web_override.tofu', group('web', 22))] });
    expect(problems).toEqual([]);
    expect(resources.map((resource) => [resource.address, resource.file, plain(resource.body)])).toEqual([['aws_security_group.web', 'main.tf', { ingress: { from_port: 22 } }]]);
  });
});
