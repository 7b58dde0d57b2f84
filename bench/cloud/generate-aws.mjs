// Writes a describe-security-groups listing the way the AWS CLI prints it (4-space indent), with a realistic mix:
// web, app, database, bastion and default groups; about 5% open SSH to the world. Deterministic (seeded).
// usage: node bench/cloud/generate-aws.mjs OUT.json [GROUPS=50000]
import { writeExport } from './write-export.mjs';

const [out, groupsArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/cloud/generate-aws.mjs OUT.json [GROUPS]');
  process.exit(2);
}
const GROUPS = Number(groupsArg ?? 50_000);
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n, width) => n.toString(16).padStart(width, '0');

const cidr = (text, description) => (description ? { Description: description, CidrIp: text } : { CidrIp: text });
const permission = (protocol, from, to, ranges, extra = {}) => ({
  IpProtocol: protocol,
  ...(protocol === '-1' ? {} : { FromPort: from, ToPort: to }),
  UserIdGroupPairs: extra.pairs ?? [],
  IpRanges: ranges,
  Ipv6Ranges: extra.v6 ?? [],
  PrefixListIds: extra.prefixLists ?? [],
});
const office = () => cidr(`203.0.113.${Math.floor(random() * 250)}/32`, 'office');
const vpc = () => cidr(`10.${Math.floor(random() * 255)}.0.0/16`);
const peer = (index) => ({ UserId: ACCOUNT, GroupId: `sg-${hex(Math.max(0, index - 1) * 7919, 17)}` });

function permissionsOf(kind, index) {
  switch (kind) {
    case 'web':
      return [
        permission('tcp', 443, 443, [cidr('0.0.0.0/0', 'https')], { v6: [{ CidrIpv6: '::/0' }] }),
        permission('tcp', 80, 80, [cidr('0.0.0.0/0')]),
        permission('tcp', 22, 22, [office()]),
      ];
    case 'app':
      return [
        permission('tcp', 8080, 8090, [vpc()], { pairs: [peer(index)] }),
        permission('tcp', 22, 22, [], { prefixLists: [{ PrefixListId: 'pl-0a1b2c3d', Description: 'corp VPN' }] }),
        permission('icmp', -1, -1, [vpc()]),
      ];
    case 'db':
      return [permission('tcp', 5432, 5432, [], { pairs: [peer(index)] }), permission('tcp', 3306, 3306, [vpc(), vpc()])];
    case 'open-ssh':
      return [permission('tcp', 22, 22, [cidr('0.0.0.0/0', 'ssh from anywhere')], { v6: [{ CidrIpv6: '::/0' }] }), permission('tcp', 8081, 8081, [cidr('0.0.0.0/0')])];
    default:
      return [permission('-1', 0, 0, [], { pairs: [{ UserId: ACCOUNT, GroupId: `sg-${hex(index * 7919, 17)}` }] })];
  }
}

function group(index) {
  const roll = random();
  const kind = roll < 0.05 ? 'open-ssh' : roll < 0.35 ? 'web' : roll < 0.65 ? 'app' : roll < 0.85 ? 'db' : 'default';
  const id = `sg-${hex(index * 7919, 17)}`;
  const name = kind === 'default' ? 'default' : `${kind}-${pick(['prod', 'staging', 'dev'])}-${index}`;
  return {
    GroupId: id,
    IpPermissionsEgress: [permission('-1', 0, 0, [cidr('0.0.0.0/0')], kind === 'web' ? { v6: [{ CidrIpv6: '::/0' }] } : {})],
    Tags: kind === 'default' ? [] : [{ Key: 'Name', Value: name }, { Key: 'team', Value: pick(['payments', 'search', 'platform', 'data']) }],
    VpcId: `vpc-${hex(index % 97, 17)}`,
    SecurityGroupArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`,
    OwnerId: ACCOUNT,
    GroupName: name,
    Description: kind === 'default' ? 'default VPC security group' : `${kind} tier security group managed by terraform`,
    IpPermissions: permissionsOf(kind, index),
  };
}

await writeExport(out, GROUPS, group);
