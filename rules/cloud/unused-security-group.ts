import { describeAsset } from '../../src/model/asset.js';
import type { RuleFinding } from '../../src/model/finding.js';
import { quoted } from '../../src/model/quote.js';
import type { NetworkAsset, NetworkRule } from '../../src/network/model.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'cloud/unused-security-group',
  title: 'A security group, NSG or GCP firewall rule is attached to nothing',
  severity: 'low',
  tags: ['network', 'cloud', 'hygiene'],
  references: [
    { seed: 'dflow-security-best-practices.txt', quote: 'Review groups when you decommission Worker Nodes so stale rules do not linger.' },
    { framework: 'AWS Foundational Security Best Practices (Security Hub)', control: 'EC2.22 Unused Amazon EC2 security groups should be removed' },
  ],
  rationale:
    'A group left behind when the machines it served were decommissioned still holds their rules. Nothing is exposed ' +
    'while nothing uses it, but the next instance or subnet it is attached to — often by reusing a familiar name — gets ' +
    'every port it opens at once. The rule fires only where the input says what uses the group: an Azure NSG lists its ' +
    'NICs and subnets; `parapet sweep aws` reads the network interfaces; `parapet sweep gcp` reads the instances each ' +
    'firewall rule targets (by network, target tag and service account). A plain describe-security-groups export or ' +
    'gcloud listing does not say, and is not judged by this rule.',
  remediation:
    'Delete the group, or review its rules before attaching it again, e.g.\n\n' +
    '```\naws ec2 delete-security-group --group-id sg-0123456789abcdef0\naz network nsg delete --resource-group rg --name old-nsg\ngcloud compute firewall-rules delete old-rule\n```',
  input: 'network',
  check(asset) {
    if (asset.asset.kind === 'gcp-network') return unusedFirewallRules(asset);
    if (asset.usedBy?.length !== 0 || (asset.asset.kind !== 'aws-security-group' && asset.asset.kind !== 'azure-nsg')) return [];
    return [
      {
        message: `${describeAsset(asset.asset, asset.location.file)} is attached to nothing: its ${asset.rules.filter((rule) => !rule.id.startsWith('default/')).length} rules protect nothing now and open their ports to whatever is attached next. Delete it, or review its rules before reusing it.`,
        location: asset.location,
        asset: asset.asset,
        key: 'unused',
      },
    ];
  },
});

/** A GCP firewall rule is the group: one that a sweep found to apply to no instance (its entries share the rule's name). */
function unusedFirewallRules(asset: NetworkAsset): RuleFinding[] {
  const unused = new Map<string, NetworkRule>();
  for (const rule of asset.rules) {
    const name = rule.id.slice(0, rule.id.lastIndexOf('/'));
    if (rule.usedBy?.length === 0 && !unused.has(name)) unused.set(name, rule);
  }
  return [...unused].map(([name, rule]) => ({
    message: `Firewall rule ${quoted(name, 80)} on ${describeAsset(asset.asset, asset.location.file)} applies to no instance: it opens nothing now, and opens its ports to the next instance given its target tag or service account. Delete it, or review it before reusing the target.`,
    location: rule.location,
    asset: asset.asset,
    key: `unused:${name}`,
  }));
}
