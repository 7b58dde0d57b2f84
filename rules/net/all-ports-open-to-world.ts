import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';
import { catchAllOpenings } from '../../src/network/catch-all.js';
import { describeCatchAll, describeDecider, describeDependence, describeScopes, describeUsage } from '../../src/network/describe.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { Opening } from '../../src/network/openings.js';
import type { NetworkAsset } from '../../src/network/model.js';

export default defineRule({
  id: 'net/all-ports-open-to-world',
  title: 'A rule opens every port to the whole internet',
  severity: 'critical',
  tags: ['network', 'exposure'],
  references: [
    { seed: 'dflow-security-best-practices.txt', quote: 'scope to office IPs, a VPN CIDR, or bastion patterns your organisation already trusts.' },
    { framework: 'AWS Foundational Security Best Practices', control: 'EC2.18 Security groups should only allow unrestricted incoming traffic for authorized ports' },
    { framework: 'CIS Microsoft Azure Foundations Benchmark v1.4.0', control: '6.3 UDP services restricted from the internet (numbering per v1.4–v2.0, not verified here)' },
  ],
  rationale:
    'A rule that accepts every port (or every protocol, AWS `-1`, Azure `*`, ufw `allow from any`) from the whole ' +
    'internet exposes every service the machine runs now and every one it will run later: databases, admin consoles, ' +
    'debug ports. Other rules may deny some ports first; the rule still opens everything else to everyone. Default ' +
    'policies and switched-off firewalls are reported by `net/default-inbound-allow` and `net/firewall-disabled`.',
  remediation:
    'Replace the rule by one rule per service that must be public (usually only HTTPS, TCP 443), and allow ' +
    'administration only from the VPN or bastion range. In AWS, remove the `IpProtocol: -1` permission from `0.0.0.0/0` / `::/0`.',
  input: 'network',
  check(asset) {
    return catchAllOpenings(asset, 'inbound', false).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  return `${describeAsset(asset.asset, asset.location.file)} ${describeDependence(opening.decidedBy) ? 'may accept' : 'accepts'} ${describeCatchAll(opening)} from ${opening.remotes.describe()} through ${describeDecider(opening.decidedBy, 'inbound')}${describeScopes(asset, opening.scopes)}${describeDependence(opening.decidedBy)}.${describeUsage(asset, opening.decidedBy)} Allow only the services that must be public, one port at a time.`;
}
