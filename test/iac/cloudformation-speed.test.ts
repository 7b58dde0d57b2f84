import { expect, it } from 'vitest';
import { load } from './cloudformation-helpers.js';

it('reads a 1 MB template of 2,000 security groups in well under a few seconds', () => {
  let text = 'Parameters:\n  Cidr: {Type: String, Default: 10.0.0.0/8}\nResources:\n';
  for (let index = 0; index < 2000; index++) {
    text += `  Sg${index}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Sub "group \${AWS::StackName} ${index}"\n      SecurityGroupIngress:\n`;
    for (let rule = 0; rule < 5; rule++) text += `        - {IpProtocol: tcp, FromPort: ${rule}, ToPort: ${rule}, CidrIp: !Ref Cidr}\n`;
  }
  const started = Date.now();
  const result = load(text);
  const elapsed = Date.now() - started;
  expect(result.problems).toEqual([]);
  expect(result.resources).toHaveLength(2000);
  expect(elapsed).toBeLessThan(5000);
});
