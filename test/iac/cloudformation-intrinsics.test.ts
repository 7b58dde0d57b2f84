import { describe, expect, it } from 'vitest';
import { cidrOf, load, withCidr } from './cloudformation-helpers.js';

const PARAMETERS = `Parameters:
  Cidr:
    Type: String
    Default: 10.0.0.0/8
  Open:
    Type: String
  Cidrs:
    Type: CommaDelimitedList
    Default: "10.0.0.0/8, 0.0.0.0/0"
  Env:
    Type: String
    Default: prod
  FromSsm:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /network/cidr
Mappings:
  Net:
    prod:
      Cidr: 0.0.0.0/0
    dev:
      Cidr: 10.1.0.0/16
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsOpen: !Equals [!Ref Open, yes]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Condition IsOpen]
  Either: !Or [!Condition IsProd, !Condition IsOpen]
  NumberEquals: !Equals [22, "22"]
Other: x
`;

const evaluated = (expression: string, parameters: Record<string, string> = {}) => {
  const result = load(withCidr(expression, PARAMETERS) + '  Peer:\n    Type: AWS::EC2::SecurityGroup\n', parameters);
  return { value: cidrOf(result), problems: result.problems };
};

describe('CloudFormation intrinsic functions (YAML short forms)', () => {
  it.each([
    ['!Ref Cidr', '10.0.0.0/8'],
    ['!Sub "${Cidr}"', '10.0.0.0/8'],
    ['!Sub "10.${!Literal}.0.0/16"', '10.${Literal}.0.0/16'],
    ['!Sub ["${Net}.0.0/16", {Net: "10.2"}]', '10.2.0.0/16'],
    ['!Join ["/", ["10.0.0.0", "24"]]', '10.0.0.0/24'],
    ['!Join ["", !Split [",", "a,b"]]', 'ab'],
    ['!Select [1, !Ref Cidrs]', '0.0.0.0/0'],
    ['!Select [0, !Split ["|", "1.2.3.0/24|x"]]', '1.2.3.0/24'],
    ['!FindInMap [Net, !Ref Env, Cidr]', '0.0.0.0/0'],
    ['!If [IsProd, 0.0.0.0/0, 10.0.0.0/8]', '0.0.0.0/0'],
    ['!If [NotProd, 0.0.0.0/0, 10.0.0.0/8]', '10.0.0.0/8'],
    ['!If [Either, 0.0.0.0/0, 10.0.0.0/8]', '0.0.0.0/0'],
    ['!If [NumberEquals, 0.0.0.0/0, 10.0.0.0/8]', '0.0.0.0/0'],
    ['!If [IsOpen, 10.0.0.0/8, 10.0.0.0/8]', '10.0.0.0/8'],
    ['!Select [2, !Cidr ["10.0.0.0/16", 4, 8]]', '10.0.2.0/24'],
    ['!Select [1, !Cidr ["2001:db8::/56", 2, 64]]', '2001:db8:0:1::/64'],
    ['!Base64 abc', 'YWJj'],
  ])('%s is %s', (expression, expected) => {
    const { value, problems } = evaluated(expression);
    expect(problems).toEqual([]);
    expect(value).toEqual({ kind: 'scalar', value: expected, line: 29 + 10 });
  });

  it.each([
    ['!Ref Open', ['parameter Open'], undefined],
    ['!Ref FromSsm', ['parameter FromSsm (read from SSM)'], undefined],
    ['!Ref AWS::Region', ['AWS::Region'], undefined],
    ['!Ref Peer', ['!Ref Peer'], 'Peer'],
    ['!GetAtt Peer.GroupId', ['!GetAtt Peer.GroupId'], 'Peer'],
    ['!GetAtt [Peer, GroupId]', ['!GetAtt Peer.GroupId'], 'Peer'],
    ['!Sub "${Peer.GroupId}"', ['!GetAtt Peer.GroupId'], 'Peer'],
    ['!Sub "${Open}/32"', ['parameter Open'], undefined],
    ['!Sub "${AWS::Region}-${Open}"', ['AWS::Region', 'parameter Open'], undefined],
    ['!ImportValue SharedCidr', ['!ImportValue SharedCidr'], undefined],
    ['!ImportValue {"Fn::Sub": "${Open}-cidr"}', ['!ImportValue ${Open}-cidr', 'parameter Open'], undefined],
    ['!If [IsOpen, 0.0.0.0/0, 10.0.0.0/8]', ['condition IsOpen', 'parameter Open'], undefined],
    ['!If [Both, 0.0.0.0/0, 10.0.0.0/8]', ['condition Both', 'condition IsOpen', 'parameter Open'], undefined],
    ['!FindInMap [Net, !Ref Open, Cidr]', ['mapping Net', 'parameter Open'], undefined],
    ['!Select [0, !GetAZs ""]', ['!GetAZs AWS::Region'], undefined],
    ['!Join ["/", [!Ref Open, "32"]]', ['parameter Open'], undefined],
    ['!Select [0, !Split [",", !ImportValue Cidrs]]', ['!ImportValue Cidrs'], undefined],
  ])('%s is unknown, depending on %j', (expression, dependsOn, resource) => {
    const { value, problems } = evaluated(expression);
    expect(problems).toEqual([]);
    expect(value).toEqual(resource === undefined ? { kind: 'unknown', line: 39, dependsOn } : { kind: 'unknown', line: 39, dependsOn, resource });
  });

  it('resolves parameters from --parameter first, then Default, else unknown', () => {
    expect(evaluated('!Ref Cidr', { Cidr: '0.0.0.0/0' }).value).toMatchObject({ kind: 'scalar', value: '0.0.0.0/0' });
    expect(evaluated('!Ref Open', { Open: '1.2.3.4/32' }).value).toMatchObject({ kind: 'scalar', value: '1.2.3.4/32' });
    expect(evaluated('!If [IsOpen, 0.0.0.0/0, 10.0.0.0/8]', { Open: 'yes' }).value).toMatchObject({ kind: 'scalar', value: '0.0.0.0/0' });
    expect(evaluated('!Select [0, !Ref Cidrs]', { Cidrs: ' 1.1.1.1/32 ,2.2.2.2/32' }).value).toMatchObject({ kind: 'scalar', value: '1.1.1.1/32' });
    expect(evaluated('!Ref Env', { Env: 'dev' }).value).toMatchObject({ value: 'dev' });
    expect(evaluated('!FindInMap [Net, !Ref Env, Cidr]', { Env: 'dev' }).value).toMatchObject({ value: '10.1.0.0/16' });
    // An SSM parameter's value is the SSM name, whoever gives it.
    expect(evaluated('!Ref FromSsm', { FromSsm: '/other' }).value).toMatchObject({ kind: 'unknown' });
  });

  it('keeps a partly unknown list a list, with the unknown item unknown', () => {
    const result = load(`Parameters:\n  Open: {Type: String}\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      Tags:\n        - !Ref Open\n        - fixed\n`);
    const tags = result.resources[0].body.fields.get('Tags');
    expect(tags).toEqual({ kind: 'list', line: 8, items: [{ kind: 'unknown', line: 8, dependsOn: ['parameter Open'] }, { kind: 'scalar', value: 'fixed', line: 9 }] });
  });

  it('removes what AWS::NoValue stands for: a property, a list item, an If branch', () => {
    const result = load(`Conditions:\n  No: !Equals [a, b]\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupName: !Ref AWS::NoValue\n      VpcId: !If [No, vpc-1, !Ref AWS::NoValue]\n      SecurityGroupIngress:\n        - !If [No, {IpProtocol: tcp}, !Ref "AWS::NoValue"]\n        - IpProtocol: udp\n`);
    const body = result.resources[0].body;
    expect([...body.fields.keys()]).toEqual(['SecurityGroupIngress']);
    expect(body.fields.get('SecurityGroupIngress')).toMatchObject({ kind: 'list', items: [{ kind: 'object', line: 11 }] });
    expect(result.problems).toEqual([]);
  });

  it('reports Fn::Transform and unknown functions as unsupported, with the value unknown', () => {
    const { value, problems } = evaluated('{"Fn::Transform": {Name: "AWS::Include", Parameters: {Location: s3://x}}}');
    expect(value).toEqual({ kind: 'unknown', line: 39, dependsOn: ['Fn::Transform'] });
    expect(problems).toMatchObject([{ id: 'iac/unsupported', level: 'warning', line: 39 }]);
    expect(evaluated('!Length [a, b]').problems).toMatchObject([{ id: 'iac/unsupported', line: 39 }]);
  });

  it.each([
    ['!Ref Missing', 'Missing'],
    ['!GetAtt Missing.GroupId', 'Missing'],
    ['!FindInMap [Nope, a, b]', 'Nope'],
    ['!FindInMap [Net, staging, Cidr]', 'staging.Cidr'],
    ['!If [Undeclared, a, b]', 'Undeclared'],
    ['!Select [5, [a, b]]', 'Fn::Select'],
    ['!Join [",", a]', 'Fn::Join'],
    ['!Sub [1, 2, 3]', 'Fn::Sub'],
    ['!Cidr ["10.0.0.0/16", 4, 20]', 'Fn::Cidr'],
  ])('%s is an invalid value, judged as unknown', (expression, named) => {
    const { value, problems } = evaluated(expression);
    expect(value?.kind).toBe('unknown');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'iac/invalid-resource', level: 'error', line: 39 });
    expect(problems[0].message).toContain(named);
  });
});

describe('CloudFormation intrinsic functions (JSON long forms)', () => {
  const json = (expression: string, parameters: Record<string, string> = {}) => {
    const text = `{
  "Parameters": {"Cidr": {"Type": "String", "Default": "10.0.0.0/8"}, "Open": {"Type": "String"}},
  "Conditions": {"IsOpen": {"Fn::Equals": [{"Ref": "Open"}, "yes"]}},
  "Resources": {
    "Peer": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "peer"}},
    "Sg": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "SecurityGroupIngress": [
          {"IpProtocol": "tcp", "FromPort": "22", "ToPort": "22",
           "CidrIp": ${expression}}
        ]
      }
    }
  }
}`;
    const result = load(text, parameters, 'template.json');
    return { value: cidrOf(result), problems: result.problems };
  };

  it.each([
    ['{"Ref": "Cidr"}', { kind: 'scalar', value: '10.0.0.0/8', line: 11 }],
    ['{"Fn::Sub": "${Cidr}"}', { kind: 'scalar', value: '10.0.0.0/8', line: 11 }],
    ['{"Fn::Join": ["", ["0.0.0.0", "/0"]]}', { kind: 'scalar', value: '0.0.0.0/0', line: 11 }],
    ['{"Fn::Select": ["0", {"Fn::Split": [",", "1.1.1.1/32,x"]}]}', { kind: 'scalar', value: '1.1.1.1/32', line: 11 }],
    ['{"Fn::If": ["IsOpen", "0.0.0.0/0", "10.0.0.0/8"]}', { kind: 'unknown', line: 11, dependsOn: ['condition IsOpen', 'parameter Open'] }],
    ['{"Fn::GetAtt": ["Peer", "GroupId"]}', { kind: 'unknown', line: 11, dependsOn: ['!GetAtt Peer.GroupId'], resource: 'Peer' }],
    ['{"Fn::ImportValue": "Shared"}', { kind: 'unknown', line: 11, dependsOn: ['!ImportValue Shared'] }],
  ])('%s', (expression, expected) => {
    const { value, problems } = json(expression);
    expect(problems).toEqual([]);
    expect(value).toEqual(expected);
  });

  it('picks the If branch of a condition known from --parameter', () => {
    expect(json('{"Fn::If": ["IsOpen", "0.0.0.0/0", "10.0.0.0/8"]}', { Open: 'yes' }).value).toEqual({ kind: 'scalar', value: '0.0.0.0/0', line: 11 });
  });

  it('keeps numbers written as strings as written', () => {
    const result = json('"1.2.3.4/32"');
    const item = result.value;
    expect(item).toEqual({ kind: 'scalar', value: '1.2.3.4/32', line: 11 });
  });
});
