import { describeAsset } from '../../src/model/asset.js';
import { defineRule } from '../../src/engine/rule.js';
import { scopesByLine } from '../../src/network/scopes-by-line.js';

export default defineRule({
  id: 'net/firewall-disabled',
  title: 'The host firewall is switched off',
  severity: 'high',
  tags: ['network', 'firewall'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'sudo ufw enable' },
    { framework: 'CIS Ubuntu Linux 18.04 LTS Benchmark v2.1.0', control: '3.5.1.3 Ensure ufw service is enabled (same item in the 22.04 benchmark per the Parapet brief, not verified here)' },
    { framework: 'CIS Microsoft Windows Server Benchmark', control: '9.1.1 / 9.2.1 / 9.3.1 Windows Firewall: Domain / Private / Public: Firewall state On (numbering per the 2019/2022 benchmarks, not verified here)' },
  ],
  rationale:
    'Rules in a firewall that is off protect nothing: every listening port is reachable from every address the ' +
    'network lets through. ufw keeps its rules when disabled (`Status: inactive`), so a rule list that looks right ' +
    'can hide a firewall that is not running; a Windows profile with `State OFF` ignores all its rules. The other ' +
    '`net/*` rules also report the exposures this causes, located at the same state line.',
  remediation: 'Switch the firewall on: `ufw enable` (after allowing SSH from your admin range), or on Windows `netsh advfirewall set allprofiles state on`.',
  input: 'network',
  check(asset) {
    return scopesByLine(asset, (scope) => !scope.enabled, (scope) => scope.stateLocation).map(({ location, which, key }) => ({
      message: `The firewall of ${describeAsset(asset.asset, asset.location.file)} is off${which}: its rules are not applied and every port is reachable. Switch it on.`,
      location,
      asset: asset.asset,
      key: `${key}:firewall-off`,
    }));
  },
});
