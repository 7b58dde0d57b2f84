import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { looksLikeAzureNsgs } from '../../src/parsers/azure/detect.js';
import { loadAzureNsgs } from '../../src/parsers/azure/load.js';
import { lineText, loadText, withoutLines } from './support.js';

const HUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-hub/providers/Microsoft.Network';
const POLICY = `${HUB}/firewallPolicies/hub-policy`;

/** A DNAT rule as az prints a classic one. */
function natRule(name: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { name, protocols: ['TCP'], sourceAddresses: ['*'], sourceIpGroups: [], destinationAddresses: ['20.61.12.8'], destinationPorts: ['50001'], translatedAddress: '10.20.1.4', ...fields };
}

/** A firewall as az network firewall list prints it, with classic NAT rule collections. */
function firewall(name: string, natRuleCollections: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `${HUB}/azureFirewalls/${name}`, name, location: 'westeurope', type: 'Microsoft.Network/azureFirewalls', natRuleCollections, networkRuleCollections: [], applicationRuleCollections: [], ...extra };
}

/** A rule collection group as az network firewall policy rule-collection-group list prints it. */
function group(name: string, ruleCollections: unknown[]): Record<string, unknown> {
  return { id: `${POLICY}/ruleCollectionGroups/${name}`, name, priority: 100, type: 'Microsoft.Network/FirewallPolicies/RuleCollectionGroups', ruleCollections };
}

/** The same item as ARM's REST API answers it: its fields, and each collection's, under `properties`. */
function nested(item: Record<string, unknown>): Record<string, unknown> {
  const { id, name, type, location, natRuleCollections, ...rest } = item;
  const collections = (natRuleCollections as Record<string, unknown>[]).map(({ name: collection, ...fields }) => ({ name: collection, properties: fields }));
  return { id, name, type, location, properties: { ...rest, natRuleCollections: collections } };
}

const judged = (models: unknown[]) => {
  const findings = [];
  for (const rule of RULES) if (rule.input === 'network') for (const asset of models as NetworkAsset[]) findings.push(...rule.check(asset as never, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${finding.location.line} ${asset.asset.kind}:${asset.asset.name}`));
  return findings.sort();
};

const CLASSIC = firewall('hub-fw', [
  { name: 'inbound', priority: 100, action: { type: 'Dnat' }, rules: [natRule('rdp', { translatedPort: '3389' }), natRule('ssh-range', { sourceAddresses: ['203.0.113.10-203.0.113.20'], destinationPorts: ['22'] })] },
  { name: 'outbound', priority: 200, action: { type: 'Snat' }, rules: [natRule('snat', { translatedPort: '22' })] },
]);

describe('Azure Firewall DNAT rules in a listing (az, the SDK, ARM REST)', () => {
  it("judges the translated port on the translated address, from the rule's sources; a SNAT collection opens nothing", () => {
    const text = JSON.stringify([CLASSIC], null, 2);
    const { models, problems } = loadText(loadAzureNsgs, text);
    expect(problems).toEqual([]);
    const [asset] = models as NetworkAsset[];
    expect(asset.asset).toEqual({ kind: 'azure-firewall', id: `${HUB}/azureFirewalls/hub-fw`, name: 'hub-fw', account: '00000000-0000-0000-0000-000000000001', region: 'westeurope' });
    expect(asset.semantics).toBe('allow-only');
    expect(asset.rules.map((rule) => `${rule.id} ${rule.protocol} ${rule.ports.map((range) => `${range.from}-${range.to}`)} ${rule.remote.map((address) => address.kind)} ${rule.local?.map((address) => address.text)}`)).toEqual([
      'inbound/rdp tcp 3389-3389 any 10.20.1.4',
      // No translated port: DNAT keeps the firewall's.
      'inbound/ssh-range tcp 22-22 range 10.20.1.4',
    ]);
    const lines = text.split('\n');
    for (const rule of asset.rules) expect(lineText(lines, rule.location.line + 1)).toContain('"name": "');
    expect(asset.rules[0].label).toBe("DNAT rule 'rdp' of collection 'inbound' (firewall port 50001 to 10.20.1.4 port 3389)");
    // SSH is translated for one range of addresses only.
    expect(judged(models)).toEqual([`net/rdp-open-to-world ${asset.rules[0].location.line} azure-firewall:hub-fw`]);
  });

  it('reads ARM REST pages (fields under properties) into the same rules as az and the SDK, among NSGs', () => {
    const flat = loadText(loadAzureNsgs, JSON.stringify([CLASSIC], null, 2));
    const page = loadText(loadAzureNsgs, JSON.stringify({ value: [nested(CLASSIC)] }, null, 2));
    expect(page.problems).toEqual([]);
    const [asset] = page.models as NetworkAsset[];
    expect(asset.rules.map(withoutLines)).toEqual((flat.models as NetworkAsset[])[0].rules.map(withoutLines));
    expect(asset.rules.map((rule) => rule.location.line)).not.toEqual((flat.models as NetworkAsset[])[0].rules.map((rule) => rule.location.line));
  });

  it("reads a policy's rule collection groups: its NAT collections, not its network and application rule collections", () => {
    const listing = [
      group('dnat', [
        { ruleCollectionType: 'FirewallPolicyNatRuleCollection', name: 'flow', priority: 100, action: { type: 'DNAT' }, rules: [{ ruleType: 'NatRule', name: 'flow', ipProtocols: ['TCP', 'UDP'], sourceAddresses: [], sourceIpGroups: [`${HUB}/ipGroups/partners`], destinationAddresses: ['20.61.12.8'], destinationPorts: ['443'], translatedFqdn: 'flow.internal.example.com', translatedPort: '8084' }] },
        { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'east-west', priority: 200, action: { type: 'Allow' }, rules: [{ ruleType: 'NetworkRule', name: 'all', ipProtocols: ['Any'], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['*'] }] },
      ]),
    ];
    const { models, problems } = loadText(loadAzureNsgs, JSON.stringify(listing, null, 2));
    expect(problems).toEqual([]);
    const [asset] = models as NetworkAsset[];
    expect(asset.asset.id).toBe(`${POLICY}/ruleCollectionGroups/dnat`);
    // An IP group's addresses are another resource's: it may hold public ones.
    expect(asset.rules.map((rule) => `${rule.id} ${rule.protocol} ${JSON.stringify(rule.remote[0])} ${rule.local?.[0].text}`)).toEqual([
      `flow/flow/tcp tcp {"kind":"symbol","name":"partners","public":"unknown","text":"${HUB}/ipGroups/partners"} flow.internal.example.com`,
      `flow/flow/udp udp {"kind":"symbol","name":"partners","public":"unknown","text":"${HUB}/ipGroups/partners"} flow.internal.example.com`,
    ]);
    expect(judged(models)).toEqual([`net/app-port-public ${asset.rules[0].location.line} azure-firewall:dnat`]);
  });

  it('says when a firewall takes its rules from a policy whose groups the file does not hold, and not when it does', () => {
    const governed = firewall('policy-fw', [], { firewallPolicy: { id: POLICY } });
    const alone = loadText(loadAzureNsgs, JSON.stringify([governed], null, 2));
    expect(alone.problems.map((problem) => `${problem.level} ${problem.id} ${problem.line}`)).toEqual(['warning azure/firewall-policy-not-listed 2']);
    expect(alone.problems[0].message).toContain("firewall 'policy-fw' takes its rules from firewall policy 'hub-policy'");
    const together = loadText(loadAzureNsgs, JSON.stringify([governed, group('dnat', [])], null, 2));
    expect(together.problems).toEqual([]);
    const shown = loadText(loadAzureNsgs, JSON.stringify(governed, null, 2));
    expect(shown.problems.map((problem) => problem.id)).toEqual(['azure/firewall-policy-not-listed']);
  });

  it('reports a rule it cannot read at its line, and judges the others', () => {
    const broken = firewall('hub-fw', [
      { name: 'inbound', priority: 100, action: { type: 'Dnat' }, rules: [natRule('bad-protocol', { protocols: ['TCP', 'GRE?'], translatedPort: '22' }), natRule('no-source', { sourceAddresses: [], translatedPort: '22' }), natRule('bad-port', { translatedPort: '22-' }), natRule('rdp', { translatedPort: '3389' })] },
      { name: 'odd', priority: 200, action: { type: 'Redirect' }, rules: [natRule('x', {})] },
    ]);
    const text = JSON.stringify([broken], null, 2);
    const { models, problems } = loadText(loadAzureNsgs, text);
    const lines = text.split('\n');
    expect(problems.map((problem) => `${problem.level} ${problem.id} ${lineText(lines, problem.line ?? 0).trim()}`)).toEqual([
      'error azure/invalid-rule {',
      'error azure/invalid-rule {',
      'error azure/invalid-rule {',
      'error azure/invalid-rule {',
    ]);
    expect(problems.map((problem) => problem.message.split(' — ')[0])).toEqual([
      `firewall 'hub-fw': DNAT rule 'bad-protocol' of collection 'inbound': protocol 'GRE?' is not TCP, UDP, ICMP or Any`,
      `firewall 'hub-fw': DNAT rule 'no-source' of collection 'inbound': has no source address nor IP group`,
      `firewall 'hub-fw': DNAT rule 'bad-port' of collection 'inbound': port '22-' is not a port or range`,
      `firewall 'hub-fw': NAT rule collection 'odd': action 'Redirect' is not Dnat or Snat`,
    ]);
    expect((models as NetworkAsset[])[0].rules.map((rule) => rule.id)).toEqual(['inbound/rdp']);
  });

  it('is told an Azure export by its content: the ARM types, or the lists only firewalls and policies write', () => {
    const untyped = (item: Record<string, unknown>) => JSON.stringify([{ ...item, type: undefined }]);
    expect(looksLikeAzureNsgs('firewalls.json', JSON.stringify([CLASSIC]))).toBe(true);
    expect(looksLikeAzureNsgs('firewalls.json', untyped(CLASSIC))).toBe(true);
    expect(looksLikeAzureNsgs('groups.json', untyped(group('dnat', [{ ruleCollectionType: 'FirewallPolicyNatRuleCollection', rules: [] }])))).toBe(true);
    expect(looksLikeAzureNsgs('groups.json', JSON.stringify([group('empty', [])]))).toBe(true);
    expect(looksLikeAzureNsgs('other.json', JSON.stringify([{ name: 'x', rules: [] }]))).toBe(false);
    // A module's metadata names the type it deploys, but lists no resource of it.
    expect(looksLikeAzureNsgs('metadata.json', JSON.stringify({ $schema: 'https://example.com/avm-module-metadata.schema.json', canonicalType: 'Microsoft.Network/networkSecurityGroups' }))).toBe(false);
  });
});
