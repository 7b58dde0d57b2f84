import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sarifSchemaErrors } from '../support/sarif-validator.js';
import { startAwsStub } from './aws-server.js';
import { runCliAsync } from './run-cli-async.js';

/** `parapet sweep aws --shard i/n` run as a matrix would, then `parapet merge`: the same results as one sweep. */

const scratch = mkdtempSync(join(tmpdir(), 'parapet-sweep-shards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const READABLE = 'arn:aws:iam::111111111111:role/ParapetAudit';
const UNLISTED = 'arn:aws:iam::333333333333:role/ParapetAudit';
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-north-1', 'ap-south-1', 'sa-east-1', 'ca-central-1'];
const ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'caller-secret-for-tests',
  AWS_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(scratch, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
};

const fingerprints = (log: Sarif.Log) => (log.runs[0].results ?? []).map((result) => result.partialFingerprints?.['parapet/v1']);
const notifications = (log: Sarif.Log) => (log.runs[0].invocations?.[0].toolExecutionNotifications ?? []).map((notification) => `${notification.descriptor?.id} ${notification.message.text}`).sort();
const readLog = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log;

describe('parapet sweep --shard, then parapet merge', () => {
  it('reads each region in exactly one shard, and the merged shards report what one sweep reports', async () => {
    const stub = await startAwsStub({
      keys: {
        AKIDEXAMPLE: { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/sweeper' },
        ASIASESSIONONE: { account: '111111111111', arn: READABLE },
        ASIASESSIONTHREE: { account: '333333333333', arn: UNLISTED },
      },
      roles: { [READABLE]: 'ASIASESSIONONE', [UNLISTED]: 'ASIASESSIONTHREE' },
      regions: REGIONS,
      regionsRefusedFor: ['333333333333'],
      plans: {
        '111111111111/eu-west-1': { corpus: true },
        '111111111111/us-east-1': { pages: 2, groupsPerPage: 3 },
        '111111111111/ap-south-1': { fail: { status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' } },
      },
    });
    try {
      const sweep = async (name: string, shard?: string) => {
        const output = join(scratch, `${name}.sarif`);
        const before = stub.requests.length;
        const args = ['sweep', 'aws', '--endpoint-url', stub.url, '--assume-role', READABLE, '--assume-role', UNLISTED, '--format', 'sarif', '--output', output, '--fail-on', 'none'];
        const run = await runCliAsync(shard ? [...args, '--shard', shard] : args, ENV);
        const regions = stub.requests.slice(before).filter((request) => request.action === 'DescribeSecurityGroups').map((request) => request.region);
        return { run, log: readLog(output), output, regions: new Set(regions) };
      };
      const whole = await sweep('whole');
      const first = await sweep('shard-1', '1/2');
      const second = await sweep('shard-2', '2/2');

      // Each region read by one shard only; both shards have some. The listing ran in both.
      expect(first.regions.size).toBeGreaterThan(0);
      expect(second.regions.size).toBeGreaterThan(0);
      expect([...first.regions].filter((region) => second.regions.has(region))).toEqual([]);
      expect(new Set([...first.regions, ...second.regions])).toEqual(new Set(REGIONS));
      expect(whole.regions).toEqual(new Set(REGIONS));

      // Every shard says the account it could not list: any of them may have missed its own regions there.
      for (const shard of [first, second]) {
        expect(shard.run.status, shard.run.stderr).toBe(2);
        expect(notifications(shard.log).filter((text) => text.startsWith('sweep/unlisted'))).toHaveLength(1);
      }

      const merged = join(scratch, 'merged.sarif');
      const merge = runCli(['merge', first.output, second.output, '--output', merged]);
      expect([merge.status, merge.stderr]).toEqual([0, '']);
      const log = readLog(merged);
      expect(fingerprints(whole.log).length).toBeGreaterThan(0);
      expect(fingerprints(log)).toEqual(fingerprints(whole.log));
      expect(notifications(log)).toEqual(notifications(whole.log));
      expect(log.runs[0].invocations?.[0].executionSuccessful).toBe(false);
      expect(sarifSchemaErrors(log)).toEqual([]);
    } finally {
      await stub.close();
    }
  });

  it('takes i/n with 1 <= i <= n <= 1000, a usage error otherwise', () => {
    for (const wrong of ['0/2', '3/2', '1/1001', 'half']) {
      const run = runCli(['sweep', 'aws', '--shard', wrong]);
      expect([run.status, run.stderr]).toEqual([2, `parapet: --shard takes i/n, whole numbers with 1 <= i <= n <= 1000, got '${wrong}'\n`]);
    }
  });
});
