import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';
import type { NetworkScope } from '../../src/network/model.js';
import { reachability } from '../../src/network/reachability.js';
import { scopesByLine } from '../../src/network/scopes-by-line.js';
import { trafficClasses } from '../../src/network/traffic-classes.js';

export default defineRule({
  id: 'net/default-inbound-allow',
  title: 'The default inbound policy allows traffic',
  severity: 'high',
  tags: ['network', 'firewall'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'sudo ufw default deny incoming' },
    { framework: 'CIS Ubuntu Linux 18.04 LTS Benchmark v2.1.0', control: '3.5.1.7 Ensure ufw default deny firewall policy (same item in the 22.04 benchmark per the Parapet brief, not verified here)' },
    { framework: 'CIS Microsoft Windows Server Benchmark', control: '9.1.2 / 9.2.2 / 9.3.2 Windows Firewall: Inbound connections: Block (numbering per the 2019/2022 benchmarks, not verified here)' },
  ],
  rationale:
    'With a default inbound policy of allow, the rules list what is blocked instead of what is allowed: every ' +
    'service nobody thought of — a database bound to all interfaces, a debug port, something installed next year — ' +
    'is reachable from every address. The finding is reported only when the default actually decides some inbound ' +
    'traffic (a final deny-all rule makes it moot).',
  remediation: 'Deny inbound traffic by default and allow each needed service: `ufw default deny incoming`, or on Windows `netsh advfirewall set allprofiles firewallpolicy blockinbound,allowoutbound`.',
  input: 'network',
  check(asset) {
    const reachesDefault = (scope: NetworkScope) =>
      trafficClasses(asset, 'inbound').some(({ traffic }) => reachability(asset, { ...traffic, scope: scope.name }).some((result) => result.decisions.some((decision) => decision.decidedBy.kind === 'default' && decision.action === 'allow')));
    return scopesByLine(asset, (scope) => scope.enabled && scope.defaultInbound === 'allow' && reachesDefault(scope), (scope) => scope.defaultLocation).map(({ location, which, key }) => ({
      message: `The default inbound policy of ${describeAsset(asset.asset, asset.location.file)}${which} is 'allow': every port no rule denies is reachable from every address. Deny inbound traffic by default and allow each service explicitly.`,
      location,
      asset: asset.asset,
      key: `${key}:default-inbound`,
    }));
  },
});
