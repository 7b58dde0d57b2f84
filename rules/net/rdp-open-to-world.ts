import { defineRule } from '../../src/engine/rule.js';
import { describeOpening, describeUsage } from '../../src/network/describe.js';
import { openings, worldPart, type Opening } from '../../src/network/openings.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { NetworkAsset } from '../../src/network/model.js';

const RDP = [
  { protocol: 'tcp', port: 3389, name: 'RDP' },
  { protocol: 'udp', port: 3389, name: 'RDP' },
];

export default defineRule({
  id: 'net/rdp-open-to-world',
  title: 'RDP is reachable from the whole internet',
  severity: 'critical',
  tags: ['network', 'rdp', 'windows', 'exposure'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'RDP (TCP 3389) must never be exposed directly to the public internet.' },
    { seed: 'singlestore-flow-secure-access.md', quote: 'RDP must be restricted in Windows Firewall and any external firewall to VPN address ranges or RD Gateway only.' },
    { framework: 'CIS Amazon Web Services Foundations Benchmark v2.0.0', control: '5.2 (0.0.0.0/0) and 5.3 (::/0) — no security group ingress to remote server administration ports' },
    { framework: 'CIS Microsoft Azure Foundations Benchmark v1.4.0', control: '6.1 Ensure that RDP access is restricted from the internet' },
    { framework: 'CIS Google Cloud Platform Foundation Benchmark', control: '3.7 RDP access restricted from the internet (numbering per v1.3/v2.0, not verified here)' },
  ],
  rationale:
    'Remote Desktop exposed to the internet is one of the most common ways into Windows networks: it is brute-forced ' +
    'around the clock and has had pre-authentication flaws (BlueKeep, CVE-2019-0708). RDP listens on TCP 3389 and, ' +
    'since Windows Server 2012, on UDP 3389 as well; both count. This rule fires when either is reachable from all of ' +
    'IPv4 or all of IPv6, through a rule, a default policy that allows inbound traffic, or a profile whose firewall is off.',
  remediation:
    'Restrict RDP to the VPN range or an RD Gateway, e.g. on Windows:\n\n' +
    '```\nnetsh advfirewall firewall set rule name="Remote Desktop - User Mode (TCP-In)" new remoteip=10.8.0.0/16\n```\n\n' +
    'In a cloud security group or NSG replace the `0.0.0.0/0`, `::/0`, `*` or `Internet` source by that range, or use a ' +
    'bastion service (Azure Bastion, AWS Fleet Manager, GCP IAP).',
  input: 'network',
  check(asset) {
    return openings(asset, 'inbound', RDP, worldPart).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  const { assetName, services: what, sources, through, isReachable } = describeOpening(asset, opening);
  return `${what} on ${assetName} ${isReachable} from ${sources} through ${through}.${describeUsage(asset, opening.decidedBy)} Allow RDP only from a VPN range or an RD Gateway.`;
}
