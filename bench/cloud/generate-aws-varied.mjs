// Writes a describe-security-groups listing the way the AWS CLI prints it (4-space indent) whose groups vary: 1 to 5
// ingress permissions each, ports drawn from 22, 80, 443, 3389, 5432, 8081, 8084 and 9200, sources from public,
// private and documentation ranges, IPv6 ::/0 on a fifth of the permissions, a description on every range, 2% of the
// permissions for all traffic. Few groups repeat another's rules. Deterministic (seeded).
// usage: node bench/cloud/generate-aws-varied.mjs OUT.json [GROUPS=50000]
import { writeExport } from './write-export.mjs';

const [out, groupsArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/cloud/generate-aws-varied.mjs OUT.json [GROUPS]');
  process.exit(2);
}
const GROUPS = Number(groupsArg ?? 50_000);
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const PORTS = [22, 80, 443, 3389, 5432, 8081, 8084, 9200];
const DESCRIPTIONS = ['office', 'vpn', 'partner', 'monitoring', 'load balancer', 'backup site', 'ci runners', 'from anywhere'];

let seed = 1234;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const below = (n) => Math.floor(random() * n);
const pick = (list) => list[below(list.length)];
const hex = (n, width) => n.toString(16).padStart(width, '0');

/** A source range: public (0.0.0.0/0, a provider's block, one host), private, or documentation. */
function source() {
  const roll = random();
  const cidr =
    roll < 0.03 ? '0.0.0.0/0'
    : roll < 0.45 ? `${pick([3, 13, 18, 34, 52, 54, 81, 91, 185])}.${below(256)}.${below(256)}.${below(256)}/${pick([16, 20, 24, 28, 32])}`
    : roll < 0.8 ? pick([`10.${below(256)}.0.0/16`, `172.${16 + below(16)}.${below(256)}.0/24`, `192.168.${below(256)}.0/24`])
    : `${pick(['192.0.2', '198.51.100', '203.0.113'])}.${below(256)}/32`;
  return { CidrIp: cidr, Description: pick(DESCRIPTIONS) };
}

function permission() {
  const v6 = random() < 0.2 ? [{ CidrIpv6: '::/0', Description: 'from anywhere (IPv6)' }] : [];
  const ranges = Array.from({ length: 1 + below(3) }, source);
  if (random() < 0.02) return { IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: ranges, Ipv6Ranges: v6, PrefixListIds: [] };
  const from = pick(PORTS);
  const to = random() < 0.1 ? from + below(20) : from;
  return { IpProtocol: random() < 0.9 ? 'tcp' : 'udp', FromPort: from, ToPort: to, UserIdGroupPairs: [], IpRanges: ranges, Ipv6Ranges: v6, PrefixListIds: [] };
}

function group(index) {
  const id = `sg-${hex(index * 7919, 17)}`;
  const name = `${pick(['web', 'app', 'db', 'bastion', 'search', 'cache'])}-${pick(['prod', 'staging', 'dev'])}-${index}`;
  return {
    GroupId: id,
    IpPermissionsEgress: [{ IpProtocol: '-1', UserIdGroupPairs: [], IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [] }],
    Tags: [{ Key: 'Name', Value: name }, { Key: 'team', Value: pick(['payments', 'search', 'platform', 'data']) }],
    VpcId: `vpc-${hex(index % 97, 17)}`,
    SecurityGroupArn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${id}`,
    OwnerId: ACCOUNT,
    GroupName: name,
    Description: `${name} security group managed by terraform`,
    IpPermissions: Array.from({ length: 1 + below(5) }, permission),
  };
}

await writeExport(out, GROUPS, group);
