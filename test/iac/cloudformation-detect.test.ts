import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeCloudFormation } from '../../src/parsers/cloudformation/detect.js';

const corpus = new URL('../corpus/', import.meta.url);
const head = (path: string) => readFileSync(new URL(path, corpus), 'utf8').slice(0, 64 * 1024);
const jsonFiles = (folder: string) => readdirSync(new URL(folder, corpus)).filter((name) => name.endsWith('.json')).map((name) => `${folder}${name}`);

describe('looksLikeCloudFormation', () => {
  it('claims the repository template and the real templates of the corpus', () => {
    expect(looksLikeCloudFormation('cloudformation-sg.yaml', head('iac/cloudformation-sg.yaml'))).toBe(true);
    for (const name of readdirSync(new URL('iac/cloudformation/', corpus)).filter((file) => !file.endsWith('.md'))) {
      expect(looksLikeCloudFormation(name, head(`iac/cloudformation/${name}`)), name).toBe(true);
    }
  });

  it.each([...jsonFiles('aws/'), ...jsonFiles('azure/'), 'iac/terraform-plan.synthetic.json'])('does not claim %s', (path) => {
    expect(looksLikeCloudFormation(path, head(path))).toBe(false);
  });

  it('claims YAML and JSON with a Resources section of AWS types, without a version', () => {
    expect(looksLikeCloudFormation('stack.yml', 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n')).toBe(true);
    expect(looksLikeCloudFormation('stack.template', '{"Resources":{"Sg":{"Type":"AWS::EC2::SecurityGroup"}}}')).toBe(true);
    expect(looksLikeCloudFormation('cdk.out/App.template.json', '{\n "Resources": {\n  "Sg": {\n   "Type": "AWS::EC2::SecurityGroup"')).toBe(true);
    expect(looksLikeCloudFormation('sam.yaml', '# comment\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: "AWS::Serverless::Function"\n')).toBe(true);
  });

  it.each([
    ['an ARM template', 'azuredeploy.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Network/networkSecurityGroups"}]}'],
    ['a GitHub workflow', '.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n'],
    ['a compose file', 'docker-compose.yml', 'services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n'],
    ['a Kubernetes manifest', 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'],
    ['a Serverless Framework file', 'serverless.yml', 'service: app\nresources:\n  Resources:\n    Sg:\n      Type: AWS::EC2::SecurityGroup\n'],
    ['describe-security-groups', 'sgs.json', '{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": []}]}'],
    ['a template of another extension', 'template.txt', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n'],
    ['a JSON array', 'list.json', '[{"Resources": {"X": {"Type": "AWS::EC2::SecurityGroup"}}}]'],
  ])('does not claim %s', (_, name, text) => {
    expect(looksLikeCloudFormation(name, text)).toBe(false);
  });
});
