import { describe, expect, it } from 'vitest';
import { ALL_PORTS, type NetworkAsset } from '../../src/network/model.js';
import { looksLikeGcpFirewalls } from '../../src/parsers/gcp/detect.js';
import { loadGcpFirewalls } from '../../src/parsers/gcp/load.js';
import { lineText, loadCorpus, loadText, withoutLines } from './support.js';

const load = loadGcpFirewalls;
const rest = loadCorpus(load, 'gcp/firewalls-list-rest.json');
const sdk = loadCorpus(load, 'gcp/sdk-compute-FirewallsClient-listAsync-output.json');
const prod = () => rest.assets.find((asset) => asset.asset.name === 'prod')!;

describe('gcp firewall rules', () => {
  it('makes one asset per VPC network, with the project as account', () => {
    expect(rest.assets.map((asset) => asset.asset)).toEqual(['default', 'prod'].map((name) => ({
      kind: 'gcp-network', id: `https://www.googleapis.com/compute/v1/projects/my-project/global/networks/${name}`, name, account: 'my-project',
    })));
    for (const asset of rest.assets) {
      expect(asset.semantics).toBe('first-match');
      for (const scope of asset.scopes) expect(scope).toMatchObject({ defaultInbound: 'deny', defaultOutbound: 'allow' });
    }
  });

  it('reads the REST list and the SDK output (with _ markers and [] fields) into the same rules', () => {
    expect(rest.result.problems.map((problem) => problem.id)).toEqual(['gcp/more-pages']);
    expect(sdk.result.problems).toEqual([]);
    expect(sdk.assets.map((asset) => asset.rules.map(withoutLines))).toEqual(rest.assets.map((asset) => asset.rules.map(withoutLines)));
  });

  it('locates every rule at its firewall rule object', () => {
    for (const { assets, lines } of [rest, sdk]) {
      for (const rule of assets.flatMap((asset) => asset.rules)) {
        expect(lineText(lines, rule.location.line).trim()).toBe('{');
        const name = rule.id.slice(0, rule.id.indexOf('/'));
        const object = lines.slice(rule.location.line, rule.location.line + 60).join('\n');
        expect(object.slice(0, object.indexOf('\n  }'))).toContain(`"name": "${name}"`);
      }
    }
  });

  it('makes one rule per allowed/denied entry, ports absent meaning all, and orders deny first at equal priority', () => {
    const rules = prod().rules;
    expect(rules.map((rule) => [rule.id, rule.action, rule.protocol, rule.priority])).toEqual([
      ['deny-all-from-tagged/denied[0]', 'deny', 'any', 200],
      ['rdp-disabled/allowed[0]', 'allow', 'tcp', 1801],
      ['egress-deny-smtp/denied[0]', 'deny', 'tcp', 2000],
      ['app-ports-v4-v6/allowed[0]', 'allow', 'tcp', 2001],
      ['app-ports-v4-v6/allowed[1]', 'allow', 'udp', 2001],
      ['app-ports-v4-v6/allowed[2]', 'allow', 'icmp', 2001],
    ]);
    const [deny, rdp, smtp, tcp, udp] = rules;
    expect(deny.remote).toEqual([{ kind: 'group', ref: 'tag:untrusted', text: 'untrusted' }]);
    expect(rdp).toMatchObject({ enabled: false, scopes: ['serviceAccount:win-vm@my-project.iam.gserviceaccount.com'] });
    expect(smtp).toMatchObject({ direction: 'outbound', ports: [{ from: 25, to: 25 }], remote: [{ kind: 'cidr', cidr: '0.0.0.0/0' }] });
    expect(tcp).toMatchObject({ scopes: ['tag:web'], ports: [{ from: 8081, to: 8081 }, { from: 8084, to: 8084 }, { from: 8000, to: 9000 }] });
    expect(udp.ports).toEqual([ALL_PORTS]);
    expect(prod().scopes.map((scope) => scope.name)).toEqual(['every instance', 'tag:web', 'serviceAccount:win-vm@my-project.iam.gserviceaccount.com']);
  });

  it('treats a rule without source as the API does: from 0.0.0.0/0', () => {
    const [asset] = loadText(load, JSON.stringify({ name: 'r', network: 'projects/p1/global/networks/n', allowed: [{ IPProtocol: '6', ports: ['22'] }] })).models as NetworkAsset[];
    expect(asset.asset).toMatchObject({ id: 'projects/p1/global/networks/n', name: 'n', account: 'p1' });
    expect(asset.rules[0]).toMatchObject({ protocol: 'tcp', priority: 2001, remote: [{ kind: 'cidr', cidr: '0.0.0.0/0' }] });
  });
});

describe('gcp effective firewalls (gcloud compute networks get-effective-firewalls --format=json)', () => {
  const network = 'https://www.googleapis.com/compute/v1/projects/p/global/networks/default';
  const policyRule = (action: string, extra: Record<string, unknown> = {}) => ({ kind: 'compute#firewallPolicyRule', priority: 1000, action, direction: 'INGRESS', match: { srcIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }] }, ...extra });
  const effective = (firewallPolicys: unknown[], firewalls: unknown[] = [{ kind: 'compute#firewall', name: 'rdp', network, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }] }]) =>
    JSON.stringify({ firewalls, firewallPolicys }, null, 2);

  it('judges its firewall rules and each firewall policy, every rule at its line', () => {
    const text = effective([
      { name: '1234', shortName: 'org-baseline', type: 'HIERARCHY', rules: [policyRule('allow'), policyRule('allow', { disabled: true, priority: 1001 }), policyRule('goto_next', { priority: 1002 })] },
      { name: 'only-denies', type: 'NETWORK', rules: [policyRule('deny'), policyRule('allow', { direction: 'EGRESS', priority: 1001 })] },
    ]);
    const result = loadText(load, text);
    expect(result.problems).toEqual([]);
    const [network, baseline, denies] = result.models as NetworkAsset[];
    expect(network.asset.name).toBe('default');
    const lines = text.split('\n');
    // At the line of the rule's `{`, the one before its "kind" (findIndex counts from 0, lines from 1).
    expect(network.rules.map((rule) => [rule.id, rule.location.line])).toEqual([['rdp/allowed[0]', lines.findIndex((line) => line.includes('"kind": "compute#firewall"'))]]);
    expect([baseline.asset, denies.asset]).toEqual([{ kind: 'gcp-firewall-policy', id: '1234', name: 'org-baseline' }, { kind: 'gcp-firewall-policy', id: 'only-denies', name: 'only-denies' }]);
    // goto_next hands traffic on: it is not a rule of the policy's own.
    expect(baseline.rules.map((rule) => [rule.priority, rule.action, rule.enabled])).toEqual([[1000, 'allow', true], [1001, 'allow', false]]);
    const ruleLines = lines.flatMap((line, index) => (line.includes('"kind": "compute#firewallPolicyRule"') ? [index] : []));
    expect(baseline.rules.map((rule) => rule.location.line)).toEqual(ruleLines.slice(0, 2));
    expect(denies.rules.map((rule) => [rule.action, rule.direction])).toEqual([['deny', 'inbound'], ['allow', 'outbound']]);
  });

  it('is read with no firewall rule; without rules or policies it is empty', () => {
    const policyOnly = effective([{ name: 'n', type: 'NETWORK', rules: [policyRule('allow')] }], []);
    expect(looksLikeGcpFirewalls('effective.json', policyOnly)).toBe(true);
    const result = loadText(load, policyOnly);
    expect(result.problems).toEqual([]);
    expect((result.models as NetworkAsset[]).map((model) => model.asset.kind)).toEqual(['gcp-firewall-policy']);
    expect(loadText(load, effective([], [])).problems.map((problem) => problem.id)).toEqual(['gcp/empty']);
  });
});

describe('gcp bad input', () => {
  it('reports a rule it cannot read at its line and judges the others', () => {
    const text = JSON.stringify([
      { name: 'ok', network: 'projects/p/global/networks/n', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] },
      { name: 'broken', network: 'projects/p/global/networks/n', sourceRanges: ['0.0.0.0/33'], allowed: [{ IPProtocol: 'tcp' }] },
    ], null, 2);
    const result = loadText(load, text);
    expect((result.models[0] as NetworkAsset).rules).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ level: 'error', line: text.split('\n').findIndex((line) => line.includes('"broken"')) })]);
    expect(result.problems[0].message).toMatch(/firewall rule 'broken': sourceRanges entry '0.0.0.0\/33' is not a CIDR/);
  });

  it('says a Google API error is an error response', () => {
    const result = loadText(load, '{"error": {"code": 403, "message": "Required \'compute.firewalls.list\' permission for \'projects/p\'", "status": "PERMISSION_DENIED"}}');
    expect(result.problems[0].message).toMatch(/Google Cloud error response, not a listing \(403: Required 'compute.firewalls.list'/);
  });

  it('does not call an empty listing clean', () => {
    expect(loadText(load, '{"kind": "compute#firewallList", "items": []}').problems[0]).toMatchObject({ level: 'error', id: 'gcp/empty' });
  });
});
