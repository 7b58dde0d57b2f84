import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { snapshotName, SweepFailure, type CloudSweeper, type SweepTarget } from '../../src/sweep/cloud-sweeper.js';
import { AWS_SDK_SETTINGS } from '../../src/sweep/aws/sdk-settings.js';
import { awsSweeper } from '../../src/sweep/aws/sweeper.js';
import { awsEnvironment, CALLER_KEY } from './aws-environment.js';
import { generatedGroupId, generatedInterfaceId, startAwsStub, type AwsStub, type AwsStubOptions } from './aws-server.js';

const CALLER = '123456789012';
const CALLER_IDENTITY = { [CALLER_KEY]: { account: CALLER, arn: `arn:aws:iam::${CALLER}:user/sweeper` } };

let stub: AwsStub | undefined;
let restoreEnvironment: (() => void) | undefined;
afterEach(async () => {
  await stub?.close();
  restoreEnvironment?.();
  stub = undefined;
  restoreEnvironment = undefined;
});

async function start(options: Partial<AwsStubOptions>, environment: Record<string, string> = {}): Promise<AwsStub> {
  restoreEnvironment = awsEnvironment(environment);
  stub = await startAwsStub({ keys: CALLER_IDENTITY, ...options });
  return stub;
}

async function readAll(sweeper: CloudSweeper, target: SweepTarget): Promise<{ items: Record<string, unknown>[]; pages: number; notes: string[] }> {
  const items: Record<string, unknown>[] = [];
  const notes: string[] = [];
  let pages = 0;
  for await (const page of sweeper.pages(target, (note) => notes.push(note))) {
    pages++;
    items.push(...(page as Record<string, unknown>[]));
  }
  return { items, pages, notes };
}

async function failureOf(work: Promise<unknown>): Promise<SweepFailure> {
  const outcome = await work.then(() => undefined, (error: unknown) => error);
  expect(outcome).toBeInstanceOf(SweepFailure);
  return outcome as SweepFailure;
}

const byId = (targets: SweepTarget[], id: string) => targets.find((target) => target.id === id)!;

describe('awsSweeper', () => {
  it('lists the enabled regions of the caller\'s account, asked in AWS_REGION, as targets', async () => {
    const server = await start({ regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'] }, { AWS_REGION: 'eu-central-1' });
    const sweeper = await awsSweeper({ endpointUrl: server.url });
    const { targets, failures } = await sweeper.targets();
    expect(failures).toEqual([]);
    expect(targets).toEqual([
      { id: `aws-${CALLER}-ap-southeast-2`, label: `AWS account ${CALLER} in ap-southeast-2` },
      { id: `aws-${CALLER}-eu-west-1`, label: `AWS account ${CALLER} in eu-west-1` },
      { id: `aws-${CALLER}-us-east-1`, label: `AWS account ${CALLER} in us-east-1` },
    ]);
    const asked = server.requests.map(({ service, action, region }) => `${service} ${action} ${region}`);
    expect(asked.sort()).toEqual(['ec2 DescribeRegions eu-central-1', 'lightsail GetRegions us-east-1', 'sts GetCallerIdentity eu-central-1']);
  });

  it('reads every page to the end, 1,000 groups a page asked, each group with its owner and ARN', async () => {
    const server = await start({ plans: { [`${CALLER}/us-east-1`]: { corpus: true }, [`${CALLER}/eu-west-1`]: { pages: 3, groupsPerPage: 4 } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1', 'eu-west-1'] });
    const { targets } = await sweeper.targets();
    expect(server.requests.some((request) => request.action === 'DescribeRegions')).toBe(false);

    const captured = await readAll(sweeper, byId(targets, `aws-${CALLER}-us-east-1`));
    expect(captured.pages).toBe(2);
    expect(captured.items.map((group) => group.GroupId)).toEqual(['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002']);
    // The second captured group has no securityGroupArn on the wire: composed from the account and the region.
    expect(captured.items.map((group) => group.SecurityGroupArn)).toEqual([
      `arn:aws:ec2:us-east-1:${CALLER}:security-group/sg-0a1b2c3d4e5f60001`,
      `arn:aws:ec2:us-east-1:${CALLER}:security-group/sg-0a1b2c3d4e5f60002`,
    ]);

    const generated = await readAll(sweeper, byId(targets, `aws-${CALLER}-eu-west-1`));
    expect(generated.pages).toBe(3);
    expect(generated.items).toHaveLength(12);
    for (const group of generated.items) {
      expect(group.OwnerId).toBe(CALLER);
      expect(group.SecurityGroupArn).toBe(`arn:aws:ec2:eu-west-1:${CALLER}:security-group/${group.GroupId}`);
    }
    const pagesAsked = server.requests.filter((request) => request.action === 'DescribeSecurityGroups' && request.region === 'eu-west-1');
    expect(pagesAsked.map((request) => [request.params.MaxResults, request.params.NextToken])).toEqual([['1000', undefined], ['1000', 'page-2'], ['1000', 'page-3']]);
  });

  it('retries throttling through the SDK and reads the region when it ends', async () => {
    const server = await start({ plans: { [`${CALLER}/ap-south-1`]: { throttleFirst: 2, pages: 2 } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['ap-south-1'] });
    const { targets } = await sweeper.targets();
    const { items, pages } = await readAll(sweeper, targets[0]);
    expect([items.length, pages]).toEqual([4, 2]);
    expect(server.requests.filter((request) => request.action === 'DescribeSecurityGroups')).toHaveLength(4);
  });

  it('fails a region that always fails, after the SDK\'s retries, and reads the others', async () => {
    const plans = { [`${CALLER}/sa-east-1`]: { fail: { status: 500, code: 'InternalError', message: 'An internal error has occurred' } } };
    const server = await start({ plans });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1', 'sa-east-1', 'eu-west-1'] });
    const { targets } = await sweeper.targets();
    const outcomes = await Promise.allSettled(targets.map((target) => readAll(sweeper, target)));
    const failed = targets.filter((_, index) => outcomes[index].status === 'rejected');
    expect(failed.map((target) => target.id)).toEqual([`aws-${CALLER}-sa-east-1`]);
    const failure = (outcomes[targets.indexOf(failed[0])] as PromiseRejectedResult).reason as SweepFailure;
    expect(failure).toBeInstanceOf(SweepFailure);
    expect(failure.kind).toBe('unreadable');
    expect(failure.message).toBe(`AWS account ${CALLER} in sa-east-1: EC2 DescribeSecurityGroups failed after 6 attempts: 'InternalError' (HTTP 500) An internal error has occurred`);
    expect(server.requests.filter((request) => request.region === 'sa-east-1' && request.action === 'DescribeSecurityGroups')).toHaveLength(AWS_SDK_SETTINGS.maxAttempts);
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') expect(outcome.value.items).toHaveLength(2);
  });

  it('fails a target whose credentials EC2 refuses as credentials, at once', async () => {
    const plans = { [`${CALLER}/us-west-2`]: { fail: { status: 401, code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials' } } };
    const server = await start({ plans });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-west-2'] });
    const { targets } = await sweeper.targets();
    const failure = await failureOf(readAll(sweeper, targets[0]));
    expect(failure.kind).toBe('credentials');
    expect(failure.message).toMatch(/^AWS account 123456789012 in us-west-2: EC2 DescribeSecurityGroups failed: 'AuthFailure' \(HTTP 401\)/);
    expect(server.requests.filter((request) => request.action === 'DescribeSecurityGroups')).toHaveLength(1);
  });

  it('reports refused default credentials as a credentials failure and lists no target', async () => {
    const server = await start({}, { AWS_ACCESS_KEY_ID: 'AKIDREVOKED', AWS_SECRET_ACCESS_KEY: 'revoked-secret' });
    const sweeper = await awsSweeper({ endpointUrl: server.url });
    const { targets, failures } = await sweeper.targets();
    expect(targets).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0].label).toBe('AWS default credentials');
    expect(failures[0].failure.kind).toBe('credentials');
    expect(failures[0].failure.message).toBe("AWS default credentials: STS GetCallerIdentity in us-east-1 failed: 'InvalidClientTokenId' (HTTP 403) The security token included in the request is invalid.");
  });

  it('reports missing credentials (every link of the default chain empty) as a credentials failure', async () => {
    const server = await start({}, { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1'] });
    const { targets, failures } = await sweeper.targets();
    expect(targets).toEqual([]);
    expect(failures.map(({ failure }) => failure.kind)).toEqual(['credentials']);
    expect(failures[0].failure.message).toMatch(/^AWS default credentials: STS GetCallerIdentity in us-east-1 failed: 'CredentialsProviderError' /);
    expect(server.requests).toEqual([]);
  });

  it('sweeps one account per assumed role; a role that cannot be assumed fails its account only', async () => {
    const readable = 'arn:aws:iam::111111111111:role/ParapetAudit';
    const refused = 'arn:aws:iam::222222222222:role/ParapetAudit';
    const keys = { ...CALLER_IDENTITY, ASIASESSIONONE: { account: '111111111111', arn: readable } };
    const server = await start({ keys, roles: { [readable]: 'ASIASESSIONONE' }, regions: ['us-east-1', 'eu-north-1'] });
    const sweeper = await awsSweeper({ endpointUrl: server.url, assumeRoles: [readable, refused, 'not-a-role'] });
    const { targets, failures } = await sweeper.targets();
    expect(targets.map((target) => target.id)).toEqual(['aws-111111111111-eu-north-1', 'aws-111111111111-us-east-1']);
    expect(failures.map(({ label, failure }) => [label, failure.kind])).toEqual([
      [`AWS role '${refused}'`, 'credentials'],
      ["AWS role 'not-a-role'", 'credentials'],
    ]);
    expect(failures[0].failure.message).toMatch(/^AWS account 222222222222 \(role '.+'\): STS AssumeRole in us-east-1 failed: 'AccessDenied' \(HTTP 403\) User: arn:aws:iam::123456789012:user\/sweeper is not authorized/);

    const read = await Promise.all(targets.map((target) => readAll(sweeper, target)));
    for (const { items } of read) for (const group of items) expect(group.OwnerId).toBe('111111111111');
    // Signed with the session's key, and the role assumed once for both regions.
    const describes = server.requests.filter((request) => request.service === 'ec2');
    expect(new Set(describes.map((request) => request.accessKeyId))).toEqual(new Set(['ASIASESSIONONE']));
    expect(server.requests.filter((request) => request.action === 'AssumeRole' && request.params.RoleArn === readable)).toHaveLength(1);
    expect(server.requests.find((request) => request.action === 'AssumeRole')?.accessKeyId).toBe(CALLER_KEY);
  });

  it('fails an account whose regions cannot be listed, and lists the others', async () => {
    const listed = 'arn:aws:iam::111111111111:role/ParapetAudit';
    const unlisted = 'arn:aws:iam::333333333333:role/ParapetAudit';
    const keys = { ...CALLER_IDENTITY, ASIASESSIONONE: { account: '111111111111', arn: listed }, ASIASESSIONTHREE: { account: '333333333333', arn: unlisted } };
    const server = await start({ keys, roles: { [listed]: 'ASIASESSIONONE', [unlisted]: 'ASIASESSIONTHREE' }, regions: ['us-east-1'], regionsRefusedFor: ['333333333333'] });
    const sweeper = await awsSweeper({ endpointUrl: server.url, assumeRoles: [unlisted, listed] });
    const { targets, failures } = await sweeper.targets();
    expect(targets.map((target) => target.id)).toEqual(['aws-111111111111-us-east-1']);
    expect(failures).toHaveLength(1);
    expect(failures[0].label).toBe(`AWS account 333333333333 (role '${unlisted}')`);
    expect(failures[0].failure.kind).toBe('unreadable');
    expect(failures[0].failure.message).toMatch(/: EC2 DescribeRegions in us-east-1 failed: 'UnauthorizedOperation' \(HTTP 403\)/);
  });

  it('reads many regions at once: the time of the slowest chain of calls, not their sum', async () => {
    const regions = Array.from({ length: 17 }, (_, index) => `xx-test-${index + 1}`);
    const plans = Object.fromEntries(regions.map((region) => [`${CALLER}/${region}`, { pages: 3, groupsPerPage: 5 }]));
    const server = await start({ plans, delayMs: 100 });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions });
    const { targets } = await sweeper.targets();
    const started = performance.now();
    const read = await Promise.all(targets.map((target) => readAll(sweeper, target)));
    const elapsed = performance.now() - started;
    expect(read.map(({ items }) => items.length)).toEqual(regions.map(() => 15));
    expect(server.maxInFlight()).toBeGreaterThanOrEqual(10);
    // 17 × 3 calls of 100 ms each would take 5.1 s one after another.
    expect(elapsed).toBeLessThan(3_000);
  });

  it.each([
    ['never answers', { hang: true }, /failed after 2 attempts: 'ETIMEDOUT'/],
    ['stops in the middle of a page', { stall: true }, /failed after 2 attempts: 'TimeoutError' .*socket timed out after 500 ms/],
  ])('fails an endpoint that %s by the timeouts, not the sweep', async (_, plan, reason) => {
    const server = await start({ plans: { [`${CALLER}/eu-south-1`]: plan } });
    const settings = { ...AWS_SDK_SETTINGS, requestTimeout: 500, maxAttempts: 2 };
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['eu-south-1', 'eu-west-3'] }, settings);
    const { targets } = await sweeper.targets();
    const [hung, answered] = await Promise.allSettled(targets.map((target) => readAll(sweeper, target)));
    expect(answered.status).toBe('fulfilled');
    const failure = (hung as PromiseRejectedResult).reason as SweepFailure;
    expect(failure.kind).toBe('unreadable');
    expect(failure.message).toMatch(/^AWS account 123456789012 in eu-south-1: EC2 DescribeSecurityGroups /);
    expect(failure.message).toMatch(reason);
  });

  it('quotes and cuts what an error answer says', async () => {
    const message = `denied \u001b[2J\u202e for key AKIAIOSFODNN7EXAMPLE ${'x'.repeat(400)}`;
    const server = await start({ plans: { [`${CALLER}/us-east-2`]: { fail: { status: 403, code: 'UnauthorizedOperation\u001b[31m', message } } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-2'] });
    const { targets } = await sweeper.targets();
    const failure = await failureOf(readAll(sweeper, targets[0]));
    expect(failure.kind).toBe('unreadable');
    expect(failure.message).not.toContain('\u001b');
    expect(failure.message).not.toContain('\u202e');
    expect(failure.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(failure.message.length).toBeLessThan(400);
  });

  it('records on each group the network interfaces that list it, read over every page before the groups', async () => {
    const [first, shared, alsoShared, second] = [generatedGroupId(1, 0), generatedGroupId(1, 2), generatedGroupId(2, 0), generatedGroupId(2, 1)];
    const interfaces = { perGroup: { [first]: 3, [second]: 2 }, shared: [shared, alsoShared], pages: 2 };
    const server = await start({ plans: { [`${CALLER}/eu-west-1`]: { pages: 2, groupsPerPage: 3, interfaces } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['eu-west-1'] });
    const { targets } = await sweeper.targets();
    const { items } = await readAll(sweeper, targets[0]);

    const eni = (number: number) => generatedInterfaceId(number);
    const attached = (number: number) => ({ NetworkInterfaceId: eni(number), InstanceId: `i-${number.toString(16).padStart(17, '0')}`, Description: '' });
    const unattached = (number: number) => ({ NetworkInterfaceId: eni(number), Description: `AWS Lambda VPC ENI-worker & ${eni(number)}` });
    const uses = Object.fromEntries(items.map((group) => [group.GroupId, group.NetworkInterfaces]));
    expect(uses).toEqual({
      [first]: [attached(1), unattached(2), attached(3)],
      [generatedGroupId(1, 1)]: [],
      // Interface 6 (on the second page) lists both groups, and the first one twice: once on each.
      [shared]: [unattached(6)],
      [alsoShared]: [unattached(6)],
      [second]: [unattached(4), attached(5)],
      [generatedGroupId(2, 2)]: [],
    });

    const ec2Calls = server.requests.filter((request) => request.service === 'ec2');
    expect(ec2Calls.map((request) => [request.action, request.params.MaxResults, request.params.NextToken])).toEqual([
      ['DescribeNetworkInterfaces', '1000', undefined],
      ['DescribeNetworkInterfaces', '1000', 'ni-page-2'],
      ['DescribeSecurityGroups', '1000', undefined],
      ['DescribeSecurityGroups', '1000', 'page-2'],
    ]);

    // The groups with their interfaces are still an export `parapet scan` reads without a problem.
    const directory = mkdtempSync(join(tmpdir(), 'parapet-aws-sweep-'));
    try {
      writeFileSync(join(directory, snapshotName(targets[0])), JSON.stringify({ SecurityGroups: items }, null, 2));
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems).toEqual([]);
      expect(new Set(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => finding.asset.id)).size).toBe(6);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('gives a group no interface lists an empty NetworkInterfaces: known to be unused', async () => {
    const server = await start({ plans: { [`${CALLER}/us-east-1`]: { corpus: true } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1'] });
    const { targets } = await sweeper.targets();
    const { items } = await readAll(sweeper, targets[0]);
    expect(items.map((group) => [group.GroupId, group.NetworkInterfaces])).toEqual([['sg-0a1b2c3d4e5f60001', []], ['sg-0a1b2c3d4e5f60002', []]]);
  });

  it('reads the groups without NetworkInterfaces when DescribeNetworkInterfaces is refused: unknown, not unused', async () => {
    const interfaces = { perGroup: { [generatedGroupId(1, 0)]: 2 } };
    const plans = { [`${CALLER}/eu-north-1`]: { pages: 2, refuseInterfaces: true, interfaces }, [`${CALLER}/eu-west-1`]: { interfaces } };
    const server = await start({ plans });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['eu-north-1', 'eu-west-1'] });
    const { targets } = await sweeper.targets();
    const [refused, read] = await Promise.all([byId(targets, `aws-${CALLER}-eu-north-1`), byId(targets, `aws-${CALLER}-eu-west-1`)].map((target) => readAll(sweeper, target)));
    expect(refused.items).toHaveLength(4);
    for (const group of refused.items) expect(group).not.toHaveProperty('NetworkInterfaces');
    expect(refused.notes).toEqual([expect.stringMatching(/^what uses its security groups is unknown: EC2 DescribeNetworkInterfaces failed: 'UnauthorizedOperation' \(HTTP 403\).* none is reported unused$/)]);
    expect(read.items.map((group) => (group.NetworkInterfaces as unknown[]).length)).toEqual([2, 0]);
    expect(read.notes).toEqual([]);
    // UnauthorizedOperation is not retried: asked once, then the groups.
    const northCalls = server.requests.filter((request) => request.region === 'eu-north-1');
    expect(northCalls.map((request) => request.action)).toEqual(['DescribeNetworkInterfaces', 'DescribeSecurityGroups', 'DescribeSecurityGroups']);
  });

  it('yields groups that `parapet scan` reads back as an AWS export: findings and no problems', async () => {
    const server = await start({ plans: { [`${CALLER}/us-east-1`]: { corpus: true }, [`${CALLER}/eu-west-1`]: { pages: 2, groupsPerPage: 3 } } });
    const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1', 'eu-west-1'] });
    const { targets } = await sweeper.targets();
    const directory = mkdtempSync(join(tmpdir(), 'parapet-aws-sweep-'));
    try {
      for (const target of targets) {
        const { items } = await readAll(sweeper, target);
        writeFileSync(join(directory, snapshotName(target)), JSON.stringify({ SecurityGroups: items }, null, 2));
      }
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      // The captured page's RDP rule names a prefix list, whose entries no security group listing holds: the loader's
      // warning about it is the only problem.
      expect(result.problems.map((problem) => [problem.id, problem.file])).toEqual([['aws/prefix-list-unresolved', join(directory, `aws-${CALLER}-us-east-1.json`)]]);
      expect(result.scannedFiles).toHaveLength(2);
      const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
      const assets = new Set(ssh.map((finding) => finding.asset.id));
      expect(assets).toContain(`arn:aws:ec2:us-east-1:${CALLER}:security-group/sg-0a1b2c3d4e5f60001`);
      // Composed ARNs name the assets too: 6 generated groups in eu-west-1, every one open.
      expect([...assets].filter((id) => id.startsWith(`arn:aws:ec2:eu-west-1:${CALLER}:security-group/`))).toHaveLength(6);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  describe('Lightsail', () => {
    const WORKLOAD = { lightsailRegions: ['eu-north-1', 'eu-west-1'], lightsail: { [`${CALLER}/eu-west-1`]: { pages: 2, instancesPerPage: 3 } } };

    it("makes each swept region Lightsail runs in a target of its own, its instances under Lightsail's `instances`", async () => {
      const server = await start(WORKLOAD);
      const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['us-east-1', 'eu-west-1'] });
      const { targets, failures, notes } = await sweeper.targets();
      expect([failures, notes]).toEqual([[], []]);
      expect(targets.map((target) => target.id)).toEqual([`aws-${CALLER}-us-east-1`, `aws-${CALLER}-eu-west-1`, `aws-lightsail-${CALLER}-eu-west-1`]);
      expect(byId(targets, `aws-lightsail-${CALLER}-eu-west-1`)).toEqual({ id: `aws-lightsail-${CALLER}-eu-west-1`, label: `AWS account ${CALLER} Lightsail in eu-west-1`, listing: { listKey: 'instances', inputType: 'aws-lightsail' } });
      const { items, pages } = await readAll(sweeper, byId(targets, `aws-lightsail-${CALLER}-eu-west-1`));
      expect([items.length, pages]).toEqual([6, 2]);
      const asked = server.requests.filter((request) => request.action === 'GetInstances').map(({ region, params }) => `${region} ${params.pageToken ?? 'first'}`);
      expect(asked).toEqual(['eu-west-1 first', 'eu-west-1 ls-page-2']);
    });

    it('reads the security groups and says so when Lightsail refuses to list its regions; fails a region whose instances cannot be read', async () => {
      const refused = await start({ ...WORKLOAD, lightsailRefusedFor: [CALLER] });
      const listed = await (await awsSweeper({ endpointUrl: refused.url, regions: ['eu-west-1'] })).targets();
      expect(listed.targets.map((target) => target.id)).toEqual([`aws-${CALLER}-eu-west-1`]);
      expect(listed.failures).toEqual([]);
      expect(listed.notes).toEqual([{ label: `AWS account ${CALLER}`, message: expect.stringMatching(/^AWS account 123456789012: Lightsail GetRegions in us-east-1 failed: 'AccessDeniedException' \(HTTP 400\).* — its Lightsail instances were not read, and no finding judges their firewalls$/) }]);
      await stub?.close();
      const failing = await start({ lightsailRegions: ['eu-west-1'], lightsail: { [`${CALLER}/eu-west-1`]: { fail: { status: 500, code: 'ServiceException', message: 'internal' } } } });
      const sweeper = await awsSweeper({ endpointUrl: failing.url, regions: ['eu-west-1'] }, { ...AWS_SDK_SETTINGS, maxAttempts: 2 });
      const { targets } = await sweeper.targets();
      const failure = await failureOf(readAll(sweeper, byId(targets, `aws-lightsail-${CALLER}-eu-west-1`)));
      expect(failure.message).toMatch(/^AWS account 123456789012 Lightsail in eu-west-1: Lightsail GetInstances failed after 2 attempts: 'ServiceException' \(HTTP 500\)/);
    });

    it('stops a region whose pages give the same token again, with what was read before it', async () => {
      const server = await start({ lightsailRegions: ['eu-west-1'], lightsail: { [`${CALLER}/eu-west-1`]: { repeatToken: true } } });
      const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['eu-west-1'] });
      const target = byId((await sweeper.targets()).targets, `aws-lightsail-${CALLER}-eu-west-1`);
      const pages: number[] = [];
      const failure = await failureOf((async () => { for await (const page of sweeper.pages(target, () => undefined)) pages.push(page.length); })());
      expect(pages).toEqual([1, 1]);
      expect(failure.message).toBe(`AWS account ${CALLER} Lightsail in eu-west-1: Lightsail GetInstances gave a page token it had given before — the pages after it were not read`);
    });

    it('yields instances that `parapet scan` reads back as a Lightsail listing: the default SSH, and RDP on Windows', async () => {
      const server = await start(WORKLOAD);
      const sweeper = await awsSweeper({ endpointUrl: server.url, regions: ['eu-west-1'] });
      const { targets } = await sweeper.targets();
      const target = byId(targets, `aws-lightsail-${CALLER}-eu-west-1`);
      const directory = mkdtempSync(join(tmpdir(), 'parapet-aws-sweep-'));
      try {
        writeFileSync(join(directory, snapshotName(target)), JSON.stringify({ [target.listing!.listKey]: (await readAll(sweeper, target)).items }, null, 2));
        const result = await scan({ paths: [join(directory, snapshotName(target))], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
        expect(result.problems).toEqual([]);
        const byRule = (id: string) => result.findings.filter((finding) => finding.ruleId === id).map((finding) => finding.asset.name).sort();
        expect(byRule('net/ssh-open-to-world')).toEqual(['eu-west-1-ls-p1-i0', 'eu-west-1-ls-p1-i1', 'eu-west-1-ls-p1-i2', 'eu-west-1-ls-p2-i0', 'eu-west-1-ls-p2-i1', 'eu-west-1-ls-p2-i2']);
        expect(byRule('net/rdp-open-to-world')).toEqual(['eu-west-1-ls-p1-i1', 'eu-west-1-ls-p2-i1']);
        expect(result.findings.every((finding) => finding.asset.id.startsWith(`arn:aws:lightsail:eu-west-1:${CALLER}:Instance/`))).toBe(true);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  });
});
