import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';
import { listing } from '../../src/network/describe.js';
import { shadowedRules } from '../../src/network/shadowed-rules.js';

export default defineRule({
  id: 'net/shadowed-rule',
  title: 'An allow rule never takes effect because a deny wins',
  severity: 'low',
  tags: ['network', 'hygiene'],
  references: [
    { seed: 'dflow-security-best-practices.txt', quote: 'Review groups when you decommission Worker Nodes so stale rules do not linger.' },
  ],
  rationale:
    'An allow rule that a deny always beats — an earlier rule in ufw, an Azure NSG or GCP firewall, any block rule in ' +
    'the Windows firewall — does nothing. Either it is stale and only makes the rule set harder to review, or someone ' +
    'expects it to work and the service is silently unreachable. Redundant allows (covered by an earlier allow) are not reported.',
  remediation: 'Remove the allow rule, or if it is meant to work, move it before the deny (ufw `insert`, a lower Azure/GCP priority) or narrow the deny.',
  input: 'network',
  check(asset) {
    return shadowedRules(asset).map(({ rule, shadowedBy }) => ({
      message: `On ${describeAsset(asset.asset, asset.location.file)}, ${rule.label} never takes effect: ${listing(shadowedBy.map((deny) => deny.label))} ${shadowedBy.length > 1 ? 'deny' : 'denies'} all its traffic first. Remove it or move it before the deny.`,
      location: rule.location,
      asset: asset.asset,
      key: `rule:${rule.id}/shadowed`,
    }));
  },
});
