import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';

export default defineRule({
  id: 'cloud/unused-security-group',
  title: 'A security group or NSG is attached to nothing',
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
    'NICs and subnets; `parapet sweep aws` reads the network interfaces; a plain describe-security-groups export does ' +
    'not say, and is not judged by this rule.',
  remediation:
    'Delete the group, or review its rules before attaching it again, e.g.\n\n' +
    '```\naws ec2 delete-security-group --group-id sg-0123456789abcdef0\naz network nsg delete --resource-group rg --name old-nsg\n```',
  input: 'network',
  check(asset) {
    if (asset.usedBy?.length !== 0 || (asset.asset.kind !== 'aws-security-group' && asset.asset.kind !== 'azure-nsg')) return [];
    return [
      {
        message: `${describeAsset(asset.asset)} is attached to nothing: its ${asset.rules.filter((rule) => !rule.id.startsWith('default/')).length} rules protect nothing now and open their ports to whatever is attached next. Delete it, or review its rules before reusing it.`,
        location: asset.location,
        asset: asset.asset,
        key: 'unused',
      },
    ];
  },
});
