import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionYml, REPOSITORY } from './runner.js';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on'?: unknown;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: Record<string, string>;
  jobs?: Record<string, Job>;
}

const directory = join(REPOSITORY, 'examples/workflows');
const files = readdirSync(directory).filter((name) => name.endsWith('.yml'));
const inputs = Object.keys(readActionYml().inputs);
const isParapet = (step: Step) => /^[\w.-]+\/parapet@v\d+$/.test(step.uses ?? '');
const runsTheCli = (step: Step) => /\bparapet(?:\.js)? (?:scan|sweep|merge)\b/.test(step.run ?? '');
const isUpload = (step: Step) => (step.uses ?? '').startsWith('github/codeql-action/upload-sarif@');

/** What GitHub requires of a workflow, and what the recipes promise: Parapet's inputs exist, uploads have their permission and run when the scan failed. */
function checkWorkflow(workflow: Workflow): void {
  expect(workflow.on).toBeTruthy();
  expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0);
  for (const job of Object.values(workflow.jobs ?? {})) {
    expect(job['runs-on']).toBeTruthy();
    expect(job.steps?.length).toBeGreaterThan(0);
    for (const step of job.steps ?? []) {
      expect(Number(step.uses !== undefined) + Number(step.run !== undefined), JSON.stringify(step)).toBe(1);
      if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$/);
    }
    // Parapet runs in every job: as the Action, whose inputs must exist, or as the CLI (a sweep's shards and merge).
    const parapet = job.steps?.filter(isParapet) ?? [];
    expect(parapet.length + (job.steps?.filter(runsTheCli).length ?? 0)).toBeGreaterThan(0);
    for (const step of parapet) for (const input of Object.keys(step.with ?? {})) expect(inputs).toContain(input);
    for (const upload of job.steps?.filter(isUpload) ?? []) {
      expect({ ...workflow.permissions, ...job.permissions }['security-events']).toBe('write');
      expect(upload.if).toContain('always()');
      expect(upload.with?.sarif_file).toBeTruthy();
    }
  }
}

describe('examples/workflows', () => {
  it('holds the four recipes', () => {
    expect(files.sort()).toEqual(['fork-pull-request.yml', 'pull-request.yml', 'scheduled-exports.yml', 'scheduled-sweep.yml']);
  });

  it.each(files)('%s is a valid workflow', (file) => {
    checkWorkflow(parse(readFileSync(join(directory, file), 'utf8')) as Workflow);
  });

  it('uploads to code scanning except from a fork, whose token cannot write', () => {
    const steps = (file: string) => Object.values((parse(readFileSync(join(directory, file), 'utf8')) as Workflow).jobs ?? {}).flatMap((job) => job.steps ?? []);
    expect(steps('pull-request.yml').some(isUpload)).toBe(true);
    expect(steps('scheduled-exports.yml').some(isUpload)).toBe(true);
    expect(steps('fork-pull-request.yml').some(isUpload)).toBe(false);
    const fork = parse(readFileSync(join(directory, 'fork-pull-request.yml'), 'utf8')) as Workflow;
    expect(Object.values(fork.permissions ?? {}).every((permission) => permission === 'read')).toBe(true);
  });

  it('sweeps each cloud logged in through OIDC, each upload with a category of its own', () => {
    const workflow = parse(readFileSync(join(directory, 'scheduled-sweep.yml'), 'utf8')) as Workflow;
    const logins: Record<string, [string, string[]]> = {
      aws: ['aws-actions/configure-aws-credentials@v4', ['role-to-assume']],
      azure: ['azure/login@v2', ['client-id', 'tenant-id', 'subscription-id']],
      gcp: ['google-github-actions/auth@v2', ['workload_identity_provider', 'service_account']],
    };
    const categories = new Set<unknown>();
    for (const [cloud, [login, withInputs]] of Object.entries(logins)) {
      const job = workflow.jobs?.[cloud];
      expect(job?.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write', contents: 'read' });
      const steps = job?.steps ?? [];
      const loginAt = steps.findIndex((step) => step.uses === login);
      const parapetAt = steps.findIndex(isParapet);
      expect(loginAt, cloud).toBeGreaterThanOrEqual(0);
      expect(Object.keys(steps[loginAt].with ?? {})).toEqual(expect.arrayContaining(withInputs));
      expect(parapetAt).toBeGreaterThan(loginAt);
      expect(steps[parapetAt].with?.sweep).toBe(cloud);
      const upload = steps.find(isUpload);
      expect(upload?.if).toContain('always()');
      categories.add(upload?.with?.category);
    }
    expect(categories.size).toBe(3);
    expect(categories.has(undefined)).toBe(false);
  });

  it('the README shows workflows that are as valid', () => {
    const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parse(match[1]) as Workflow).filter((block) => block.jobs);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) checkWorkflow(block);
  });
});
