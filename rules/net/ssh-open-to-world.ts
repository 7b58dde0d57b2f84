import { defineRule } from '../../src/engine/rule.js';
import { describeOpening, describeUsage } from '../../src/network/describe.js';
import { openings, worldPart, type Opening } from '../../src/network/openings.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { NetworkAsset } from '../../src/network/model.js';

const SSH = [{ protocol: 'tcp', port: 22, name: 'SSH' }];

export default defineRule({
  id: 'net/ssh-open-to-world',
  title: 'SSH is reachable from the whole internet',
  severity: 'critical',
  tags: ['network', 'ssh', 'exposure'],
  references: [
    { seed: 'dflow-security-best-practices.txt', quote: 'Avoid SSH open to\n0.0.0.0/0' },
    { seed: 'singlestore-flow-secure-access.md', quote: 'sudo ufw allow from <your-office-ip> to any port 22' },
    { framework: 'CIS Amazon Web Services Foundations Benchmark v2.0.0', control: '5.2 (0.0.0.0/0) and 5.3 (::/0) — no security group ingress to remote server administration ports' },
    { framework: 'CIS Microsoft Azure Foundations Benchmark v1.4.0', control: '6.2 Ensure that SSH access is restricted from the internet' },
    { framework: 'CIS Google Cloud Platform Foundation Benchmark', control: '3.6 SSH access restricted from the internet (numbering per v1.3/v2.0, not verified here)' },
  ],
  rationale:
    'An SSH port that answers every address on the internet is found by scanners within minutes and then brute-forced ' +
    'and probed for every new OpenSSH flaw. Whatever the authentication settings, the port should only answer the ' +
    'networks administrators actually come from: an office, a VPN range, a bastion host. This rule asks the firewall ' +
    'itself, with its own evaluation order, whether TCP 22 is reachable from all of IPv4 (`0.0.0.0/0`) or all of IPv6 ' +
    "(`::/0`) — an IPv6-only opening is the whole internet too — including through a default policy or a firewall that is off.",
  remediation:
    'Allow SSH only from known sources and deny it otherwise, e.g. with ufw:\n\n' +
    '```\nufw delete allow 22/tcp\nufw allow from 203.0.113.0/24 to any port 22 proto tcp\nufw default deny incoming\n```\n\n' +
    'In a cloud security group replace the `0.0.0.0/0` / `::/0` source by the VPN or bastion range, or use a session ' +
    'manager (AWS SSM, Azure Bastion, GCP IAP) instead of an open port.',
  input: 'network',
  check(asset) {
    return openings(asset, 'inbound', SSH, worldPart).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  const { assetName, sources, through, isReachable } = describeOpening(asset, opening);
  return `SSH (TCP 22) on ${assetName} ${isReachable} from ${sources} through ${through}.${describeUsage(asset, opening.decidedBy)} Allow SSH only from a VPN, office or bastion range.`;
}
