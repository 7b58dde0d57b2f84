import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load, resource, valueAt } from './cloudformation-helpers.js';

const repositoryTemplate = readFileSync(new URL('../corpus/iac/cloudformation-sg.yaml', import.meta.url), 'utf8');

describe('CloudFormation security groups and rules', () => {
  it('outputs the groups and rule resources with their lines (YAML)', () => {
    const result = load(repositoryTemplate);
    expect(result.problems).toEqual([]);
    expect(result.resources.map((r) => [r.type, r.address, r.line])).toEqual([
      ['AWS::EC2::SecurityGroup', 'WebSG', 3],
      ['AWS::EC2::SecurityGroup', 'LbSG', 22],
      ['AWS::EC2::SecurityGroupIngress', 'RdpIngress', 26],
    ]);
    const web = resource(result, 'WebSG');
    expect(web.file).toBe('template.yaml');
    expect(valueAt(web, 'SecurityGroupIngress', 0)?.line).toBe(9);
    expect(valueAt(web, 'SecurityGroupIngress', 1)?.line).toBe(13);
    expect(valueAt(web, 'SecurityGroupIngress', 2)?.line).toBe(17);
    expect(valueAt(web, 'SecurityGroupIngress', 0, 'FromPort')).toEqual({ kind: 'scalar', value: 22, line: 10 });
    expect(valueAt(web, 'SecurityGroupIngress', 1, 'CidrIpv6')).toEqual({ kind: 'scalar', value: '::/0', line: 16 });
    expect(valueAt(web, 'SecurityGroupIngress', 2, 'IpProtocol')).toEqual({ kind: 'scalar', value: '-1', line: 17 });
    expect(valueAt(web, 'SecurityGroupIngress', 2, 'SourceSecurityGroupId')).toEqual({ kind: 'unknown', line: 18, dependsOn: ['!Ref LbSG'], resource: 'LbSG' });
    expect(valueAt(web, 'SecurityGroupEgress', 0)?.line).toBe(20);
    const rdp = resource(result, 'RdpIngress');
    expect(valueAt(rdp, 'GroupId')).toEqual({ kind: 'unknown', line: 29, dependsOn: ['!GetAtt WebSG.GroupId'], resource: 'WebSG' });
    expect(valueAt(rdp, 'FromPort')).toEqual({ kind: 'scalar', value: 3389, line: 31 });
  });

  it('outputs the same from a JSON template, with its lines', () => {
    const text = `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "AppSG": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": "app",
        "SecurityGroupIngress": [
          {
            "IpProtocol": "tcp", "FromPort": "22", "ToPort": "22",
            "CidrIp": "0.0.0.0/0"
          },
          { "IpProtocol": "-1", "CidrIpv6": "::/0" }
        ]
      }
    },
    "Egress": {
      "Type": "AWS::EC2::SecurityGroupEgress",
      "Properties": { "GroupId": { "Ref": "AppSG" }, "IpProtocol": "-1", "DestinationPrefixListId": "pl-1" }
    },
    "Bucket": { "Type": "AWS::S3::Bucket" }
  }
}`;
    const result = load(text, {}, 'template.json');
    expect(result.problems).toEqual([]);
    expect(result.resources.map((r) => [r.address, r.line])).toEqual([['AppSG', 4], ['Egress', 17]]);
    const app = resource(result, 'AppSG');
    expect(valueAt(app, 'SecurityGroupIngress')?.line).toBe(8);
    expect(valueAt(app, 'SecurityGroupIngress', 0)?.line).toBe(9);
    expect(valueAt(app, 'SecurityGroupIngress', 0, 'FromPort')).toEqual({ kind: 'scalar', value: '22', line: 10 });
    expect(valueAt(app, 'SecurityGroupIngress', 0, 'CidrIp')).toEqual({ kind: 'scalar', value: '0.0.0.0/0', line: 11 });
    expect(valueAt(app, 'SecurityGroupIngress', 1)?.line).toBe(13);
    expect(valueAt(resource(result, 'Egress'), 'GroupId')).toEqual({ kind: 'unknown', line: 19, dependsOn: ['!Ref AppSG'], resource: 'AppSG' });
  });

  it('reads JSON indented with tabs', () => {
    const result = load('{\n\t"Resources": {\n\t\t"Sg": {\n\t\t\t"Type": "AWS::EC2::SecurityGroup",\n\t\t\t"Properties": {"GroupName": "x"}\n\t\t}\n\t}\n}\n', {}, 't.json');
    expect(result.problems).toEqual([]);
    expect(result.resources).toMatchObject([{ address: 'Sg', line: 3, body: { fields: new Map([['GroupName', { kind: 'scalar', value: 'x', line: 5 }]]) } }]);
  });

  it('gives a group without Properties an empty body at its line', () => {
    const result = load('Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n');
    expect(result.resources).toEqual([{ type: 'AWS::EC2::SecurityGroup', address: 'Sg', file: 'template.yaml', line: 2, body: { kind: 'object', fields: new Map(), line: 2 } }]);
  });

  it('leaves out a resource whose Condition is false, keeps it when true or unknown', () => {
    const text = `Parameters:
  Env: {Type: String, Default: dev}
  Open: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [!Ref Env, dev]
  IsOpen: !Equals [!Ref Open, "true"]
Resources:
  ProdSg: {Type: AWS::EC2::SecurityGroup, Condition: IsProd}
  DevSg: {Type: AWS::EC2::SecurityGroup, Condition: IsDev}
  MaybeSg: {Type: AWS::EC2::SecurityGroup, Condition: IsOpen}
`;
    expect(load(text).resources.map((r) => r.address)).toEqual(['DevSg', 'MaybeSg']);
    expect(load(text, { Env: 'prod', Open: 'false' }).resources.map((r) => r.address)).toEqual(['ProdSg']);
  });

  it('reports a condition that refers to itself, once', () => {
    const result = load('Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  Sg: {Type: AWS::EC2::SecurityGroup, Condition: A}\n');
    expect(result.resources.map((r) => r.address)).toEqual(['Sg']);
    expect(result.problems).toMatchObject([{ id: 'iac/invalid-resource', line: 2 }]);
  });

  it('copies anchors and merge keys, the copy at the alias line', () => {
    const text = `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress:
        - &ssh {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8}
        - *ssh
        - <<: *ssh
          CidrIp: 0.0.0.0/0
`;
    const result = load(text);
    expect(result.problems).toEqual([]);
    const sg = resource(result, 'Sg');
    expect(valueAt(sg, 'SecurityGroupIngress', 1)).toMatchObject({ kind: 'object', line: 7 });
    expect(valueAt(sg, 'SecurityGroupIngress', 1, 'FromPort')).toEqual({ kind: 'scalar', value: 22, line: 6 });
    expect(valueAt(sg, 'SecurityGroupIngress', 2, 'CidrIp')).toEqual({ kind: 'scalar', value: '0.0.0.0/0', line: 9 });
    expect(valueAt(sg, 'SecurityGroupIngress', 2, 'ToPort')).toEqual({ kind: 'scalar', value: 22, line: 6 });
  });

  it('warns of a macro transform, not of SAM', () => {
    expect(load('Transform: AWS::Serverless-2016-10-31\nResources:\n  Sg: {Type: AWS::EC2::SecurityGroup}\n').problems).toEqual([]);
    const result = load('Transform: [AWS::Serverless-2016-10-31, MyMacro]\nResources:\n  Sg: {Type: AWS::EC2::SecurityGroup}\n');
    expect(result.problems).toMatchObject([{ id: 'iac/unsupported', level: 'warning', line: 1 }]);
    expect(result.problems[0].message).toContain("'MyMacro'");
  });

  it('reads a text of a thousand YAML errors to its first, and leaves the stacks of errors as they were', () => {
    const limit = Error.stackTraceLimit;
    const result = load('{"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup"}}}\r'.repeat(1000));
    expect(result.problems.map((problem) => [problem.id, problem.line, problem.message.split(':')[0]])).toEqual([['iac/syntax', 1, 'the YAML is not well formed']]);
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it('warns of a nested stack whose template is fetched, not of one packaged from a local path', () => {
    const result = load(`Resources:
  Network:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: 'https://s3.amazonaws.com/bucket/network.yaml'}
  Repo:
    Type: AWS::Serverless::Application
    Properties: {Location: {ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/app', SemanticVersion: 1.0.0}}
  Computed:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: !Sub 'https://\${Bucket}.s3.amazonaws.com/net.yaml'}
  Packaged:
    Type: AWS::CloudFormation::Stack
    Properties: {TemplateURL: ./network.yaml}
`);
    expect(result.problems.map((problem) => [problem.id, problem.level, problem.line, problem.message.split(', which')[0]])).toEqual([
      ['iac/unsupported', 'warning', 2, "the nested stack 'Network' comes from 'https://s3.amazonaws.com/bucket/network.yaml'"],
      ['iac/unsupported', 'warning', 5, "the nested stack 'Repo' comes from the Serverless Application Repository"],
      ['iac/unsupported', 'warning', 8, "the nested stack 'Computed' comes from a location the template computes"],
    ]);
  });

  describe('Fn::ForEach loops (AWS::LanguageExtensions) are written out as CloudFormation writes them', () => {
    const transform = 'Transform: AWS::LanguageExtensions\n';

    it('each item makes the fragment once: ${Identifier} and &{Identifier} (letters and digits) in keys and texts, Ref Identifier as the value', () => {
      const result = load(`${transform}Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
  Fn::ForEach::Sources:
    - Cidr
    - [10.0.0.0/8, 0.0.0.0/0]
    - Ssh&{Cidr}:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: !Ref Sg
          IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref Cidr
          Description: !Sub 'SSH from \${Cidr} to \${Sg}'
`);
      expect(result.problems).toEqual([]);
      expect(result.resources.map((r) => [r.address, r.line])).toEqual([['Sg', 3], ['Ssh100008', 8], ['Ssh00000', 8]]);
      expect(valueAt(resource(result, 'Ssh00000'), 'CidrIp')).toEqual({ kind: 'scalar', value: '0.0.0.0/0', line: 15 });
      expect(valueAt(resource(result, 'Ssh100008'), 'Description')).toMatchObject({ kind: 'unknown', dependsOn: ['!Ref Sg'] });
      expect(valueAt(resource(result, 'Ssh100008'), 'GroupId')).toMatchObject({ kind: 'unknown', resource: 'Sg' });
    });

    it('reads the collection from a CommaDelimitedList parameter (its Default, or --parameter), nests loops, and loops inside properties', () => {
      const template = `${transform}Parameters:
  Ports: {Type: CommaDelimitedList, Default: "22,3389"}
Resources:
  Fn::ForEach::Groups:
    - Team
    - [ops, web]
    - Fn::ForEach::Ports:
        - Port
        - !Ref Ports
        - \${Team}Port\${Port}:
            Type: AWS::EC2::SecurityGroupIngress
            Properties:
              GroupId: sg-12345678
              IpProtocol: tcp
              FromPort: !Ref Port
              ToPort: !Ref Port
              CidrIp: 0.0.0.0/0
              Fn::ForEach::Tags:
                - Key
                - [Team]
                - Tag\${Key}: \${Team}
`;
      const result = load(template);
      expect(result.problems).toEqual([]);
      expect(result.resources.map((r) => r.address)).toEqual(['opsPort22', 'opsPort3389', 'webPort22', 'webPort3389']);
      expect(valueAt(resource(result, 'webPort3389'), 'FromPort')).toEqual({ kind: 'scalar', value: '3389', line: 16 });
      expect(valueAt(resource(result, 'webPort3389'), 'TagTeam')).toEqual({ kind: 'scalar', value: 'web', line: 22 });
      expect(load(template, { Ports: '443' }).resources.map((r) => r.address)).toEqual(['opsPort443', 'webPort443']);
    });

    it('a collection not known from the template makes the fragment once, its values unknown and depending on the collection, with a warning', () => {
      const result = load(`${transform}Parameters:
  Sources: {Type: CommaDelimitedList}
Resources:
  Fn::ForEach::Rules:
    - Cidr
    - !Ref Sources
    - Ssh&{Cidr}:
        Type: AWS::EC2::SecurityGroupIngress
        Properties:
          GroupId: sg-12345678
          IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref Cidr
          Description: SSH from \${Cidr}
`);
      expect(result.resources.map((r) => r.address)).toEqual(['Ssh*']);
      expect(valueAt(resource(result, 'Ssh*'), 'CidrIp')).toMatchObject({ kind: 'unknown', dependsOn: ['parameter Sources'] });
      expect(valueAt(resource(result, 'Ssh*'), 'Description')).toMatchObject({ kind: 'unknown', dependsOn: ['parameter Sources'] });
      expect(result.problems).toMatchObject([{ id: 'iac/unsupported', level: 'warning', line: 5 }]);
    });

    it('a loop CloudFormation rejects is an error, and what it makes is not judged: a malformed loop, loops nested over 5 deep, keys made twice', () => {
      const malformed = load(`${transform}Resources:\n  Fn::ForEach::Bad: [Name, [A]]\n`);
      expect(malformed.problems).toMatchObject([{ id: 'iac/invalid-resource', level: 'error', line: 3 }]);
      let fragment: Record<string, unknown> = { 'Sg${L5}${L4}${L3}${L2}${L1}${L0}': { Type: 'AWS::EC2::SecurityGroup' } };
      for (let level = 5; level >= 0; level--) fragment = { [`Fn::ForEach::L${level}`]: [`L${level}`, ['a'], fragment] };
      const nested = load(JSON.stringify({ Transform: 'AWS::LanguageExtensions', Resources: fragment }), {}, 'template.json');
      expect(nested.resources).toEqual([]);
      expect(nested.problems).toMatchObject([{ id: 'iac/invalid-resource', message: expect.stringContaining('nested more than 5 deep') }]);
      const twice = load(`${transform}Resources:\n  Fn::ForEach::Twice:\n    - Name\n    - [a, a]\n    - Sg\${Name}: {Type: AWS::EC2::SecurityGroup}\n`);
      expect(twice.resources.map((r) => r.address)).toEqual(['Sga']);
      expect(twice.problems).toMatchObject([{ id: 'iac/invalid-resource', message: expect.stringContaining("makes the key 'Sga' again") }]);
    });

    it('a loop of a million items stops at 10,000 entries, with an error', () => {
      const items = Array.from({ length: 1000 }, (_, index) => `i${index}`).join(', ');
      const result = load(`${transform}Resources:\n  Fn::ForEach::A:\n    - X\n    - [${items}]\n    - Fn::ForEach::B:\n        - Y\n        - [${items}]\n        - Sg\${X}\${Y}: {Type: AWS::EC2::SecurityGroup}\n`);
      expect(result.resources.length).toBeLessThanOrEqual(10_100);
      expect(result.problems).toMatchObject([{ id: 'iac/invalid-resource', message: expect.stringContaining('more than 10000 entries') }]);
    });
  });

  it('reports a resource without a Type, and Properties that are not a mapping', () => {
    const result = load('Resources:\n  Broken: {Properties: {}}\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: [a]\n');
    expect(result.resources).toEqual([]);
    expect(result.problems).toMatchObject([{ id: 'iac/invalid-resource', line: 2 }, { id: 'iac/invalid-resource', line: 5 }]);
  });

  it('reads the template that aws cloudformation get-template wraps in TemplateBody', () => {
    const result = load('{"TemplateBody": {"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup"}}}, "StagesAvailable": ["Original"]}', {}, 'get-template.json');
    expect(result.problems).toEqual([]);
    expect(result.resources.map((r) => r.address)).toEqual(['Sg']);
  });

  it('cuts what a value depends on to a short text', () => {
    const name = `P${'x'.repeat(900)}`;
    const result = load(`Parameters:\n  ${name}: {Type: String}\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupName: !Ref ${name}\n`);
    const dependsOn = (result.resources[0].body.fields.get('GroupName') as { dependsOn: string[] }).dependsOn;
    expect(dependsOn).toHaveLength(1);
    expect(dependsOn[0].length).toBeLessThanOrEqual(120);
  });

  it('refuses what is not a template', () => {
    for (const text of ['just a string\n', 'a: 1\n', '[1, 2]\n', 'Resources: [1]\n']) {
      expect(load(text)).toMatchObject({ resources: [], problems: [{ id: 'iac/syntax', level: 'error' }] });
    }
  });
});
