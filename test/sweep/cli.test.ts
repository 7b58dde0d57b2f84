import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { awsChildEnvironment } from './aws-environment.js';
import { startAwsStub } from './aws-server.js';
import { startAzureStub } from './azure-server.js';
import { throwAwayCertificate } from './azure-tls.js';
import { startGcpServer } from './gcp-server.js';
import { runCliAsync } from './run-cli-async.js';

/** `parapet sweep` as a user runs it: the bundled CLI, the real SDKs and credential chains, a local server per cloud. */

const scratch = mkdtempSync(join(tmpdir(), 'parapet-sweep-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonReport {
  findings: { ruleId: string; fingerprint: string; asset: { id: string }; location: { file: string; line: number } }[];
  problems: { id: string; file: string; level: string; message: string }[];
}

const ACCOUNT = '123456789012';
const AWS_ENV = awsChildEnvironment;

describe('parapet sweep aws', () => {
  it('reads every region, keeps the evidence, reports a region it could not read, and exits 2', async () => {
    const stub = await startAwsStub({
      keys: { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/sweeper` } },
      regions: ['eu-west-1', 'us-east-1', 'ap-south-1'],
      plans: {
        [`${ACCOUNT}/eu-west-1`]: { corpus: true },
        [`${ACCOUNT}/us-east-1`]: { pages: 3, groupsPerPage: 4 },
        [`${ACCOUNT}/ap-south-1`]: { fail: { status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' } },
      },
    });
    try {
      const snapshots = join(scratch, 'aws-evidence');
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', stub.url, '--snapshot-dir', snapshots, '--format', 'json', '--fail-on', 'none'], AWS_ENV(scratch));
      expect(run.status, run.stderr).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(readdirSync(snapshots).sort()).toEqual([`aws-${ACCOUNT}-eu-west-1.json`, `aws-${ACCOUNT}-us-east-1.json`]);
      expect(report.problems.filter((problem) => problem.level === 'error').map((problem) => [problem.id, problem.file])).toEqual([['sweep/unreadable', join(snapshots, `aws-${ACCOUNT}-ap-south-1.json`)]]);
      expect(report.problems.find((problem) => problem.id === 'sweep/unreadable')?.message).toMatch(/^AWS account 123456789012 in ap-south-1 could not be read in full: .*UnauthorizedOperation/);
      const ssh = report.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
      expect(ssh.length).toBeGreaterThan(0);
      for (const finding of ssh) {
        expect(finding.asset.id).toMatch(/^arn:aws:ec2:(eu-west-1|us-east-1):123456789012:security-group\/sg-/);
        expect(finding.location.file.startsWith(snapshots)).toBe(true);
      }
      expect(run.stderr).toContain('parapet: error: ');

      // The evidence judged offline gives the same findings.
      const offline = runCli(['scan', snapshots, '--format', 'json', '--fail-on', 'none']);
      const rescanned = JSON.parse(offline.stdout) as JsonReport;
      expect(rescanned.findings.map((finding) => finding.fingerprint).sort()).toEqual(report.findings.map((finding) => finding.fingerprint).sort());
    } finally {
      await stub.close();
    }
  });

  it('without --snapshot-dir leaves no file behind and names the targets in the report', async () => {
    const stub = await startAwsStub({ keys: { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/sweeper` } }, plans: { [`${ACCOUNT}/eu-west-1`]: { corpus: true } } });
    try {
      const before = new Set(readdirSync(tmpdir()));
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', stub.url, '--regions', 'eu-west-1', '--format', 'sarif'], AWS_ENV(scratch));
      expect(run.status, run.stderr).toBe(1);
      const sarif = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(new Set(sarif.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set([`aws-${ACCOUNT}-eu-west-1.json`]));
      expect([...readdirSync(tmpdir())].filter((name) => name.startsWith('parapet-sweep-') && !before.has(name))).toEqual([]);
    } finally {
      await stub.close();
    }
  });

  it('warns, naming the region, when what uses its groups cannot be read, and judges the groups all the same', async () => {
    const stub = await startAwsStub({
      keys: { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/sweeper` } },
      plans: { [`${ACCOUNT}/eu-west-1`]: { pages: 2, groupsPerPage: 3, refuseInterfaces: true }, [`${ACCOUNT}/us-east-1`]: { groupsPerPage: 3 } },
    });
    try {
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', stub.url, '--regions', 'eu-west-1,us-east-1', '--format', 'json'], AWS_ENV(scratch));
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.problems.map((problem) => [problem.id, problem.level, problem.file])).toEqual([['sweep/attachment-unknown', 'warning', expect.stringMatching(new RegExp(`/aws-${ACCOUNT}-eu-west-1\\.json$`))]]);
      expect(report.problems[0].message).toMatch(/^AWS account 123456789012 in eu-west-1: what uses its security groups is unknown: EC2 DescribeNetworkInterfaces failed: 'UnauthorizedOperation'/);
      expect(run.stderr).toContain('parapet: warning: ');
      const regions = new Set(report.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => finding.asset.id.split(':')[3]));
      expect(regions).toEqual(new Set(['eu-west-1', 'us-east-1']));
    } finally {
      await stub.close();
    }
  });

  it('reads Lightsail instances beside the security groups into a listing of their own; a refused Lightsail is a warning', async () => {
    const identity = { AKIDEXAMPLE: { account: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/sweeper` } };
    const stub = await startAwsStub({ keys: identity, lightsailRegions: ['eu-west-1'], lightsail: { [`${ACCOUNT}/eu-west-1`]: { instancesPerPage: 2 } } });
    try {
      const snapshots = join(scratch, 'aws-lightsail-evidence');
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', stub.url, '--regions', 'eu-west-1', '--snapshot-dir', snapshots, '--format', 'json'], AWS_ENV(scratch));
      expect(run.status, run.stderr).toBe(1);
      expect(readdirSync(snapshots).sort()).toEqual([`aws-${ACCOUNT}-eu-west-1.json`, `aws-lightsail-${ACCOUNT}-eu-west-1.json`]);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.problems).toEqual([]);
      const rdp = report.findings.filter((finding) => finding.ruleId === 'net/rdp-open-to-world');
      expect(rdp.map((finding) => [finding.asset.id.split('/')[0], finding.location.file])).toEqual([[`arn:aws:lightsail:eu-west-1:${ACCOUNT}:Instance`, join(snapshots, `aws-lightsail-${ACCOUNT}-eu-west-1.json`)]]);
    } finally {
      await stub.close();
    }
    const refusing = await startAwsStub({ keys: identity, lightsailRegions: ['eu-west-1'], lightsailRefusedFor: [ACCOUNT] });
    try {
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', refusing.url, '--regions', 'eu-west-1', '--format', 'json'], AWS_ENV(scratch));
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.problems.map((problem) => [problem.id, problem.level])).toEqual([['sweep/not-modelled', 'warning']]);
      expect(report.problems[0].message).toContain('its Lightsail instances were not read');
    } finally {
      await refusing.close();
    }
  });

  it('refused credentials are an error naming the account, never a clean result', async () => {
    const stub = await startAwsStub({ keys: {}, plans: {} });
    try {
      const run = await runCliAsync(['sweep', 'aws', '--endpoint-url', stub.url, '--regions', 'eu-west-1', '--format', 'json'], AWS_ENV(scratch));
      expect(run.status).toBe(2);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.problems.map((problem) => problem.id)).toContain('sweep/refused');
      expect(report.findings).toEqual([]);
    } finally {
      await stub.close();
    }
  });

  it('checks its arguments before it reads anything', () => {
    const file = join(scratch, 'accounts.txt');
    writeFileSync(file, `# one role per account\narn:aws:iam::${ACCOUNT}:role/audit\nnot-a-role\n`);
    const run = runCli(['sweep', 'aws', '--accounts-file', file]);
    expect([run.status, run.stderr]).toEqual([2, "parapet: not a role ARN (arn:aws:iam::123456789012:role/NAME): 'not-a-role'\n"]);
    expect(runCli(['sweep', 'aws', '--concurrency', '0']).stderr).toBe("parapet: --concurrency takes a whole number from 1 to 64, got '0'\n");
  });
});

describe('parapet sweep gcp', () => {
  it('reads the projects through workload identity federation and judges their firewall rules', async () => {
    const server = await startGcpServer();
    try {
      const rule = { kind: 'compute#firewall', id: '1', name: 'allow-ssh', network: 'https://www.googleapis.com/compute/v1/projects/prod/global/networks/default', direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }], selfLink: 'https://www.googleapis.com/compute/v1/projects/prod/global/firewalls/allow-ssh' };
      server.plans.set('prod', { pages: [[rule], [{ ...rule, id: '2', name: 'allow-rdp', allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }], selfLink: rule.selfLink.replace('allow-ssh', 'allow-rdp') }]] });
      const home = mkdtempSync(join(scratch, 'gcp-'));
      writeFileSync(join(home, 'oidc-token'), server.subjectToken);
      writeFileSync(join(home, 'credentials.json'), JSON.stringify({ type: 'external_account', audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/providers/parapet', subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', token_url: server.tokenUrl, credential_source: { file: join(home, 'oidc-token') } }));
      const run = await runCliAsync(['sweep', 'gcp', '--endpoint-url', server.url, '--projects', 'prod', '--format', 'json'], { GOOGLE_APPLICATION_CREDENTIALS: join(home, 'credentials.json') });
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['net/ssh-open-to-world', 'net/rdp-open-to-world']));
      // The project has no instance: the rules reach nothing yet, and say so.
      expect(report.findings.filter((finding) => finding.ruleId === 'cloud/unused-security-group').map((finding) => finding.location.line).length).toBe(2);
      expect((report.findings.find((finding) => finding.ruleId === 'net/ssh-open-to-world') as unknown as { message: string }).message).toContain('It applies to no instance now');
      expect(report.problems).toEqual([]);
      expect(server.requests.length).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('parapet sweep azure', () => {
  it('reads every subscription through DefaultAzureCredential over TLS and judges the NSGs', async () => {
    const certificate = throwAwayCertificate();
    const subscription = '11111111-1111-1111-1111-111111111111';
    const stub = await startAzureStub(certificate, { clientSecret: 'right-secret', subscriptions: [{ id: subscription, nsgs: 3, pageSize: 2 }] });
    try {
      const run = await runCliAsync(['sweep', 'azure', '--endpoint-url', stub.url, '--format', 'json', '--fail-on', 'none'], {
        AZURE_TENANT_ID: 'tenant-1',
        AZURE_CLIENT_ID: 'client-1',
        AZURE_CLIENT_SECRET: 'right-secret',
        AZURE_AUTHORITY_HOST: stub.url,
        NODE_EXTRA_CA_CERTS: certificate.certificatePath,
      });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.problems).toEqual([]);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(new Set(report.findings.map((finding) => finding.asset.id.split('/')[2]))).toEqual(new Set([subscription]));
    } finally {
      await stub.close();
      certificate.remove();
    }
  });
});
