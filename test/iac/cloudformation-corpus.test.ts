import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load, resource, valueAt } from './cloudformation-helpers.js';

const folder = new URL('../corpus/iac/cloudformation/', import.meta.url);
const templates = readdirSync(folder).filter((name) => !name.endsWith('.md'));
const read = (name: string) => load(readFileSync(new URL(name, folder), 'utf8'), {}, name);

describe('real CloudFormation templates', () => {
  it('has at least four', () => {
    expect(templates.length).toBeGreaterThanOrEqual(4);
  });

  it.each(templates)('%s loads with no problem and at least one security group', (name) => {
    const result = read(name);
    expect(result.problems).toEqual([]);
    expect(result.resources.length).toBeGreaterThan(0);
  });

  it('resolves the SSH source of the sample from its Default, in YAML and JSON alike', () => {
    for (const [name, line] of [['ec2-instance-with-security-group.yaml', 103], ['ec2-instance-with-security-group.json', 123]] as const) {
      const group = resource(read(name), 'InstanceSecurityGroup');
      expect(valueAt(group, 'SecurityGroupIngress', 0, 'CidrIp')).toMatchObject({ kind: 'scalar', value: '192.168.1.0/0' });
      expect(valueAt(group, 'SecurityGroupIngress', 0, 'CidrIp')?.line).toBe(line);
    }
  });

  it('reads the load balancer source of the locked-down sample as unknown, tied to the balancer', () => {
    const group = resource(read('elb-with-locked-down-instances.yaml'), 'InstanceSecurityGroup');
    expect(valueAt(group, 'SecurityGroupIngress', 0, 'SourceSecurityGroupName')).toMatchObject({ kind: 'unknown', resource: 'ElasticLoadBalancer', dependsOn: ['!GetAtt ElasticLoadBalancer.SourceSecurityGroup.GroupName'] });
    expect(valueAt(group, 'SecurityGroupIngress', 1, 'CidrIp')).toMatchObject({ kind: 'scalar', value: '0.0.0.0/0' });
  });
});
