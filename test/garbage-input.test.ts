import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SETTINGS } from '../src/engine/rule.js';
import type { LoadContext } from '../src/inputs/input-format.js';
import { INPUT_FORMATS } from '../src/inputs/formats.js';

const context: LoadContext = {
  settings: DEFAULT_RULE_SETTINGS,
  readFile: (path) => ({ id: 'input/unreadable', file: path, message: 'no such file or directory', level: 'error' }),
};

const INFRASTRUCTURE_CODE = new Set(['terraform', 'terragrunt', 'terraform-plan', 'cloudformation', 'arm', 'bicep']);

const directory = mkdtempSync(join(tmpdir(), 'parapet-garbage-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const path = join(directory, 'input');

/** Text that looks a little like each format, so that garbage reaches deep into the parsers. */
const fragments = fc.constantFrom(
  'Status: active', 'To Action From', '22/tcp ALLOW IN Anywhere', '### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in',
  'Rule Name: x', 'Regelname: y', 'LocalPort: 3389', 'RemoteIP: Any', 'Action: Allow', '----------',
  '{"SecurityGroups": [', '{"value": [', '"IpPermissions": [{', '"sourceRanges": ["0.0.0.0/0"]', '[{"allowed": [{"IPProtocol": "all"}]', '}', ']',
  'resource "aws_security_group" "x" {', 'ingress {', 'cidr_blocks = ["0.0.0.0/0"]', 'dynamic "ingress" {', '${var.x}', 'count = 3',
  'module "sg" {', 'source = "terraform-aws-modules/security-group/aws"', 'version = "~> 5.0"', 'ingress_rules = ["ssh-tcp"]', 'ingress_with_cidr_blocks = [{ rule = "x" }]', 'ingress_cidr_ipv4 = { a = "0.0.0.0/0" }',
  'source = "Azure/network-security-group/azurerm"', 'predefined_rules = [{ name = "SSH" }]', 'custom_rules = [{ priority = 100 }]', 'source = "Azure/avm-res-network-networksecuritygroup/azurerm"', 'security_rules = { a = {} }', 'source = "terraform-google-modules/network/google//modules/firewall-rules"', 'rules = [{ name = "a", ranges = ["0.0.0.0/0"] }]', 'source = "terraform-aws-modules/alb/aws"', 'security_group_ingress_rules = { a = { from_port = 22 } }', 'terraform {', 'source = "tfr:///terraform-aws-modules/security-group/aws?version=5.1.2"', 'inputs = {', 'include "root" {', 'path = find_in_parent_folders("root.hcl")', 'dependency.vpc.outputs.vpc_id',
  'Resources:', '  Type: AWS::EC2::SecurityGroup', '    SecurityGroupIngress:', '      - CidrIp: !Ref X', '"resource_changes": [', '"[parameters(\'x\')]"', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {', '"x": {"value": "${X}"},',
  "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {", "  properties: {", "    securityRules: [for r in rules: {", "param x string = '*'", "  name: '${x}-nsg'", 'PasswordAuthentication yes', 'Match User "', 'Include /nonexistent/*.conf', 'Ciphers +aes128-cbc', '\u0000', '\r', '\uFEFF',
);
const garbage = fc.array(fc.oneof(fragments, fc.string({ maxLength: 40 })), { maxLength: 30 }).map((parts) => parts.join('\n'));

describe.each(INPUT_FORMATS.map((format) => [format.type, format] as const))('%s parser on garbage', (_, format) => {
  it('never throws, answers in one-line problems, and never judges nothing silently', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (text) => {
        writeFileSync(path, text);
        const loaded = await format.load(path, context);
        // A file refused whole (NUL bytes in a text format) is an answer too.
        const result = 'id' in loaded ? { models: [], problems: [loaded] } : loaded;
        const models = [...result.models];
        for (const problem of result.problems) {
          expect(problem.message).not.toMatch(/\n|\s+at \S+ \(/);
          expect(problem.file).toBe(path);
        }
        // Infrastructure code may declare no security group at all: then there is rightly nothing to judge.
        if (!INFRASTRUCTURE_CODE.has(format.type)) expect(models.length > 0 || result.problems.some((problem) => problem.level === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
