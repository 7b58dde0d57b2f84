import { describe, expect, it } from 'vitest';
import { iacNetworkAssets } from '../../src/parsers/iac/assets.js';
import type { IacObject, IacResource, IacValue } from '../../src/parsers/iac/value.js';
import { openings, worldPart } from '../../src/network/openings.js';
import type { NetworkAsset } from '../../src/network/model.js';

/** Values written on consecutive lines from `line`: enough to tell which line a rule was put on. */
type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain } | Unknown;
interface Unknown {
  unknown: string[];
  resource?: string;
  line?: number;
}
const unknownOf = (dependsOn: string[], options: { resource?: string; line?: number } = {}): Unknown => ({ unknown: dependsOn, ...options });

function valueOf(plain: Plain, line: number): IacValue {
  if (plain !== null && typeof plain === 'object' && 'unknown' in plain && Array.isArray(plain.unknown)) {
    const { unknown: dependsOn, resource, line: at } = plain as Unknown;
    return { kind: 'unknown', line: at ?? line, dependsOn, ...(resource ? { resource } : {}) };
  }
  if (Array.isArray(plain)) return { kind: 'list', items: plain.map((item, index) => valueOf(item, line + index)), line };
  if (plain !== null && typeof plain === 'object') return objectOf(plain as Record<string, Plain>, line);
  return { kind: 'scalar', value: plain, line };
}

function objectOf(plain: Record<string, Plain>, line: number): IacObject {
  return { kind: 'object', fields: new Map(Object.entries(plain).map(([key, value], index) => [key, valueOf(value, line + index)])), line };
}

function resource(type: string, address: string, line: number, body: Record<string, Plain>): IacResource {
  return { type, address, file: 'main.tf', line, body: objectOf(body, line + 1) };
}

const ssh = (asset: NetworkAsset) => openings(asset, 'inbound', [{ protocol: 'tcp', port: 22 }], worldPart);

describe('infrastructure code as network assets', () => {
  it('takes an unknown source as the whole address family, at the line of the unknown, and says what it depends on', () => {
    const { assets, problems } = iacNetworkAssets(
      [resource('aws_security_group', 'aws_security_group.admin', 10, { name: 'admin', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: unknownOf(['var.admin_cidrs'], { line: 17 }) }] })],
      'infra',
    );
    const [opening] = ssh(assets[0]);
    expect(opening.location).toEqual({ file: 'main.tf', line: 17 });
    expect(opening.decidedBy.kind === 'rule' && opening.decidedBy.rule.dependsOn).toEqual(['var.admin_cidrs']);
    expect(assets[0].asset).toMatchObject({ kind: 'aws-security-group', id: 'aws_security_group.admin', name: 'admin', within: 'infra' });
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/unresolved', level: 'warning', line: 17, file: 'main.tf' })]);
    expect(problems[0].message).toContain('`var.admin_cidrs`');
  });

  it('never lets an unknown security group source reach the internet', () => {
    const { assets } = iacNetworkAssets(
      [resource('aws_security_group', 'aws_security_group.db', 1, { ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', security_groups: [unknownOf(['var.app_group'])] }] })],
      'infra',
    );
    expect(openings(assets[0], 'inbound', [{ protocol: 'tcp', port: 5432 }], worldPart)).toEqual([]);
  });

  it('attaches a rule resource to the group its reference reads, to every instance of a counted group, and keeps the others apart', () => {
    const rule = (address: string, reference: Plain) =>
      resource('aws_security_group_rule', address, 30, { type: 'ingress', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], security_group_id: reference });
    const { assets } = iacNetworkAssets(
      [
        resource('aws_security_group', 'aws_security_group.app', 1, { name: 'app' }),
        resource('aws_security_group', 'aws_security_group.web[0]', 5, {}),
        resource('aws_security_group', 'aws_security_group.web[1]', 5, {}),
        rule('aws_security_group_rule.app', unknownOf(['aws_security_group.app.id'], { resource: 'aws_security_group.app' })),
        rule('aws_security_group_rule.web', unknownOf(['aws_security_group.web.id'], { resource: 'aws_security_group.web' })),
        rule('aws_security_group_rule.shared', unknownOf(['data.aws_security_group.shared.id'])),
        rule('aws_security_group_rule.literal', 'sg-0123456789abcdef0'),
      ],
      'infra',
    );
    const exposed = Object.fromEntries(assets.map((asset) => [asset.asset.id, ssh(asset).length]));
    expect(exposed).toEqual({
      'aws_security_group.app': 1,
      'aws_security_group.web[0]': 1,
      'aws_security_group.web[1]': 1,
      'data.aws_security_group.shared.id': 1,
      'sg-0123456789abcdef0': 1,
    });
  });

  it('attaches a CloudFormation ingress resource to its group by GroupName as well as by reference', () => {
    const { assets } = iacNetworkAssets(
      [
        { ...resource('AWS::EC2::SecurityGroup', 'WebSG', 1, { GroupName: 'web', GroupDescription: 'web', SecurityGroupEgress: [] }), file: 'stack.yaml' },
        { ...resource('AWS::EC2::SecurityGroupIngress', 'WebSsh', 10, { GroupName: 'web', IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }), file: 'stack.yaml' },
      ],
      'stack.yaml',
    );
    expect(assets.map((asset) => [asset.asset.id, ssh(asset).map((opening) => opening.location.line)])).toEqual([['WebSG', [10]]]);
  });

  it('leaves out an Azure deny whose match is unknown, and the allows after it depend on it', () => {
    const rule = (name: string, priority: number, access: string, source: Plain) => ({
      name, priority, direction: 'Inbound', access, protocol: 'Tcp', source_port_range: '*', destination_port_range: '22', source_address_prefix: source, destination_address_prefix: '*',
    });
    const { assets } = iacNetworkAssets(
      [resource('azurerm_network_security_group', 'azurerm_network_security_group.jump', 1, { name: 'jump', security_rule: [rule('deny-some', 100, 'Deny', unknownOf(['var.blocked'])), rule('ssh', 200, 'Allow', '*')] })],
      'infra',
    );
    const [opening] = ssh(assets[0]);
    expect(opening.decidedBy.kind === 'rule' && opening.decidedBy.rule.label).toContain("'ssh'");
    expect(opening.decidedBy.kind === 'rule' && opening.decidedBy.rule.dependsOn).toEqual(['var.blocked']);
  });

  it('takes an unknown GCP port list as every port and an unknown priority of an allow as the first', () => {
    const { assets } = iacNetworkAssets(
      [
        resource('google_compute_firewall', 'google_compute_firewall.deny', 1, { name: 'deny-ssh', network: 'default', priority: 500, source_ranges: ['0.0.0.0/0'], deny: { protocol: 'tcp', ports: ['22'] } }),
        resource('google_compute_firewall', 'google_compute_firewall.app', 10, { name: 'app', network: 'default', priority: unknownOf(['var.priority']), source_ranges: ['0.0.0.0/0'], allow: { protocol: 'tcp', ports: unknownOf(['var.ports']) } }),
      ],
      'infra',
    );
    expect(assets).toHaveLength(1);
    const [opening] = ssh(assets[0]);
    expect(opening.decidedBy.kind === 'rule' && opening.decidedBy.rule.dependsOn).toEqual(['var.priority', 'var.ports']);
  });

  it('names every asset within its module, so that two modules with the same address are two assets', () => {
    const group = resource('aws_security_group', 'aws_security_group.this', 1, {});
    const [a] = iacNetworkAssets([group], 'modules/a').assets;
    const [b] = iacNetworkAssets([group], 'modules/b').assets;
    expect(a.asset.within).toBe('modules/a');
    expect(b.asset.within).toBe('modules/b');
  });

  it('reports a value the provider would reject, and judges the rest', () => {
    const { assets, problems } = iacNetworkAssets(
      [resource('aws_security_group', 'aws_security_group.x', 1, { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['not-a-cidr', '0.0.0.0/0'] }] })],
      'infra',
    );
    expect(problems.map((problem) => problem.id)).toEqual(['iac/invalid-resource']);
    expect(ssh(assets[0])).toHaveLength(1);
  });
});
