import { defineRule, type RuleSettings } from '../../src/engine/rule.js';
import { AddressSet } from '../../src/network/address-set.js';
import { describeOpening, describeUsage } from '../../src/network/describe.js';
import { openings, worldPart, type Selector, type Opening } from '../../src/network/openings.js';
import { OpeningFinding } from '../../src/network/opening-finding.js';
import type { NetworkAsset } from '../../src/network/model.js';

const ADMIN = [
  { protocol: 'tcp', port: 22, name: 'SSH' },
  { protocol: 'tcp', port: 3389, name: 'RDP' },
  { protocol: 'udp', port: 3389, name: 'RDP' },
];

/** One selector per settings object: the trusted networks are parsed once per scan, not once per asset. */
const selectors = new WeakMap<RuleSettings, Selector>();

/**
 * The public sources of a decision outside the trusted networks, and named sources that may be public. An opening to
 * the whole internet is left to net/ssh-open-to-world and net/rdp-open-to-world, which report it as critical.
 */
function untrustedSources(settings: RuleSettings): Selector {
  let selector = selectors.get(settings);
  if (!selector) {
    const trusted = AddressSet.of(settings.trustedNetworks.map((cidr) => ({ kind: 'cidr', cidr, text: cidr })));
    selector = (decision, answer) => {
      if (!worldPart(decision, answer).isEmpty()) return AddressSet.EMPTY;
      const outside = decision.remotes.publicAddresses().subtract(trusted);
      const maybePublic = decision.remotes.possiblyPublicNames().map((name) => AddressSet.named(name));
      return AddressSet.unionOf([outside, ...maybePublic]);
    };
    selectors.set(settings, selector);
  }
  return selector;
}

export default defineRule({
  id: 'net/admin-port-untrusted-source',
  title: 'SSH or RDP is reachable from a public address outside the trusted networks',
  severity: 'high',
  tags: ['network', 'ssh', 'rdp', 'exposure', 'policy'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'restricted to specific IP ranges, such as an office public IP address or VPN endpoints' },
    { framework: 'CIS Amazon Web Services Foundations Benchmark v2.0.0', control: '5.2 and 5.3 — no security group ingress to remote server administration ports from anywhere' },
  ],
  rationale:
    'Administrative ports should answer only the networks administrators come from. With the trusted networks named ' +
    'in `.parapet.yml` (`networks.trusted`: the office, the VPN endpoints, the bastion host), this rule reports SSH ' +
    '(TCP 22) and RDP (TCP and UDP 3389) reachable from any public address outside them, or from a named source that ' +
    'may hold public addresses (a prefix list, a service tag). Private addresses are not reported. Without trusted ' +
    'networks it judges nothing; an opening to the whole internet is reported by `net/ssh-open-to-world` and ' +
    '`net/rdp-open-to-world` instead.',
  remediation:
    'Narrow the source to the trusted ranges, e.g. with ufw:\n\n' +
    '```\nufw allow from 203.0.113.0/24 to any port 22 proto tcp\n```\n\n' +
    'or, when the source is itself trusted, add it to `networks.trusted` in `.parapet.yml`.',
  input: 'network',
  check(asset, settings) {
    if (settings.trustedNetworks.length === 0) return [];
    return openings(asset, 'inbound', ADMIN, untrustedSources(settings)).map((opening) => new OpeningFinding(asset, opening, message));
  },
});

function message(asset: NetworkAsset, opening: Opening): string {
  const { assetName, services, sources, through, isReachable } = describeOpening(asset, opening, 'inbound', opening.services.length > 1);
  return `${services} on ${assetName} ${isReachable} from ${sources}, outside the trusted networks, through ${through}.${describeUsage(asset, opening.decidedBy)} Allow it only from the trusted networks (or add the source to networks.trusted in .parapet.yml).`;
}
