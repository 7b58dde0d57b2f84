import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';
import { catchAllOpenings } from '../../src/network/catch-all.js';
import { describeCatchAll, describeDecider, describeDependence, describeScopes } from '../../src/network/describe.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { Opening } from '../../src/network/openings.js';
import type { NetworkAsset } from '../../src/network/model.js';

export default defineRule({
  id: 'net/egress-open-to-world',
  title: 'All outbound traffic to the internet is allowed',
  severity: 'low',
  tags: ['network', 'egress'],
  references: [
    { seed: 'dflow-security-best-practices.txt', quote: 'Keep outbound rules as tight as practical (for example HTTPS only) unless you know the workload needs wider egress.' },
    { framework: 'CIS Ubuntu Linux 18.04 LTS Benchmark v2.1.0', control: '3.5.1.5 Ensure ufw outbound connections are configured (same item in the 22.04 benchmark per the Parapet brief, not verified here)' },
  ],
  rationale:
    'A machine that may connect anywhere on any port makes an intruder\'s next steps easy: downloading tools, reaching ' +
    'a command-and-control server, sending data out. Most servers need a handful of destinations (HTTPS to package ' +
    'mirrors and APIs, DNS, NTP). This finding is low severity because wide egress is the default almost everywhere ' +
    '(ufw `allow (outgoing)`, the AWS default security group, Azure `AllowInternetOutBound`); it points at the rule or ' +
    'policy line that allows it. A firewall that cannot filter outbound traffic at all (a Lightsail instance\'s) is not ' +
    'judged here: restrict egress on the host.',
  remediation:
    'Deny outbound traffic by default and allow what the workload needs, e.g. with ufw:\n\n' +
    '```\nufw default deny outgoing\nufw allow out 443/tcp\nufw allow out 53\nufw allow out 123/udp\n```\n\n' +
    'In AWS, replace the `-1` egress rule to `0.0.0.0/0` by rules for the ports the workload uses.',
  input: 'network',
  check(asset) {
    if (asset.filters && !asset.filters.includes('outbound')) return [];
    return catchAllOpenings(asset, 'outbound', true).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  return `${describeAsset(asset.asset, asset.location.file)} may send ${describeCatchAll(opening)} to ${opening.remotes.describe()} through ${describeDecider(opening.decidedBy, 'outbound')}${describeScopes(asset, opening.scopes)}${describeDependence(opening.decidedBy)}. Allow outbound only what the workload needs (for example HTTPS).`;
}

