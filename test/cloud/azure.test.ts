import { describe, expect, it } from 'vitest';
import { ALL_PORTS, type NetworkAsset } from '../../src/network/model.js';
import { loadAzureNsgs } from '../../src/parsers/azure/load.js';
import { lineText, loadCorpus, loadText, withoutLines } from './support.js';

const load = loadAzureNsgs;
const arm = loadCorpus(load, 'azure/arm-rest-nsg-listAll-page1.json');
const sdk = loadCorpus(load, 'azure/sdk-arm-network-listAll-output.json');
const az = loadCorpus(load, 'azure/az-network-nsg-list.derived.json');
const webNsg = () => sdk.assets[0];
const rule = (asset: NetworkAsset, id: string) => asset.rules.find((candidate) => candidate.id === id)!;

describe('azure NSGs', () => {
  it('names each NSG by its resource id, subscription and location', () => {
    expect(sdk.assets.map((asset) => asset.asset)).toEqual(['web-nsg', 'orphan-nsg'].map((name) => ({
      kind: 'azure-nsg',
      id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/${name}`,
      name,
      account: '00000000-0000-0000-0000-000000000000',
      region: 'westeurope',
    })));
    for (const asset of sdk.assets) expect(asset.semantics).toBe('first-match');
  });

  it('reads ARM REST (nested properties), the SDK and az (flattened) into the same rules', () => {
    expect(arm.result.problems.map((problem) => problem.id)).toEqual(['azure/more-pages']);
    expect(sdk.result.problems).toEqual([]);
    expect(az.result.problems).toEqual([]);
    expect(arm.assets[0].rules.map(withoutLines)).toEqual(webNsg().rules.map(withoutLines));
    expect(az.assets.map((asset) => asset.rules.map(withoutLines))).toEqual(sdk.assets.map((asset) => asset.rules.map(withoutLines)));
  });

  it('orders user and default rules by priority, each located at its rule object', () => {
    const asset = webNsg();
    const priorities = asset.rules.map((candidate) => candidate.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    for (const candidate of asset.rules) {
      expect(lineText(sdk.lines, candidate.location.line).trim()).toBe('{');
      expect(lineText(sdk.lines, candidate.location.line + 1)).toContain(`/${candidate.id.replace('default/', '')}"`);
    }
    expect(rule(asset, 'deny-telnet')).toMatchObject({ action: 'deny', priority: 100, protocol: 'tcp', ports: [{ from: 23, to: 23 }] });
    expect(rule(asset, 'default/DenyAllInBound')).toMatchObject({ action: 'deny', priority: 65500, protocol: 'any', ports: [ALL_PORTS], remote: [{ kind: 'any', text: '*' }] });
  });

  it('takes the union of singular and plural fields', () => {
    const app = rule(webNsg(), 'app-ports');
    expect(app.ports).toEqual([{ from: 8081, to: 8081 }, { from: 8084, to: 8084 }, { from: 8080, to: 8090 }]);
    expect(app.remote).toEqual([{ kind: 'cidr', cidr: '0.0.0.0/0', text: '0.0.0.0/0' }, { kind: 'cidr', cidr: '::/0', text: '::/0' }]);
    expect(app.local).toEqual([{ kind: 'cidr', cidr: '10.0.1.4/32', text: '10.0.1.4' }]);
  });

  it('classifies world, service tags and application security groups', () => {
    const asset = webNsg();
    expect(rule(asset, 'SSH').remote).toEqual([{ kind: 'any', text: '*' }]);
    expect(rule(asset, 'RDP-from-Internet').remote).toEqual([{ kind: 'any', text: 'Internet' }]);
    expect(rule(asset, 'RDP-from-Internet').local).toBeUndefined(); // VirtualNetwork on the NSG's own side: every machine it protects
    expect(rule(asset, 'https-from-frontdoor').remote).toEqual([{ kind: 'symbol', name: 'AzureFrontDoor.Backend', public: 'yes', text: 'AzureFrontDoor.Backend' }]);
    expect(rule(asset, 'default/AllowVnetInBound').remote).toEqual([{ kind: 'symbol', name: 'VirtualNetwork', public: 'no', text: 'VirtualNetwork' }]);
    expect(rule(asset, 'default/AllowAzureLoadBalancerInBound').remote[0]).toMatchObject({ kind: 'symbol', public: 'no' });
    expect(rule(asset, 'db-from-asg').remote).toEqual([{ kind: 'group', ref: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Network/applicationSecurityGroups/web-asg', text: 'web-asg' }]);
    expect(rule(asset, 'deny-smtp-out')).toMatchObject({ direction: 'outbound', remote: [{ kind: 'any', text: 'Internet' }] });
  });

  it('implies the six default rules at the NSG line when the export leaves them out', () => {
    const text = JSON.stringify([{ name: 'bare', id: '/subscriptions/s-1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/bare', location: 'northeurope', securityRules: [] }], null, 2);
    const result = loadText(load, text);
    expect(result.problems).toEqual([]);
    const [asset] = result.models as NetworkAsset[];
    expect(asset.asset.account).toBe('s-1');
    expect(asset.rules.map((candidate) => [candidate.id, candidate.priority, candidate.location.line])).toEqual([
      ['default/AllowVnetInBound', 65000, 2], ['default/AllowVnetOutBound', 65000, 2],
      ['default/AllowAzureLoadBalancerInBound', 65001, 2], ['default/AllowInternetOutBound', 65001, 2],
      ['default/DenyAllInBound', 65500, 2], ['default/DenyAllOutBound', 65500, 2],
    ]);
  });

  it('keeps source-port limits, so a deny that names some source ports is not counted on', () => {
    const text = JSON.stringify({ name: 'n', securityRules: [{ name: 'deny-ssh-low-ports', protocol: 'Tcp', sourcePortRange: '0-1023', destinationPortRange: '22', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 100, direction: 'Inbound' }] });
    const [asset] = loadText(load, text).models as NetworkAsset[];
    expect(rule(asset, 'deny-ssh-low-ports').sourcePorts).toEqual([{ from: 0, to: 1023 }]);
  });
});

describe('azure bad input', () => {
  it('reports a rule it cannot read at its line and judges the others', () => {
    const text = JSON.stringify([{ name: 'n', securityRules: [
      { name: 'ok', protocol: 'Tcp', destinationPortRange: '22', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 100, direction: 'Inbound' },
      { name: 'broken', protocol: 'Tcp', destinationPortRange: '22-', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 110, direction: 'Inbound' },
    ] }], null, 2);
    const result = loadText(load, text);
    expect((result.models[0] as NetworkAsset).rules.map((candidate) => candidate.id)).toContain('ok');
    expect(result.problems).toEqual([expect.objectContaining({ level: 'error', line: text.split('\n').findIndex((line) => line.includes('"broken"')) })]);
    expect(result.problems[0].message).toMatch(/rule 'broken': destination port '22-' is not a port or range/);
  });

  it('says an ARM error is an error response', () => {
    const result = loadText(load, '{"error": {"code": "AuthorizationFailed", "message": "The client does not have authorization to perform action Microsoft.Network/networkSecurityGroups/read."}}');
    expect(result.models).toEqual([]);
    expect(result.problems[0].message).toMatch(/Azure error response, not a listing \(AuthorizationFailed: The client does not have authorization/);
  });

  it('lists the accepted shapes for other JSON', () => {
    const result = loadText(load, '{"value": 3}');
    expect(result.problems[0]).toMatchObject({ level: 'error', id: 'input/unrecognised' });
    expect(result.problems[0].message).toMatch(/az network nsg list.*"value"/);
  });
});
