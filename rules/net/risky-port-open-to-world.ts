import { defineRule } from '../../src/engine/rule.js';
import { describeOpening, describeUsage } from '../../src/network/describe.js';
import { openings, worldPart, type Service, type Opening } from '../../src/network/openings.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { NetworkAsset } from '../../src/network/model.js';

/**
 * AWS Security Hub EC2.19's high-risk ports (SSH 22 and RDP 3389 left out: they have their own rules), plus
 * databases and remote administration services that scanners look for and EC2.19 does not list.
 */
export const RISKY_SERVICES: readonly Service[] = [
  { protocol: 'tcp', port: 20, name: 'FTP data' },
  { protocol: 'tcp', port: 21, name: 'FTP' },
  { protocol: 'tcp', port: 23, name: 'Telnet' },
  { protocol: 'tcp', port: 25, name: 'SMTP' },
  { protocol: 'tcp', port: 110, name: 'POP3' },
  { protocol: 'tcp', port: 135, name: 'Microsoft RPC' },
  { protocol: 'tcp', port: 143, name: 'IMAP' },
  { protocol: 'tcp', port: 445, name: 'SMB' },
  { protocol: 'tcp', port: 1433, name: 'Microsoft SQL Server' },
  { protocol: 'tcp', port: 1434, name: 'Microsoft SQL Server admin' },
  { protocol: 'udp', port: 1434, name: 'Microsoft SQL Server browser' },
  { protocol: 'tcp', port: 1521, name: 'Oracle database' },
  { protocol: 'tcp', port: 2375, name: 'Docker API' },
  { protocol: 'tcp', port: 2376, name: 'Docker API (TLS)' },
  { protocol: 'tcp', port: 3000, name: 'development web server' },
  { protocol: 'tcp', port: 3306, name: 'MySQL' },
  { protocol: 'tcp', port: 4333, name: 'mSQL' },
  { protocol: 'tcp', port: 5000, name: 'development web server' },
  { protocol: 'tcp', port: 5432, name: 'PostgreSQL' },
  { protocol: 'tcp', port: 5500, name: 'VNC listener' },
  { protocol: 'tcp', port: 5601, name: 'Kibana' },
  { protocol: 'tcp', port: 5900, name: 'VNC' },
  { protocol: 'tcp', port: 5985, name: 'WinRM' },
  { protocol: 'tcp', port: 5986, name: 'WinRM (HTTPS)' },
  { protocol: 'tcp', port: 6379, name: 'Redis' },
  { protocol: 'tcp', port: 8080, name: 'HTTP proxy / admin console' },
  { protocol: 'tcp', port: 8088, name: 'HTTP admin console' },
  { protocol: 'tcp', port: 8888, name: 'HTTP admin console' },
  { protocol: 'tcp', port: 9042, name: 'Cassandra' },
  { protocol: 'tcp', port: 9200, name: 'Elasticsearch' },
  { protocol: 'tcp', port: 9300, name: 'Elasticsearch transport' },
  { protocol: 'tcp', port: 11211, name: 'memcached' },
  { protocol: 'udp', port: 11211, name: 'memcached' },
  { protocol: 'tcp', port: 27017, name: 'MongoDB' },
];

export default defineRule({
  id: 'net/risky-port-open-to-world',
  title: 'A database or remote administration port is reachable from the whole internet',
  severity: 'high',
  tags: ['network', 'database', 'exposure'],
  references: [
    { framework: 'AWS Foundational Security Best Practices (Security Hub)', control: 'EC2.19 Security groups should not allow unrestricted access to ports with high risk' },
    { framework: 'CIS Amazon Web Services Foundations Benchmark v2.0.0', control: '5.2 / 5.3 remote server administration ports' },
    { seed: 'dflow-security-best-practices.txt', quote: 'scope to office IPs, a VPN CIDR, or bastion patterns your organisation already trusts.' },
  ],
  rationale:
    'Databases, caches, search engines, container and remote-desktop APIs are built to sit behind a firewall; many ' +
    'accept connections without authentication by default (Redis, memcached, Elasticsearch, the Docker API) and are ' +
    'harvested by mass scanners within hours of being exposed. The ports checked are AWS Security Hub control EC2.19\'s ' +
    'high-risk list — 20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 8080, ' +
    '8088, 8888, 9200, 9300 (written from the control\'s documentation; 22 and 3389 have their own rules) — plus Oracle ' +
    '1521, Docker 2375/2376, VNC 5900, WinRM 5985/5986, Redis 6379, Cassandra 9042, memcached 11211 and MongoDB 27017. ' +
    'The finding fires when one of them is reachable from all of IPv4 or all of IPv6.',
  remediation:
    'Allow these ports only from the application servers or the VPN range that needs them, e.g. with ufw ' +
    '`ufw allow from 10.0.2.0/24 to any port 5432 proto tcp`; in a security group, reference the application\'s ' +
    'security group instead of `0.0.0.0/0`.',
  input: 'network',
  check(asset) {
    return openings(asset, 'inbound', RISKY_SERVICES, worldPart).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  const { assetName, services, sources, through, isReachable } = describeOpening(asset, opening, 'inbound', opening.services.length > 1);
  return `${services} on ${assetName} ${isReachable} from ${sources} through ${through}.${describeUsage(asset, opening.decidedBy)} Allow these ports only from the hosts that need them.`;
}
