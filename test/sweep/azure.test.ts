import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { bundleSweeperRun, runSweeper } from './azure-child-process.js';
import type { RunRequest, RunResult, TargetOutcome } from './azure-run-sweeper.js';
import type { StubFirewall, StubFirewallPolicy } from './azure-firewall-resources.js';
import { startAzureStub, type AzureStub, type StubAdminRule, type StubOptions } from './azure-server.js';
import { throwAwayCertificate, type ThrowAwayCertificate } from './azure-tls.js';

/**
 * azureSweeper with the real @azure/identity and @azure/arm-network against a local https stand-in for Entra ID and
 * ARM. DefaultAzureCredential gets its token through its environment credential (AZURE_TENANT_ID, AZURE_CLIENT_ID,
 * AZURE_CLIENT_SECRET) from the stub's token endpoint (AZURE_AUTHORITY_HOST). The sweeper runs in a child process,
 * started with the stub's certificate in NODE_EXTRA_CA_CERTS (see azure-child-process.ts).
 */

const SECRET = 'stub-client-secret';
/** The two listings after which a subscription without firewall policies has been asked for its DNAT rules. */
const FIREWALL_LISTINGS = (subscriptionId: string) => ['azureFirewalls', 'firewallPolicies'].map((type) => `GET /subscriptions/${subscriptionId}/providers/Microsoft.Network/${type}`);
const sub = (n: number) => `${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;

let certificate: ThrowAwayCertificate;
let script: string;

beforeAll(async () => {
  certificate = throwAwayCertificate();
  script = await bundleSweeperRun(certificate.directory);
});
afterAll(() => certificate?.remove());

async function sweep(options: StubOptions, request: Omit<RunRequest, 'endpointUrl'> = {}, secret = SECRET): Promise<{ result: RunResult; stub: AzureStub }> {
  const stub = await startAzureStub(certificate, options);
  try {
    const env = { AZURE_TENANT_ID: 'tenant-1', AZURE_CLIENT_ID: 'client-1', AZURE_CLIENT_SECRET: secret, AZURE_AUTHORITY_HOST: stub.url };
    const result = await runSweeper(script, { ...request, endpointUrl: stub.url }, certificate.certificatePath, env);
    return { result, stub };
  } finally {
    await stub.close();
  }
}

/** `parapet scan` of a target's items written as an ARM listing, as the sweep writes its snapshot. */
async function scannedSnapshot(target: TargetOutcome, check: (scanned: Awaited<ReturnType<typeof scan>>, path: string) => void): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'parapet-azure-sweep-'));
  try {
    const path = join(directory, `${target.id}.json`);
    writeFileSync(path, JSON.stringify({ value: target.items }, null, 2));
    check(await scan({ paths: [path], rules: RULES, settings: DEFAULT_RULE_SETTINGS }), path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The items of a target read to the end, without failure or note, in pages of these sizes. */
function readWhole(target: TargetOutcome, pageSizes: number[]): Record<string, unknown>[] {
  expect(target.failure).toBeUndefined();
  expect(target.notes).toEqual([]);
  expect(target.pageSizes).toEqual(pageSizes);
  return target.items as Record<string, unknown>[];
}

function outcome(result: RunResult, subscriptionId: string): TargetOutcome {
  const found = result.outcomes.find((candidate) => candidate.id === `azure-${subscriptionId}`);
  if (!found) throw new Error(`no outcome for ${subscriptionId}: ${JSON.stringify(result.targets)}`);
  return found;
}

describe('azure sweep: every subscription the identity can see', () => {
  let result: RunResult;
  let stub: AzureStub;
  beforeAll(async () => {
    ({ result, stub } = await sweep({
      clientSecret: SECRET,
      subscriptionPageSize: 2,
      subscriptions: [
        { id: sub(3), displayName: 'Production', nsgs: 5, pageSize: 2 },
        { id: sub(1), displayName: 'Throttled once', nsgs: 2, throttleFirst: 1, retryAfterSeconds: 1 },
        { id: sub(2), displayName: 'No access', nsgs: 2, failWith: { status: 403, code: 'AuthorizationFailed', message: "The client 'client-1' with object id 'x' does not have authorization to perform action 'Microsoft.Network/networkSecurityGroups/read'." } },
        { id: sub(4), displayName: 'Throttled for good', nsgs: 2, throttleFirst: 1_000, retryAfterSeconds: 0 },
        { id: sub(5), displayName: 'Unavailable once', nsgs: 1, unavailableFirst: 1 },
        { id: sub(6), displayName: 'Expired token', nsgs: 1, failWith: { status: 401, code: 'ExpiredAuthenticationToken', message: 'The access token expiry UTC time is earlier than current UTC time.' } },
        { id: sub(7), displayName: 'Hostile\u001b[2J', nsgs: 1, failWith: { status: 400, code: 'Bad\u202eRequest', message: `password=${'hunter2'.repeat(3)} \u001b[31mred\u001b[0m ${'x'.repeat(400)}` } },
      ],
    }));
  });

  it('lists the subscriptions across pages of the listing, in id order, named by their display names', () => {
    expect(result.failures).toEqual([]);
    expect(result.targets).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `azure-${sub(n)}`, label: expect.stringMatching(new RegExp(`^Azure subscription ${sub(n)} \\('.+'\\)$`)) })));
    expect(result.targets[2].label).toBe(`Azure subscription ${sub(3)} ('Production')`);
    // Seven subscriptions, two a page.
    expect(stub.requests.filter((request) => request === 'GET /subscriptions')).toHaveLength(4);
  });

  it('reads every page of a subscription to the end, each NSG with its id and location, in the SDK shape the loader reads', () => {
    const production = outcome(result, sub(3));
    expect(production.failure).toBeUndefined();
    expect(production.pageSizes).toEqual([2, 2, 1]);
    const items = production.items as Record<string, unknown>[];
    expect(items.map((item) => item.name)).toEqual(['web-nsg-0', 'orphan-nsg-1', 'web-nsg-2', 'orphan-nsg-3', 'web-nsg-4']);
    for (const item of items) {
      expect(item.id).toBe(`/subscriptions/${sub(3)}/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/${item.name}`);
      expect(item.location).toBe('westeurope');
      expect(Array.isArray(item.securityRules)).toBe(true);
    }
  });

  it('waits out a 429 with Retry-After through the pipeline and then reads the subscription', () => {
    const throttled = outcome(result, sub(1));
    expect(throttled.failure).toBeUndefined();
    expect(throttled.items).toHaveLength(2);
    // The 429, the NSG page, and the (empty) listings of network managers, firewalls and firewall policies.
    expect(stub.requests.filter((request) => request.includes(sub(1)))).toHaveLength(5);
  });

  it('fails a subscription it may not read as unreadable, naming it and the ARM error, and reads the others', () => {
    const denied = outcome(result, sub(2));
    expect(denied.failure?.kind).toBe('unreadable');
    expect(denied.failure?.message).toContain(`Azure subscription ${sub(2)} ('No access')`);
    expect(denied.failure?.message).toContain("HTTP 403 'AuthorizationFailed'");
    expect(denied.failure?.message).toContain('does not have authorization');
    // 403 is an answer, not a fault: asked once; and a subscription whose NSGs cannot be read is not read further.
    expect(stub.requests.filter((request) => request.includes(sub(2)))).toHaveLength(1);
  });

  it('gives up on throttling that does not end after the pipeline retries (6 attempts)', () => {
    const throttled = outcome(result, sub(4));
    expect(throttled.failure?.kind).toBe('unreadable');
    expect(throttled.failure?.message).toContain("HTTP 429 'TooManyRequests'");
    expect(stub.requests.filter((request) => request.includes(sub(4)))).toHaveLength(6);
  });

  it('retries a 503 without Retry-After with the pipeline backoff', () => {
    expect(outcome(result, sub(5)).failure).toBeUndefined();
    expect(outcome(result, sub(5)).items).toHaveLength(1);
    // The 503, the NSG page, and the (empty) listings of network managers, firewalls and firewall policies.
    expect(stub.requests.filter((request) => request.includes(sub(5)))).toHaveLength(5);
  });

  it('fails a subscription whose token ARM refuses as credentials', () => {
    expect(outcome(result, sub(6)).failure).toMatchObject({ kind: 'credentials', message: expect.stringContaining("HTTP 401 'ExpiredAuthenticationToken'") });
  });

  it('quotes what an error answer says: escaped, cut, and without what looks like a credential', () => {
    const hostile = outcome(result, sub(7));
    expect(hostile.label).toBe(`Azure subscription ${sub(7)} ('Hostile\\x1b[2J')`);
    const message = hostile.failure?.message ?? '';
    expect(message).toContain("'Bad\\u{202e}Request'");
    expect(message).toContain('\\x1b[31mred');
    expect(message).not.toContain('hunter2');
    expect(message).not.toMatch(/[\u001b\u202e]/);
    expect(message.length).toBeLessThan(400);
  });

  it('yields items that, written as an ARM listing, `parapet scan` judges with findings and no problems', async () => {
    await scannedSnapshot(outcome(result, sub(3)), (scanned, path) => {
      expect(scanned.problems).toEqual([]);
      expect(scanned.scannedFiles).toEqual([path]);
      expect(scanned.findings.length).toBeGreaterThan(0);
      const assets = new Set(scanned.findings.map((finding) => finding.asset.id));
      expect(assets).toContain(`/subscriptions/${sub(3)}/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/web-nsg-0`);
      const rdp = scanned.findings.find((finding) => finding.asset.id.endsWith('/web-nsg-2') && finding.message.includes('3389'));
      expect(rdp?.location.file).toBe(path);
    });
  });
});

describe('azure sweep: refused credentials', () => {
  it('fails the subscription listing as credentials, with the token endpoint reason', async () => {
    const { result, stub } = await sweep({ clientSecret: SECRET, subscriptions: [{ id: sub(1), nsgs: 1 }] }, {}, 'wrong-secret');
    expect(result.targets).toEqual([]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ label: 'Azure subscriptions', kind: 'credentials' });
    expect(result.failures[0].message).toContain('AADSTS7000215');
    expect(stub.requests.some((request) => request.startsWith('GET /subscriptions'))).toBe(false);
  });

  it('fails each named subscription as credentials', async () => {
    const { result } = await sweep({ clientSecret: SECRET, subscriptions: [{ id: sub(1), nsgs: 1 }, { id: sub(2), nsgs: 1 }] }, { subscriptions: [sub(1), sub(2)] }, 'wrong-secret');
    expect(result.outcomes.map((target) => target.failure?.kind)).toEqual(['credentials', 'credentials']);
    expect(result.outcomes[0].failure?.message).toContain(`Azure subscription ${sub(1)}`);
    expect(result.outcomes[0].failure?.message).toContain('AADSTS7000215');
  });
});

describe('azure sweep: named subscriptions', () => {
  it('reads only those named, once each, and refuses a name that is not a subscription id without asking ARM', async () => {
    const { result, stub } = await sweep(
      { clientSecret: SECRET, subscriptions: [{ id: sub(1), nsgs: 1 }, { id: sub(2), nsgs: 1 }] },
      { subscriptions: [sub(2), sub(2), '../etc/passwd'] },
    );
    expect(result.targets).toEqual([{ id: `azure-${sub(2)}`, label: `Azure subscription ${sub(2)}` }]);
    expect(result.failures).toEqual([{ label: "Azure subscription '../etc/passwd'", kind: 'unreadable', message: expect.stringContaining('is not a subscription id') }]);
    expect(outcome(result, sub(2)).items).toHaveLength(1);
    expect(stub.requests.some((request) => request.startsWith('GET /subscriptions') && !request.includes(sub(2)))).toBe(false);
  });
});

describe('azure sweep: many subscriptions at once', () => {
  it('reads subscriptions concurrently: the time of the slowest chain of pages, not the sum', async () => {
    const subscriptions = Array.from({ length: 12 }, (_, index) => ({ id: sub(index + 1), nsgs: 4, pageSize: 2, delayMs: 300 }));
    const { result, stub } = await sweep({ clientSecret: SECRET, subscriptions });
    expect(result.outcomes.map((target) => target.pageSizes)).toEqual(subscriptions.map(() => [2, 2]));
    // 12 subscriptions x 2 pages x 300 ms = 7.2 s one after another; one chain is 0.6 s.
    expect(result.elapsedMs).toBeLessThan(4_000);
    expect(stub.maxNsgRequestsInFlight).toBeGreaterThanOrEqual(6);
  });
});

describe('azure sweep: security admin rules of network managers', () => {
  const managerId = (subscriptionId: string) => `/subscriptions/${subscriptionId}/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/hub-manager`;
  const collectionId = (subscriptionId: string) => `${managerId(subscriptionId)}/securityAdminConfigurations/baseline/ruleCollections/platform`;
  const anywhere = [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }] as const;
  const rule = (name: string, access: StubAdminRule['access'], priority: number, port: string): StubAdminRule => ({
    name,
    access,
    direction: 'Inbound',
    priority,
    protocol: 'Tcp',
    sources: [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }],
    destinations: [...anywhere],
    sourcePortRanges: ['0-65535'],
    destinationPortRanges: [port],
  });
  const networkManagers = [
    {
      resourceGroup: 'rg-network',
      name: 'hub-manager',
      configurations: [{ name: 'baseline', collections: [{ name: 'platform', pageSize: 2, rules: [rule('always-allow-ssh', 'AlwaysAllow', 10, '22'), rule('deny-rdp', 'Deny', 20, '3389'), rule('allow-https', 'Allow', 30, '443')] }] }],
    },
  ];

  let result: RunResult;
  let stub: AzureStub;
  beforeAll(async () => {
    ({ result, stub } = await sweep({
      clientSecret: SECRET,
      subscriptions: [
        { id: sub(1), displayName: 'Managed', nsgs: 3, pageSize: 2, networkManagers },
        {
          id: sub(2),
          displayName: 'Managers hidden',
          nsgs: 3,
          pageSize: 2,
          networkManagers,
          networkManagersFailWith: { status: 403, code: 'AuthorizationFailed', message: "The client 'client-1' with object id 'x' does not have authorization to perform action 'Microsoft.Network/networkManagers/read'." },
        },
        { id: sub(3), displayName: 'Unmanaged', nsgs: 1 },
      ],
    }));
  });

  it('yields the rules of every collection after the NSGs, a page at a time, each as the SDK flattens it', () => {
    const items = readWhole(outcome(result, sub(1)), [2, 1, 2, 1]);
    expect(items.map((item) => item.name)).toEqual(['web-nsg-0', 'orphan-nsg-1', 'web-nsg-2', 'always-allow-ssh', 'deny-rdp', 'allow-https']);
    expect(items[3]).toMatchObject({
      id: `${collectionId(sub(1))}/rules/always-allow-ssh`,
      type: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules',
      kind: 'Custom',
      access: 'AlwaysAllow',
      direction: 'Inbound',
      priority: 10,
      protocol: 'Tcp',
      sources: [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }],
      destinationPortRanges: ['22'],
    });
    expect(items[3]).not.toHaveProperty('properties');
    expect(items.slice(4).map((item) => item.access)).toEqual(['Deny', 'Allow']);
  });

  it('walks managers, configurations, collections and rules one request after another, after the NSGs', () => {
    const base = `GET ${managerId(sub(1))}/securityAdminConfigurations`;
    expect(stub.requests.filter((request) => request.includes(sub(1)))).toEqual([
      `GET /subscriptions/${sub(1)}/providers/Microsoft.Network/networkSecurityGroups`,
      `GET /subscriptions/${sub(1)}/providers/Microsoft.Network/networkSecurityGroups`,
      `GET /subscriptions/${sub(1)}/providers/Microsoft.Network/networkManagers`,
      base,
      `${base}/baseline/ruleCollections`,
      `${base}/baseline/ruleCollections/platform/rules`,
      `${base}/baseline/ruleCollections/platform/rules`,
      ...FIREWALL_LISTINGS(sub(1)),
    ]);
  });

  it('costs a subscription without a network manager (nor firewalls) one request more than its NSGs (three more)', () => {
    const unmanaged = outcome(result, sub(3));
    expect(unmanaged.failure).toBeUndefined();
    expect(unmanaged.notes).toEqual([]);
    expect(unmanaged.items).toHaveLength(1);
    expect(stub.requests.filter((request) => request.includes(sub(3)))).toEqual([
      `GET /subscriptions/${sub(3)}/providers/Microsoft.Network/networkSecurityGroups`,
      `GET /subscriptions/${sub(3)}/providers/Microsoft.Network/networkManagers`,
      ...FIREWALL_LISTINGS(sub(3)),
    ]);
  });

  it('notes, without failing the subscription, that admin rules it may not read leave AlwaysAllow openings unjudged', () => {
    const hidden = outcome(result, sub(2));
    expect(hidden.failure).toBeUndefined();
    expect((hidden.items as Record<string, unknown>[]).map((item) => item.name)).toEqual(['web-nsg-0', 'orphan-nsg-1', 'web-nsg-2']);
    expect(hidden.notes).toEqual([{ id: 'sweep/not-modelled', message: expect.stringContaining("HTTP 403 'AuthorizationFailed'") }]);
    const [{ message }] = hidden.notes;
    expect(message).toMatch(/^its security admin rules could not be read \(listing network managers failed: /);
    expect(message).toContain('AlwaysAllow');
    // The note is the subscription's: the sweep shows it after the subscription's label, as it does every note.
    expect(result.outcomes.filter((target) => target.notes.length > 0).map((target) => target.label)).toEqual([`Azure subscription ${sub(2)} ('Managers hidden')`]);
    // 403 is an answer, not a fault: asked once, and the walk ends there.
    expect(stub.requests.filter((request) => request.includes(sub(2)) && request.includes('networkManagers'))).toHaveLength(1);
  });

  it('yields items that `parapet scan` judges: the AlwaysAllow of SSH from the internet is a finding on its rule collection', async () => {
    await scannedSnapshot(outcome(result, sub(1)), (scanned) => {
      expect(scanned.problems).toEqual([]);
      const ssh = scanned.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world' && finding.asset.kind === 'azure-admin-rules');
      expect(ssh.map((finding) => finding.asset.id)).toEqual([collectionId(sub(1))]);
    });
  });
});

describe('azure sweep: DNAT rules of Azure Firewalls and firewall policies', () => {
  const natRule = (name: string, sources: string[], port: string) => ({ name, protocols: ['TCP'], sourceAddresses: sources, sourceIpGroups: [], destinationAddresses: ['20.61.12.8'], destinationPorts: ['50001'], translatedAddress: '10.20.1.4', translatedPort: port });
  const firewalls: StubFirewall[] = [
    { resourceGroup: 'rg-hub', name: 'hub-fw', natRuleCollections: [{ name: 'inbound', priority: 100, action: 'Dnat', rules: [natRule('rdp', ['*'], '3389'), natRule('ssh', ['198.51.100.0/24'], '22')] }] },
    { resourceGroup: 'rg-hub', name: 'policy-fw', natRuleCollections: [], policy: 'hub-policy' },
  ];
  const policyNat = { ruleCollectionType: 'FirewallPolicyNatRuleCollection', name: 'bastion', priority: 100, action: { type: 'DNAT' }, rules: [{ ruleType: 'NatRule', name: 'ssh', ipProtocols: ['TCP'], sourceAddresses: ['*'], sourceIpGroups: [], destinationAddresses: ['20.61.12.9'], destinationPorts: ['2222'], translatedAddress: '10.20.1.5', translatedPort: '22' }] };
  const policyFilter = { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'east-west', priority: 200, action: { type: 'Allow' }, rules: [{ ruleType: 'NetworkRule', name: 'all', ipProtocols: ['Any'], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['*'] }] };
  const firewallPolicies: StubFirewallPolicy[] = [
    { resourceGroup: 'rg-hub', name: 'hub-policy', pageSize: 2, groups: [{ name: 'dnat', priority: 100, ruleCollections: [policyNat] }, { name: 'network', priority: 200, ruleCollections: [policyFilter] }, { name: 'empty', priority: 300, ruleCollections: [] }] },
  ];
  const groupId = (subscriptionId: string, name: string) => `/subscriptions/${subscriptionId}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/hub-policy/ruleCollectionGroups/${name}`;

  let result: RunResult;
  let stub: AzureStub;
  beforeAll(async () => {
    ({ result, stub } = await sweep({
      clientSecret: SECRET,
      subscriptions: [
        { id: sub(1), displayName: 'Hub', nsgs: 1, firewalls, firewallPolicies },
        { id: sub(2), displayName: 'Firewalls hidden', nsgs: 1, firewalls, firewallsFailWith: { status: 403, code: 'AuthorizationFailed', message: "The client 'client-1' with object id 'x' does not have authorization to perform action 'Microsoft.Network/azureFirewalls/read'." } },
      ],
    }));
  });

  it('yields the firewalls, then the rule collection groups of each policy a page at a time, as the SDK flattens them', () => {
    const items = readWhole(outcome(result, sub(1)), [1, 2, 2, 1]);
    expect(items.map((item) => item.name)).toEqual(['web-nsg-0', 'hub-fw', 'policy-fw', 'dnat', 'network', 'empty']);
    expect(items[1]).toMatchObject({ type: 'Microsoft.Network/azureFirewalls', natRuleCollections: [{ name: 'inbound', priority: 100, action: { type: 'Dnat' }, rules: [{ name: 'rdp', translatedPort: '3389' }, { name: 'ssh' }] }] });
    expect(items[1]).not.toHaveProperty('properties');
    expect(items[3]).toMatchObject({ id: groupId(sub(1), 'dnat'), priority: 100, ruleCollections: [{ ruleCollectionType: 'FirewallPolicyNatRuleCollection', name: 'bastion', rules: [{ ruleType: 'NatRule', name: 'ssh', ipProtocols: ['TCP'] }] }] });
    expect(stub.requests.filter((request) => request.includes(sub(1)) && /azureFirewalls|firewallPolicies/.test(request))).toEqual([
      ...FIREWALL_LISTINGS(sub(1)),
      `GET /subscriptions/${sub(1)}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/hub-policy/ruleCollectionGroups`,
      `GET /subscriptions/${sub(1)}/resourceGroups/rg-hub/providers/Microsoft.Network/firewallPolicies/hub-policy/ruleCollectionGroups`,
    ]);
  });

  it('notes, without failing the subscription, that firewalls it may not read leave their DNAT rules unjudged', () => {
    const hidden = outcome(result, sub(2));
    expect(hidden.failure).toBeUndefined();
    expect((hidden.items as Record<string, unknown>[]).map((item) => item.name)).toEqual(['web-nsg-0']);
    expect(hidden.notes).toEqual([{ id: 'sweep/not-modelled', message: expect.stringMatching(/^its Azure Firewalls and firewall policies could not be read \(listing Azure Firewalls failed: .*HTTP 403 'AuthorizationFailed'.*DNAT/) }]);
  });

  it('yields items that `parapet scan` judges: the DNAT rules from anywhere are findings on their firewall and group', async () => {
    await scannedSnapshot(outcome(result, sub(1)), (scanned) => {
      expect(scanned.problems).toEqual([]);
      const dnat = scanned.findings.filter((finding) => finding.asset.kind === 'azure-firewall').map((finding) => `${finding.ruleId} ${finding.asset.name}`);
      expect(dnat.sort()).toEqual(['net/rdp-open-to-world hub-fw', 'net/ssh-open-to-world dnat']);
    });
  });
});
