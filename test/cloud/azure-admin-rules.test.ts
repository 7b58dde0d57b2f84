import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { loadAzureNsgs } from '../../src/parsers/azure/load.js';
import { nsgOf } from '../sweep/azure-server.js';
import { lineText, loadText, withoutLines } from './support.js';

const COLLECTION = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/networkManagers/estate/securityAdminConfigurations/estate-admin/ruleCollections/spokes';
const TYPE = 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules';

/** An admin rule as az and the SDK print it (fields flattened), of `collection`. */
function flattened(name: string, fields: Record<string, unknown>, collection = COLLECTION): Record<string, unknown> {
  return { id: `${collection}/rules/${name}`, name, type: TYPE, kind: 'Custom', resourceGroup: 'rg-net', provisioningState: 'Succeeded', ...fields };
}

/** The same rule as ARM's REST API answers it, its fields under `properties`. */
function nested(rule: Record<string, unknown>): Record<string, unknown> {
  const { id, name, type, kind, resourceGroup: _group, ...properties } = rule;
  return { id, name, type, kind, properties };
}

const internet = [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }];
const RULES_LISTED = [
  flattened('always-ssh', { access: 'AlwaysAllow', direction: 'Inbound', priority: 100, protocol: 'Tcp', sources: internet, destinations: [], sourcePortRanges: [], destinationPortRanges: ['22'] }),
  flattened('always-rdp', { access: 'AlwaysAllow', direction: 'Inbound', priority: 300, protocol: 'Tcp', sources: internet, destinations: [], sourcePortRanges: [], destinationPortRanges: ['3389'] }),
  // Listed after the AlwaysAllow it comes before.
  flattened('deny-rdp', { access: 'Deny', direction: 'Inbound', priority: 200, protocol: 'Any', sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }], destinations: [], sourcePortRanges: [], destinationPortRanges: ['3389'] }),
  flattened('to-nsgs', { access: 'Allow', direction: 'Inbound', priority: 50, protocol: 'Tcp', sources: internet, destinations: [], sourcePortRanges: [], destinationPortRanges: ['8081'] }),
];

const judged = (models: unknown[]) => {
  const assets = models as NetworkAsset[];
  const findings = [];
  for (const rule of RULES) if (rule.input === 'network') for (const asset of assets) findings.push(...rule.check(asset as never, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${finding.location.line} ${asset.asset.kind}:${asset.asset.name}`));
  return findings.sort();
};

describe('Azure security admin rules in a listing (az, the SDK, ARM REST)', () => {
  it('judges each rule collection once all its rules are read: an AlwaysAllow opens, a Deny before it drops, an Allow hands to the NSGs', () => {
    const text = JSON.stringify(RULES_LISTED, null, 2);
    const { models, problems } = loadText(loadAzureNsgs, text);
    expect(problems).toEqual([]);
    const [collection] = models as NetworkAsset[];
    expect(models).toHaveLength(1);
    expect(collection.asset).toEqual({ kind: 'azure-admin-rules', id: COLLECTION, name: 'spokes', account: '00000000-0000-0000-0000-000000000001' });
    expect(collection.rules.map((rule) => `${rule.priority} ${rule.action} ${rule.id}`)).toEqual(['100 allow always-ssh', '200 deny deny-rdp', '300 allow always-rdp']);
    const lines = text.split('\n');
    for (const rule of collection.rules) expect(lineText(lines, rule.location.line + 1)).toContain(`/rules/${rule.id}"`);
    // The AlwaysAllow of RDP after the Deny never takes effect.
    expect(judged(models)).toEqual([`net/shadowed-rule ${collection.rules[2].location.line} azure-admin-rules:spokes`, `net/ssh-open-to-world ${collection.rules[0].location.line} azure-admin-rules:spokes`]);
  });

  it('reads ARM REST pages (fields under properties) into the same rules as az and the SDK, among NSGs', () => {
    const flat = loadText(loadAzureNsgs, JSON.stringify(RULES_LISTED, null, 2));
    const page = loadText(loadAzureNsgs, JSON.stringify({ value: [nsgOf('00000000-0000-0000-0000-000000000001', 0), ...RULES_LISTED.map(nested)] }, null, 2));
    expect(page.problems).toEqual([]);
    const kinds = (page.models as NetworkAsset[]).map((model) => model.asset.kind);
    expect(kinds).toEqual(['azure-nsg', 'azure-admin-rules']);
    expect((page.models as NetworkAsset[])[1].rules.map(withoutLines)).toEqual((flat.models as NetworkAsset[])[0].rules.map(withoutLines));
  });

  it('keeps the rules of each collection apart: a Deny protects only its own collection', () => {
    const other = `${COLLECTION.slice(0, COLLECTION.lastIndexOf('/'))}/hub`;
    const { id: _id, ...rdp } = RULES_LISTED[1];
    const listed = [RULES_LISTED[2], flattened('always-rdp', rdp, other)];
    const { models } = loadText(loadAzureNsgs, JSON.stringify(listed, null, 2));
    expect((models as NetworkAsset[]).map((model) => model.asset.id)).toEqual([COLLECTION, other]);
    expect(judged(models).map((finding) => finding.split(' ')[0])).toEqual(['net/rdp-open-to-world']);
  });

  it('reads one rule (az … rule show) as a collection of one', () => {
    const { models, problems } = loadText(loadAzureNsgs, JSON.stringify(RULES_LISTED[0], null, 2));
    expect(problems).toEqual([]);
    expect(judged(models)).toEqual(['net/ssh-open-to-world 1 azure-admin-rules:spokes']);
  });

  it("reports a rule it cannot read, and Azure's default rules, and judges the others", () => {
    const listed = [
      flattened('bad', { access: 'Sometimes', direction: 'Inbound', priority: 10, protocol: 'Tcp' }),
      { id: `${COLLECTION}/rules/vnet-in`, name: 'vnet-in', type: TYPE, kind: 'Default', flag: 'AllowVnetInbound', access: 'Allow' },
      RULES_LISTED[0],
    ];
    const text = JSON.stringify(listed, null, 2);
    const { models, problems } = loadText(loadAzureNsgs, text);
    const defaultRuleLine = text.split('\n').findIndex((line) => line.includes('/rules/vnet-in"'));
    expect(problems.map((problem) => [problem.id, problem.level, problem.line])).toEqual([['azure/invalid-rule', 'error', 2], ['azure/not-modelled', 'warning', defaultRuleLine]]);
    expect(problems[0].message).toContain("access 'Sometimes' is not Allow, AlwaysAllow or Deny");
    expect(problems[1].message).toContain("one of Azure's default admin rules (flag 'AllowVnetInbound')");
    expect(judged(models).map((finding) => finding.split(' ')[0])).toEqual(['net/ssh-open-to-world']);
  });
});
