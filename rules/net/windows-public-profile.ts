import { defineRule } from '../../src/engine/rule.js';
import { describeAsset } from '../../src/model/asset.js';
import { describeDecider, describeServices } from '../../src/network/describe.js';
import { everything, openings, type Service } from '../../src/network/openings.js';
import { scopesOf } from '../../src/network/scopes.js';

const ADMIN_SERVICES: readonly Service[] = [
  { protocol: 'tcp', port: 22, name: 'SSH' },
  { protocol: 'tcp', port: 3389, name: 'RDP' },
  { protocol: 'udp', port: 3389, name: 'RDP' },
  { protocol: 'tcp', port: 445, name: 'SMB' },
  { protocol: 'tcp', port: 5985, name: 'WinRM' },
  { protocol: 'tcp', port: 5986, name: 'WinRM (HTTPS)' },
];

export default defineRule({
  id: 'net/windows-public-profile',
  title: 'An administration or application port is allowed on the Public profile',
  severity: 'medium',
  tags: ['network', 'windows', 'firewall'],
  references: [
    { seed: 'singlestore-flow-secure-access.md', quote: 'In the **Profile** step, select only **Domain** or **Private** based on the requirement. Click **Next**.' },
    { seed: 'singlestore-flow-secure-access.md', quote: 'This option is only for internal or VPN networks.' },
  ],
  rationale:
    'Windows applies the Public profile on networks it does not trust: a hotel Wi-Fi, a new cloud NIC, any network ' +
    'that is not domain-joined or marked private. A rule that allows SSH, RDP, SMB, WinRM or the application ports ' +
    'on the Public profile opens them wherever the machine is plugged in, whatever its sources say today. Rules for ' +
    '`Any` profile count, as they include Public.',
  remediation:
    'Limit the rule to the Domain and Private profiles:\n\n' +
    '```\nnetsh advfirewall firewall set rule name="Flow" new profile=domain,private\n```\n\n' +
    'or `Set-NetFirewallRule -DisplayName "Flow" -Profile Domain,Private`.',
  input: 'network',
  check(asset, settings) {
    const publicScopes = scopesOf(asset).filter((scope) => scope.name.toLowerCase() === 'public' && scope.enabled);
    if (publicScopes.length === 0) return [];
    const services = [...ADMIN_SERVICES, ...settings.appPorts.map((port) => ({ protocol: 'tcp', port, name: 'the application port' }))];
    return publicScopes
      .flatMap((scope) => openings(asset, 'inbound', services, everything, scope.name))
      .filter((opening) => opening.decidedBy.kind === 'rule')
      .map((opening) => ({
        message: `${describeDecider(opening.decidedBy, 'inbound')} allows ${describeServices(opening.services)} on the Public profile of ${describeAsset(asset.asset, asset.location.file)} (from ${opening.remotes.describe()}). Select only the Domain or Private profile for it.`,
        location: opening.location,
        asset: asset.asset,
        key: `Public/${opening.key}`,
      }));
  },
});
