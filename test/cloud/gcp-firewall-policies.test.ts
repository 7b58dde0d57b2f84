import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { loadGcpFirewalls } from '../../src/parsers/gcp/load.js';
import { CORPUS, lineText, loadCorpus, loadText } from './support.js';

const load = loadGcpFirewalls;
const judged = (asset: NetworkAsset) => RULES.filter((rule) => rule.input === 'network').flatMap((rule) => rule.check(asset as never, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${finding.location.line}`));

describe('GCP firewall policies in real effective-firewalls exports (gcpdiag test data)', () => {
  it("an organisation's policy: its allows and its deny of every other IPv4 source, goto_next left to the next level", () => {
    const { result, assets, lines } = loadCorpus(load, 'gcp/gcpdiag-gke2-effective-firewalls.json');
    expect(result.problems).toEqual([]);
    const policy = assets.find((asset) => asset.asset.kind === 'gcp-firewall-policy')!;
    expect(policy.asset).toEqual({ kind: 'gcp-firewall-policy', id: '902824820698', name: 'default-firewall-policy' });
    expect(policy.rules.map((rule) => `${rule.priority} ${rule.direction} ${rule.action} ${rule.protocol}`)).toEqual([
      '0 inbound allow tcp', '0 inbound allow udp', '1 outbound allow tcp', '1 outbound allow udp', '600 inbound allow tcp', '700 inbound deny any',
    ]);
    for (const rule of policy.rules) expect(lineText(lines, rule.location.line + 1)).toContain('"kind": "compute#firewallPolicyRule"');
    // IAP's range may reach SSH and RDP (a public range: reported only against trusted networks); the Google ranges of
    // priority 0 may reach every TCP port, Flow's among them.
    const priorityZero = policy.rules[0].location.line;
    expect(judged(policy)).toEqual([`net/app-port-public ${priorityZero}`]);
  });

  it('two folder policies with private sources open nothing to the internet', () => {
    const { result, assets } = loadCorpus(load, 'gcp/gcpdiag-fw-policy-effective-firewalls.json');
    expect(result.problems).toEqual([]);
    const policies = assets.filter((asset) => asset.asset.kind === 'gcp-firewall-policy');
    expect(policies.map((policy) => [policy.asset.name, policy.rules.length])).toEqual([['parent-folder-policy', 1], ['sub-folder-policy', 2]]);
    // The sub-folder's allow for a service account is a scope of its own.
    expect(policies[1].scopes.map((scope) => scope.name)).toEqual(['every instance', 'serviceAccount:service-12340002@compute-system.iam.gserviceaccount.com']);
    expect(policies.flatMap(judged)).toEqual([]);
  });
});

describe('GCP firewall policies as items of a listing (parapet sweep gcp, gcloud … firewall-policies describe)', () => {
  const policy = (rules: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'compute#firewallPolicy', name: 'edge', type: 'NETWORK', selfLink: 'https://www.googleapis.com/compute/v1/projects/p/global/firewallPolicies/edge', rules, ...extra });
  const rule = (priority: number, action: string, ports: string[], source = '0.0.0.0/0') => ({ priority, action, direction: 'INGRESS', match: { srcIpRanges: [source], layer4Configs: [{ ipProtocol: 'tcp', ports }] } });

  it('judges a policy among firewall rules, by priority: a deny before an allow drops its traffic', () => {
    const text = JSON.stringify({ items: [policy([rule(100, 'deny', ['22']), rule(200, 'allow', ['22', '3389'])])] }, null, 2);
    const { models, problems } = loadText(load, text);
    expect(problems).toEqual([]);
    const [asset] = models as NetworkAsset[];
    expect(asset.asset).toEqual({ kind: 'gcp-firewall-policy', id: 'https://www.googleapis.com/compute/v1/projects/p/global/firewallPolicies/edge', name: 'edge' });
    expect(judged(asset).map((finding) => finding.split(' ')[0])).toEqual(['net/rdp-open-to-world']);
  });

  it('reads one policy alone, and reports a rule it cannot read while judging the others', () => {
    const text = JSON.stringify(policy([rule(100, 'permit', ['22']), rule(200, 'allow', ['22'])]), null, 2);
    const { models, problems } = loadText(load, text);
    expect(problems.map((problem) => [problem.id, problem.level])).toEqual([['gcp/invalid-rule', 'error']]);
    expect(problems[0].message).toContain("policy rule at priority 100: action 'permit' is not allow, deny, goto_next or apply_security_profile_group");
    expect(judged((models as NetworkAsset[])[0]).map((finding) => finding.split(' ')[0])).toEqual(['net/ssh-open-to-world']);
  });

  it('takes an allow without any source as from anywhere, and a deny without one as protecting nothing', () => {
    const bare = (priority: number, action: string) => ({ priority, action, direction: 'INGRESS', match: { layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }] } });
    const { models } = loadText(load, JSON.stringify(policy([bare(100, 'deny'), bare(200, 'allow')]), null, 2));
    const [asset] = models as NetworkAsset[];
    expect(asset.rules.map((candidate) => candidate.action)).toEqual(['allow']);
    expect(judged(asset).map((finding) => finding.split(' ')[0])).toEqual(['net/ssh-open-to-world']);
  });
});

describe('GCP levels: what a hierarchical policy drops is dropped before the levels below it are asked', () => {
  const network = 'https://www.googleapis.com/compute/v1/projects/p/global/networks/default';
  const firewall = (name: string, ports: string[]) => ({ kind: 'compute#firewall', name, network, priority: 65534, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports }] });
  const rule = (priority: number, action: string, ports: string[] | undefined, sources: string[]) => ({ priority, action, direction: 'INGRESS', match: { srcIpRanges: sources, layer4Configs: [{ ipProtocol: ports ? 'tcp' : 'all', ...(ports ? { ports } : {}) }] } });
  const ids = (findings: string[]) => findings.map((finding) => finding.split(' ')[0]).sort();

  it("gcpdiag's organisation policy drops every other IPv4 source: the network's default SSH and RDP rules are not open to the world", () => {
    const { assets } = loadCorpus(load, 'gcp/gcpdiag-gke2-effective-firewalls.json');
    const vpc = assets.find((asset) => asset.asset.kind === 'gcp-network')!;
    expect(ids(judged(vpc))).toEqual(['net/egress-open-to-world']);
    expect(vpc.rules[0].label).toBe("firewall policy 'default-firewall-policy': policy rule (priority 700) deny any");
    // The same network without its policies: both would be open to the world.
    const text = readFileSync(join(CORPUS, 'gcp/gcpdiag-gke2-effective-firewalls.json'), 'utf8');
    const alone = loadText(load, JSON.stringify({ ...JSON.parse(text), firewallPolicys: [] }, null, 2));
    expect(ids(judged((alone.models as NetworkAsset[])[0]))).toEqual(['net/egress-open-to-world', 'net/rdp-open-to-world', 'net/ssh-open-to-world']);
  });

  it("an organisation's deny stands before a folder's allow and the network's, but not before what it hands down", () => {
    const text = JSON.stringify({
      firewalls: [firewall('ssh-and-rdp', ['22', '3389'])],
      firewallPolicys: [
        { name: '1', shortName: 'org', type: 'HIERARCHY', rules: [rule(100, 'goto_next', ['3389'], ['0.0.0.0/0']), rule(200, 'deny', undefined, ['0.0.0.0/0'])] },
        { name: '2', shortName: 'folder', type: 'HIERARCHY', rules: [rule(100, 'allow', ['22', '3389'], ['0.0.0.0/0'])] },
        { name: '3', shortName: 'edge', type: 'NETWORK', rules: [rule(100, 'allow', ['22'], ['0.0.0.0/0'])] },
      ],
    }, null, 2);
    const { models, problems } = loadText(load, text);
    expect(problems).toEqual([]);
    const byName = new Map((models as NetworkAsset[]).map((model) => [model.asset.name, model]));
    // RDP goes down to the folder, which allows it; SSH is dropped at the organisation, whatever the levels below say.
    expect(ids(judged(byName.get('folder')!)).filter((id) => id !== 'net/shadowed-rule')).toEqual(['net/rdp-open-to-world']);
    expect(ids(judged(byName.get('edge')!)).filter((id) => id !== 'net/shadowed-rule')).toEqual([]);
    expect(ids(judged(byName.get('default')!)).filter((id) => id !== 'net/shadowed-rule' && id !== 'net/egress-open-to-world')).toEqual(['net/rdp-open-to-world']);
    expect(ids(judged(byName.get('org')!))).toEqual([]);
  });
});
