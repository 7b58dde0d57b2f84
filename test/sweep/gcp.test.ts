import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { snapshotName, SweepFailure, type CloudSweeper, type SweepTarget } from '../../src/sweep/cloud-sweeper.js';
import { restFirewall } from '../../src/sweep/gcp/firewall-item.js';
import { gcpSweeper, gcpTarget } from '../../src/sweep/gcp/sweeper.js';
import { googleError, startGcpServer, type GcpServer } from './gcp-server.js';

const CORPUS = join(import.meta.dirname, '../corpus/gcp');
const REST_ITEMS = (JSON.parse(readFileSync(join(CORPUS, 'firewalls-list-rest.json'), 'utf8')) as { items: Record<string, unknown>[] }).items;
/** Retries that end quickly, for the tests that wait for them to run out. */
const QUICK_RETRY = { maxAttempts: 3, initialRetryDelayMillis: 20, maxRetryDelayMillis: 40, attemptTimeoutMillis: 10_000 };

/** The corpus firewall rules as project `project` would list them, renamed so that pages differ. */
function firewalls(project: string, page = 0): Record<string, unknown>[] {
  return REST_ITEMS.map((item) => {
    const name = `${String(item.name)}-p${page}`;
    return {
      ...item,
      name,
      id: `${page + 1}${String(item.id).slice(1)}`,
      network: String(item.network).replace('/projects/my-project/', `/projects/${project}/`),
      selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/global/firewalls/${name}`,
    };
  });
}

/** An instance as the aggregated list gives it; networks are names in `project` unless they hold a slash. */
function instance(project: string, zone: string, name: string, spec: { networks: string[]; tags?: string[]; serviceAccounts?: string[]; status?: string }) {
  return {
    kind: 'compute#instance',
    id: String(Math.abs([...name].reduce((hash, char) => hash * 31 + char.charCodeAt(0), 7)) % 1e15),
    name,
    zone: `https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}`,
    status: spec.status ?? 'RUNNING',
    selfLink: `https://www.googleapis.com/compute/v1/projects/${project}/zones/${zone}/instances/${name}`,
    ...(spec.tags ? { tags: { items: spec.tags, fingerprint: 'abc=' } } : { tags: { fingerprint: '42WmSpB8rSM=' } }),
    networkInterfaces: spec.networks.map((network, index) => ({
      kind: 'compute#networkInterface',
      name: `nic${index}`,
      network: network.includes('/') ? network : `https://www.googleapis.com/compute/v1/projects/${project}/global/networks/${network}`,
      networkIP: `10.0.0.${index + 2}`,
    })),
    ...(spec.serviceAccounts ? { serviceAccounts: spec.serviceAccounts.map((email) => ({ email, scopes: ['https://www.googleapis.com/auth/cloud-platform'] })) } : {}),
  };
}

async function readAll(sweeper: CloudSweeper, target: SweepTarget, notes: string[] = []): Promise<unknown[][]> {
  const pages: unknown[][] = [];
  for await (const page of sweeper.pages(target, (note) => notes.push(note))) pages.push(page);
  return pages;
}

async function failureOf(promise: Promise<unknown>): Promise<SweepFailure> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(SweepFailure);
  return error as SweepFailure;
}

let server: GcpServer;
let dir: string;
const ENV_KEYS = ['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT', 'GOOGLE_CLOUD_QUOTA_PROJECT', 'GOOGLE_CLOUD_UNIVERSE_DOMAIN'] as const;
let savedEnv: Record<string, string | undefined>;

beforeAll(async () => {
  server = await startGcpServer();
  dir = mkdtempSync(join(tmpdir(), 'parapet-gcp-sweep-'));
  // What google-github-actions/auth writes for workload identity federation: the OIDC token in a file, exchanged at STS.
  writeFileSync(join(dir, 'oidc-token'), server.subjectToken);
  writeFileSync(join(dir, 'credentials.json'), JSON.stringify({
    type: 'external_account',
    audience: '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/parapet',
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: server.tokenUrl,
    credential_source: { file: join(dir, 'oidc-token') },
  }));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  for (const key of ENV_KEYS) delete process.env[key];
  process.env.GOOGLE_APPLICATION_CREDENTIALS = join(dir, 'credentials.json');
  server.plans.clear();
  server.requests.length = 0;
  server.instanceRequests.length = 0;
  server.policyRequests.length = 0;
  server.tokenRequests.length = 0;
  server.maxInFlight = 0;
  server.delayMillis = 0;
  server.refuseEveryToken = false;
});
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('gcp sweep targets', () => {
  it('reads the projects named, one target each, with file-safe ids', async () => {
    const sweeper = await gcpSweeper({ projects: ['alpha-1', 'example.com:legacy', 'alpha-1'], endpointUrl: server.url });
    expect(await sweeper.targets()).toEqual({
      targets: [
        { id: 'gcp-alpha-1', label: 'GCP project alpha-1' },
        { id: 'gcp-example.com_legacy', label: 'GCP project example.com:legacy' },
      ],
      failures: [],
    });
  });

  it('falls back to GOOGLE_CLOUD_PROJECT, and without any project says to name them', async () => {
    process.env.GOOGLE_CLOUD_PROJECT = 'from-env';
    expect((await (await gcpSweeper({})).targets()).targets).toEqual([gcpTarget('from-env')]);
    delete process.env.GOOGLE_CLOUD_PROJECT;
    const { targets, failures } = await (await gcpSweeper({ projects: [] })).targets();
    expect(targets).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0].failure.message).toMatch(/--projects/);
  });
});

describe('gcp sweep through the real Compute SDK', () => {
  it('follows nextPageToken to the end, with the ADC token from the workload identity exchange', async () => {
    server.plans.set('paged', { pages: [firewalls('paged', 0), firewalls('paged', 1), firewalls('paged', 2)] });
    const sweeper = await gcpSweeper({ projects: ['paged'], endpointUrl: server.url });
    const pages = await readAll(sweeper, gcpTarget('paged'));
    expect(pages).toHaveLength(3);
    expect(pages.flat().map((item) => (item as { name: string }).name)).toEqual([0, 1, 2].flatMap((page) => firewalls('paged', page).map((item) => item.name)));
    expect(server.requests.map((request) => request.query.get('pageToken'))).toEqual([null, 'page-1', 'page-2']);
    expect(server.requests.every((request) => request.query.get('maxResults') === '500')).toBe(true);
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0].get('scope')).toBe('https://www.googleapis.com/auth/compute.readonly');
    expect(server.requests[0].authorization).toMatch(/^Bearer ya29\.test-/);
  });

  it('yields firewall rules in the REST shape: no protobuf markers or empty lists, selfLink and network kept', async () => {
    server.plans.set('shape', { pages: [firewalls('shape')] });
    const [page] = await readAll(await gcpSweeper({ projects: ['shape'], endpointUrl: server.url }), gcpTarget('shape'));
    expect(page).toEqual(firewalls('shape').map((item) => ({ ...item, targetInstances: [] })));
  });

  it('retries throttling (429) and unavailability (503, even with an HTML body) through the SDK, then reads', async () => {
    server.plans.set('throttled', {
      failuresFirst: [
        [429, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for quota metric \'Read requests\'', 'rateLimitExceeded')],
        [503, '<html><body>Service Unavailable</body></html>', 'text/html'],
      ],
      pages: [firewalls('throttled')],
    });
    const pages = await readAll(await gcpSweeper({ projects: ['throttled'], endpointUrl: server.url }), gcpTarget('throttled'));
    expect(pages.flat()).toHaveLength(REST_ITEMS.length);
    expect(server.requests).toHaveLength(3);
  });

  it('fails a project that cannot be read, naming it and the error, while others are still read', async () => {
    server.plans.set('forbidden', { alwaysFails: [403, googleError(403, 'PERMISSION_DENIED', "Required 'compute.firewalls.list' permission for 'projects/forbidden'", 'forbidden')] });
    server.plans.set('down', { alwaysFails: [503, googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.')] });
    server.plans.set('fine', { pages: [firewalls('fine')] });
    const sweeper = await gcpSweeper({ projects: ['forbidden', 'down', 'fine'], endpointUrl: server.url }, QUICK_RETRY);
    const [forbidden, down, fine] = await Promise.allSettled(['forbidden', 'down', 'fine'].map((project) => readAll(sweeper, gcpTarget(project))));

    expect(fine).toMatchObject({ status: 'fulfilled', value: [firewalls('fine')] });
    const refused = await failureOf(Promise.reject((forbidden as PromiseRejectedResult).reason));
    expect(refused.kind).toBe('unreadable');
    expect(refused.message).toBe("GCP project forbidden: listing firewall rules failed — HTTP 403 'PERMISSION_DENIED': Required 'compute.firewalls.list' permission for 'projects/forbidden'");
    const unavailable = await failureOf(Promise.reject((down as PromiseRejectedResult).reason));
    expect(unavailable.kind).toBe('unreadable');
    expect(unavailable.message).toBe("GCP project down: listing firewall rules failed — HTTP 503 'UNAVAILABLE': The service is currently unavailable. (still failing after the SDK's retries)");
    expect(server.requests.filter((request) => request.project === 'forbidden')).toHaveLength(1);
    expect(server.requests.filter((request) => request.project === 'down')).toHaveLength(QUICK_RETRY.maxAttempts);
  });

  it('fails with kind credentials when the token exchange refuses the identity', async () => {
    server.plans.set('any', { pages: [firewalls('any')] });
    writeFileSync(join(dir, 'oidc-token'), 'a-stale-oidc-token');
    try {
      const failure = await failureOf(readAll(await gcpSweeper({ projects: ['any'], endpointUrl: server.url }), gcpTarget('any')));
      expect(failure.kind).toBe('credentials');
      expect(failure.message).toMatch(/^GCP project any: no access token from Application Default Credentials — .*invalid_grant.*gcloud auth application-default login/);
      expect(server.requests).toHaveLength(0);
    } finally {
      writeFileSync(join(dir, 'oidc-token'), server.subjectToken);
    }
  });

  it('fails with kind credentials when the API refuses the token (401 UNAUTHENTICATED)', async () => {
    server.plans.set('any', { pages: [firewalls('any')] });
    const sweeper = await gcpSweeper({ projects: ['any'], endpointUrl: server.url });
    server.refuseEveryToken = true;
    const failure = await failureOf(readAll(sweeper, gcpTarget('any')));
    server.refuseEveryToken = false;
    expect(failure.kind).toBe('credentials');
    expect(failure.message).toMatch(/^GCP project any: listing firewall rules failed — HTTP 401 'UNAUTHENTICATED': Request had invalid authentication credentials/);
  });

  it('reads many projects concurrently through one client and one token', async () => {
    const projects = Array.from({ length: 12 }, (_, index) => `project-${index}`);
    for (const project of projects) server.plans.set(project, { pages: [firewalls(project, 0), firewalls(project, 1)] });
    server.delayMillis = 150;
    const sweeper = await gcpSweeper({ projects, endpointUrl: server.url });
    const { targets } = await sweeper.targets();
    const started = Date.now();
    const read = await Promise.all(targets.map((target) => readAll(sweeper, target)));
    const elapsed = Date.now() - started;
    expect(read.map((pages) => pages.flat().length)).toEqual(projects.map(() => 2 * REST_ITEMS.length));
    expect(server.maxInFlight).toBeGreaterThanOrEqual(10);
    // 24 calls of 150 ms one after another would take 3.6 s.
    expect(elapsed).toBeLessThan(2_000);
    expect(server.tokenRequests).toHaveLength(1);
  });

  it('writes what it read as an export that parapet scan judges: findings, no problems', async () => {
    server.plans.set('round-trip', {
      pages: [firewalls('round-trip', 0), firewalls('round-trip', 1)],
      instancePages: [[instance('round-trip', 'europe-west1-b', 'web-1', { networks: ['default', 'prod'], tags: ['web'] })]],
    });
    const sweeper = await gcpSweeper({ projects: ['round-trip'], endpointUrl: server.url });
    const target = gcpTarget('round-trip');
    const items = (await readAll(sweeper, target)).flat();
    expect(items).toContainEqual(expect.objectContaining({ name: 'default-allow-ssh-p0', targetInstances: [{ name: 'web-1', selfLink: expect.stringMatching(/\/instances\/web-1$/) }] }));
    const file = join(dir, snapshotName(target));
    writeFileSync(file, JSON.stringify({ items }, null, 2));
    const result = await scan({ paths: [file], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(new Set(result.findings.map((finding) => finding.asset.id))).toEqual(new Set([
      'https://www.googleapis.com/compute/v1/projects/round-trip/global/networks/default',
      'https://www.googleapis.com/compute/v1/projects/round-trip/global/networks/prod',
    ]));
    expect(result.findings.map((finding) => finding.ruleId)).toContain('net/ssh-open-to-world');
  });
});

describe('what each firewall rule reaches', () => {
  const WIN_VM = 'win-vm@my-project.iam.gserviceaccount.com';
  const reachInstances = [
    [
      instance('reach', 'europe-west1-b', 'web-1', { networks: ['prod'], tags: ['web', 'http'], serviceAccounts: ['123-compute@developer.gserviceaccount.com'] }),
      // The same network spelled with another prefix; a stopped instance is reached again when it starts.
      instance('reach', 'us-central1-a', 'win-1', { networks: ['https://compute.googleapis.com/compute/beta/projects/reach/global/networks/prod'], serviceAccounts: [WIN_VM], status: 'TERMINATED' }),
    ],
    [
      instance('reach', 'europe-west1-b', 'bastion', { networks: ['default', 'prod'], tags: ['ssh'] }),
      // A network named prod in another (Shared VPC host) project is not this project's prod.
      instance('reach', 'europe-west1-b', 'shared', { networks: ['https://www.googleapis.com/compute/v1/projects/host/global/networks/prod'], tags: ['web'], serviceAccounts: [WIN_VM] }),
      instance('reach', 'us-central1-a', 'bare', { networks: ['default'] }),
    ],
  ];
  const nobodyTagged = { ...firewalls('reach')[1], name: 'nobody-tagged', targetTags: ['nobody'] };

  it('joins the instances of every page and zone to each rule by network, target tag and target service account', async () => {
    server.plans.set('reach', { pages: [firewalls('reach'), [nobodyTagged]], instancePages: reachInstances });
    const items = (await readAll(await gcpSweeper({ projects: ['reach'], endpointUrl: server.url }), gcpTarget('reach'))).flat() as Record<string, unknown>[];
    const reached = Object.fromEntries(items.map((item) => [item.name, (item.targetInstances as { name: string }[]).map((target) => target.name)]));
    expect(reached).toEqual({
      'default-allow-ssh-p0': ['bastion', 'bare'], // no targets: every instance on the network
      'app-ports-v4-v6-p0': ['web-1'], // target tag web
      'rdp-disabled-p0': ['win-1'], // target service account
      'deny-all-from-tagged-p0': ['web-1', 'win-1', 'bastion'],
      'egress-deny-smtp-p0': ['web-1', 'win-1', 'bastion'],
      'nobody-tagged': [], // targets that match nothing: known to reach nothing
    });
    expect(items[1].targetInstances).toEqual([{ name: 'web-1', selfLink: 'https://www.googleapis.com/compute/v1/projects/reach/zones/europe-west1-b/instances/web-1' }]);
    expect(server.instanceRequests.map((request) => request.query.get('pageToken'))).toEqual([null, 'page-1']);
    expect(server.instanceRequests.every((request) => request.query.get('maxResults') === '500' && request.authorization?.startsWith('Bearer ya29.test-'))).toBe(true);
    expect(server.tokenRequests).toHaveLength(1);
  });

  it('retries an instance listing that is unavailable (503) through the SDK, then joins', async () => {
    server.plans.set('flaky', { pages: [firewalls('flaky')], instancePages: [[instance('flaky', 'us-central1-a', 'vm', { networks: ['default'] })]], instancesUnavailableFirst: 2 });
    const [page] = await readAll(await gcpSweeper({ projects: ['flaky'], endpointUrl: server.url }, QUICK_RETRY), gcpTarget('flaky'));
    expect((page[0] as { targetInstances: unknown }).targetInstances).toEqual([{ name: 'vm', selfLink: 'https://www.googleapis.com/compute/v1/projects/flaky/zones/us-central1-a/instances/vm' }]);
    expect(server.instanceRequests).toHaveLength(3);
  });

  it('leaves the member out when the instances cannot be listed, and still reads the firewall rules', async () => {
    server.plans.set('no-instances', { pages: [firewalls('no-instances', 0), firewalls('no-instances', 1)], instancePages: reachInstances, refuseInstances: true });
    const notes: string[] = [];
    const pages = await readAll(await gcpSweeper({ projects: ['no-instances'], endpointUrl: server.url }, QUICK_RETRY), gcpTarget('no-instances'), notes);
    expect(pages).toEqual([firewalls('no-instances', 0), firewalls('no-instances', 1)]);
    expect(notes).toEqual([expect.stringMatching(/^what its firewall rules reach is unknown: listing its instances failed — .*403.*none is reported unused$/)]);
    expect(pages.flat().some((item) => 'targetInstances' in (item as object))).toBe(false);
    expect(server.instanceRequests).toHaveLength(1);
  });
});

describe('gcp sweep: the firewall policies that govern the project, written after its firewall rules', () => {
  const rule = (action: string, priority: number, extra: Record<string, unknown> = {}) => ({ kind: 'compute#firewallPolicyRule', action, direction: 'INGRESS', priority, match: { srcIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'tcp', ports: ['22'] }] }, ...extra });
  // A hierarchical policy as networks.getEffectiveFirewalls gives it: an ingress allow of tcp:22 from anywhere, and the
  // goto_next rules every hierarchical policy holds from its creation.
  const orgBaseline = {
    name: '123456789',
    shortName: 'org-baseline',
    displayName: 'org-baseline',
    type: 'HIERARCHY',
    priority: 0,
    rules: [rule('allow', 1000, { ruleName: 'ssh-from-anywhere' }), rule('goto_next', 2147483644), rule('goto_next', 2147483645, { direction: 'EGRESS', match: { destIpRanges: ['0.0.0.0/0'], layer4Configs: [{ ipProtocol: 'all' }] } })],
  };
  // A global network policy whose rules name secure tags, a service account and a domain; no ports on `all`, which the
  // SDK decodes as an empty list.
  const netPolicy = {
    name: 'net-policy',
    type: 'NETWORK',
    rules: [
      { kind: 'compute#firewallPolicyRule', action: 'allow', direction: 'INGRESS', priority: 100, ruleName: 'from-tagged', match: { srcSecureTags: [{ name: 'tagValues/281484', state: 'EFFECTIVE' }], layer4Configs: [{ ipProtocol: 'all' }] }, targetSecureTags: [{ name: 'tagValues/281485', state: 'EFFECTIVE' }] },
      { kind: 'compute#firewallPolicyRule', action: 'deny', direction: 'INGRESS', priority: 200, match: { srcFqdns: ['example.com'], layer4Configs: [{ ipProtocol: 'udp', ports: ['53'] }] }, targetServiceAccounts: ['app@governed.iam.gserviceaccount.com'], disabled: true },
    ],
  };
  const names = (items: unknown[]) => items.map((item) => (item as { name: string }).name);

  it('writes each hierarchical and network policy of the networks once, in the REST shape, after the firewall rules', async () => {
    server.plans.set('governed', {
      pages: [firewalls('governed', 0), firewalls('governed', 1)],
      networks: ['default', 'prod', 'bare'],
      effectivePolicies: { default: [orgBaseline, netPolicy], prod: [orgBaseline] },
    });
    const notes: string[] = [];
    const pages = await readAll(await gcpSweeper({ projects: ['governed'], endpointUrl: server.url }, QUICK_RETRY), gcpTarget('governed'), notes);
    expect(pages).toHaveLength(3);
    expect(names(pages.slice(0, 2).flat())).toEqual(names([...firewalls('governed', 0), ...firewalls('governed', 1)]));
    // Exactly what the stand-in served, with kind: no `_field` markers, no empty lists, ipProtocol as REST spells it.
    // Each names the networks whose effective firewalls list it, and its place among their policies.
    const network = (name: string) => `https://www.googleapis.com/compute/v1/projects/governed/global/networks/${name}`;
    expect(pages[2]).toEqual([
      { kind: 'compute#firewallPolicy', ...orgBaseline, parapetEffectiveOn: [{ network: network('default'), order: 0 }, { network: network('prod'), order: 0 }] },
      { kind: 'compute#firewallPolicy', ...netPolicy, parapetEffectiveOn: [{ network: network('default'), order: 1 }] },
    ]);
    expect(notes).toEqual([]);
    expect(server.policyRequests).toEqual(['networks', 'effective:default', 'effective:prod', 'effective:bare', 'network-policies']);
  });

  it('writes each regional network policy with an association, as NETWORK_REGIONAL', async () => {
    const base = 'https://www.googleapis.com/compute/v1/projects/regional';
    const regional = {
      kind: 'compute#firewallPolicy',
      id: '4418001',
      name: 'edge',
      region: `${base}/regions/europe-west1`,
      selfLink: `${base}/regions/europe-west1/firewallPolicies/edge`,
      associations: [{ name: 'edge-prod', attachmentTarget: `${base}/global/networks/prod` }],
      rules: [rule('allow', 10)],
    };
    const globalEdge = { name: 'edge', type: 'NETWORK', rules: [rule('deny', 10)] };
    server.plans.set('regional', {
      pages: [firewalls('regional', 0)],
      networks: ['prod'],
      effectivePolicies: { prod: [globalEdge] },
      networkPolicies: [
        regional,
        { ...regional, name: 'draft', selfLink: `${base}/regions/europe-west1/firewallPolicies/draft`, associations: undefined },
        // The global policy is also in the aggregated list: it is written once, from the effective firewalls.
        { kind: 'compute#firewallPolicy', name: 'edge', selfLink: `${base}/global/firewallPolicies/edge`, associations: [{ attachmentTarget: `${base}/global/networks/prod` }], rules: [rule('deny', 10)] },
      ],
    });
    const pages = await readAll(await gcpSweeper({ projects: ['regional'], endpointUrl: server.url }, QUICK_RETRY), gcpTarget('regional'));
    expect(names(pages[0])).toEqual(names(firewalls('regional', 0)));
    // A regional policy named as a global one is another policy.
    expect(pages.slice(1)).toEqual([[{ kind: 'compute#firewallPolicy', ...globalEdge, parapetEffectiveOn: [{ network: `${base}/global/networks/prod`, order: 0 }] }, { ...regional, type: 'NETWORK_REGIONAL' }]]);
  });

  it('notes once that the policies cannot be listed, and still yields every firewall rule', async () => {
    server.plans.set('no-policies', { pages: [firewalls('no-policies', 0), firewalls('no-policies', 1)], effectivePolicies: { default: [orgBaseline] }, refusePolicies: true });
    const notes: [string | undefined, string][] = [];
    const sweeper = await gcpSweeper({ projects: ['no-policies'], endpointUrl: server.url }, QUICK_RETRY);
    const pages: unknown[][] = [];
    for await (const page of sweeper.pages(gcpTarget('no-policies'), (message, id) => notes.push([id, message]))) pages.push(page);
    expect(names(pages.flat())).toEqual(names([...firewalls('no-policies', 0), ...firewalls('no-policies', 1)]));
    expect(notes).toEqual([['sweep/not-modelled', expect.stringMatching(/^whether firewall policies govern its networks is unknown: listing them failed — HTTP 403 'PERMISSION_DENIED'.*nothing is reported$/)]]);
  });

  it('a sweep of a project without policies writes its firewall rules only, and says nothing of policies', async () => {
    server.plans.set('plain', { pages: [firewalls('plain', 0)] });
    const notes: string[] = [];
    const pages = await readAll(await gcpSweeper({ projects: ['plain'], endpointUrl: server.url }, QUICK_RETRY), gcpTarget('plain'), notes);
    expect(pages.map(names)).toEqual([names(firewalls('plain', 0))]);
    expect(notes).toEqual([]);
    expect(server.policyRequests).toEqual(['networks', ...[...new Set(firewalls('plain', 0).map((item) => String(item.network).replace(/.*\//, '')))].map((network) => `effective:${network}`), 'network-policies']);
  });

  it('writes policies that parapet scan judges: an allow of tcp:22 from anywhere is a finding on the policy', async () => {
    server.plans.set('judged', { pages: [firewalls('judged', 0)], networks: ['default'], effectivePolicies: { default: [orgBaseline] } });
    const target = gcpTarget('judged');
    const items = (await readAll(await gcpSweeper({ projects: ['judged'], endpointUrl: server.url }, QUICK_RETRY), target)).flat();
    const file = join(dir, snapshotName(target));
    writeFileSync(file, JSON.stringify({ items }, null, 2));
    const result = await scan({ paths: [file], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems).toEqual([]);
    const onPolicy = result.findings.filter((finding) => finding.asset.kind === 'gcp-firewall-policy');
    expect(onPolicy.map((finding) => [finding.ruleId, finding.asset.id, finding.asset.name])).toContainEqual(['net/ssh-open-to-world', '123456789', 'org-baseline']);
  });

  it("judges the network's firewall rules behind what an organisation's policy drops", async () => {
    const orgDeny = { ...orgBaseline, rules: [rule('goto_next', 900, { match: { srcIpRanges: ['10.0.0.0/8'], layer4Configs: [{ ipProtocol: 'all' }] } }), rule('deny', 1000)] };
    const sshOnNetworks = async (project: string, effectivePolicies: Record<string, unknown[]>) => {
      server.plans.set(project, { pages: [firewalls(project, 0)], networks: ['default'], effectivePolicies });
      const target = gcpTarget(project);
      const items = (await readAll(await gcpSweeper({ projects: [project], endpointUrl: server.url }, QUICK_RETRY), target)).flat();
      const file = join(dir, snapshotName(target));
      writeFileSync(file, JSON.stringify({ items }, null, 2));
      const result = await scan({ paths: [file], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems).toEqual([]);
      return result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world' && finding.asset.kind === 'gcp-network').map((finding) => finding.asset.name);
    };
    expect(await sshOnNetworks('open-below', { default: [] })).toContain('default');
    // The organisation drops SSH from every source it does not hand down (10/8): the network's rule opens it to no one else.
    expect(await sshOnNetworks('dropped-above', { default: [orgDeny] })).not.toContain('default');
  });
});

describe('restFirewall', () => {
  it('turns the SDK output of the corpus into the REST items of the corpus', () => {
    const sdk = JSON.parse(readFileSync(join(CORPUS, 'sdk-compute-FirewallsClient-listAsync-output.json'), 'utf8')) as unknown[];
    expect(sdk.map(restFirewall)).toEqual(REST_ITEMS);
  });

  it('spells IPProtocol as the REST API does when protobuf decoded it as I_p_protocol', () => {
    expect(restFirewall({ allowed: [{ I_p_protocol: 'tcp', _I_p_protocol: 'I_p_protocol', ports: ['22'] }] })).toEqual({ allowed: [{ IPProtocol: 'tcp', ports: ['22'] }] });
  });
});
