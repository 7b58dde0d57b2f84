import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RuleSettings } from '../engine/rule.js';
import type { Severity } from '../model/severity.js';
import { shown } from '../model/quote.js';
import { FINDINGS_SHOWN, type ReportFormat } from '../reporters/index.js';
import { RULES } from '../../rules/index.js';
import { formatByType } from '../inputs/formats.js';
import { problemAt } from '../model/problem.js';
import { FileJudge } from '../scan/file-judge.js';
import { applyPolicy, rulesUnder, settingsUnder } from '../policy/apply-policy.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.js';
import { RULE_IDS } from './scan-report.js';
import type { Report } from '../reporters/report.js';
import type { Cloud, SweepOptions } from '../sweep/cloud-sweeper.js';
import { parseShard, SHARD_EXPECTED, type Shard } from '../sweep/shard.js';
import { sweepInThread } from '../sweep/sweep-thread.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from './app-ports.js';
import { deliverReport } from './deliver-report.js';
import { EXIT } from './exit-status.js';

export interface SweepArguments {
  cloud: Cloud;
  format: ReportFormat;
  output?: string;
  failOn: Severity | 'none';
  appPorts?: string;
  config?: string;
  regions?: string;
  assumeRole?: string[];
  accountsFile?: string;
  subscriptions?: string;
  projects?: string;
  endpointUrl?: string;
  snapshotDir?: string;
  concurrency: number;
  shard?: string;
  baseline?: string;
}

/** A sweep, checked: what to read of the cloud, and how to judge and report it. */
export interface SweepPlan {
  cloud: Cloud;
  format: ReportFormat;
  settings: RuleSettings;
  options: SweepOptions;
  snapshotDir?: string;
  concurrency: number;
  shard?: Shard;
  /** SARIF `automationDetails.id` category (the Action's `category` input). */
  category?: string;
  /** With a snapshot directory: paths in SARIF are made relative to this directory instead of it (the Action: the workspace). */
  baseDirectory?: string;
  /** .parapet.yml: rules off or at other severities, overrides and ignore entries by resource (a sweep has no comments to read). */
  policy?: Policy;
}

/** `parapet sweep`: reads the cloud into export files (kept with --snapshot-dir) and judges them as `scan` would. */
export async function runSweep(args: SweepArguments): Promise<number> {
  const plan = planSweep(args);
  if ('usageError' in plan) return usageError(plan.usageError);
  const loaded = await loadPolicy(['.'], RULE_IDS, args.config);
  if ('usageError' in loaded) return usageError(loaded.usageError);
  plan.policy = loaded.policy;
  plan.settings = settingsUnder(plan.settings, loaded.policy, args.appPorts !== undefined);
  // Read before the sweep: a baseline that cannot be used stops the run before the cloud is read.
  const baseline = args.baseline === undefined ? undefined : (await import('../baseline/read-baseline.js')).readBaseline(args.baseline);
  if (baseline && 'usageError' in baseline) return usageError(baseline.usageError);
  const swept = await sweepForReport(plan);
  const report = baseline ? (await import('../baseline/apply-baseline.js')).applyBaseline(swept, baseline, { scannedPaths: [] }) : swept;
  return await deliverReport(report, args.format, args.output, args.failOn);
}

/** Checks the arguments of a sweep (the CLI's options, or the Action's inputs): a wrong one is a usage error naming its option. */
export function planSweep(args: SweepArguments & { category?: string; baseDirectory?: string }): SweepPlan | { usageError: string } {
  const settings = ruleSettingsFor(args.appPorts);
  if (!settings) return { usageError: `--app-ports takes ${APP_PORTS_EXPECTED}, got '${shown(args.appPorts ?? '', 80)}'` };
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1 || args.concurrency > 64) return { usageError: `--concurrency takes a whole number from 1 to 64, got '${args.concurrency}'` };
  let shard: Shard | undefined;
  if (args.shard !== undefined && !(shard = parseShard(args.shard))) return { usageError: `--shard takes ${SHARD_EXPECTED}, got '${shown(args.shard, 80)}'` };
  const roles = rolesToAssume(args);
  if ('usageError' in roles) return roles;
  const options: SweepOptions = {
    endpointUrl: args.endpointUrl,
    regions: list(args.regions),
    assumeRoles: roles.roles.length > 0 ? roles.roles : undefined,
    subscriptions: list(args.subscriptions),
    projects: list(args.projects),
  };
  return { cloud: args.cloud, format: args.format, settings, options, snapshotDir: args.snapshotDir, concurrency: args.concurrency, shard, category: args.category, baseDirectory: args.baseDirectory };
}

/**
 * Reads the cloud and judges what was read: the report the CLI and the Action deliver. Each target's file is judged as
 * soon as it is written. Without a snapshot directory the files are gone when it returns.
 */
export async function sweepForReport(plan: SweepPlan): Promise<Report> {
  const directory = plan.snapshotDir ?? mkdtempSync(join(tmpdir(), 'parapet-sweep-'));
  try {
    mkdirSync(directory, { recursive: true });
    const rules = rulesUnder(RULES, plan.policy);
    const judge = new FileJudge({ rules, settings: plan.settings, limit: FINDINGS_SHOWN[plan.format] });
    let judging = Promise.resolve();
    const swept = await sweepInThread({
      cloud: plan.cloud,
      options: plan.options,
      directory,
      concurrency: plan.concurrency,
      shard: plan.shard,
      progress: process.stderr.isTTY ? showProgress : undefined,
      written: (path, inputType) => (judging = judging.then(() => judge.judge(path, formatByType(inputType)!, directory))),
    });
    await judging;
    if (process.stderr.isTTY) process.stderr.write('\n');
    const judged = judge.judged();
    const governed = applyPolicy(judged.findings, judged, plan.policy, { inlineIgnores: false, ruleIds: RULE_IDS });
    const problems = [...swept.problems, ...judged.problems, ...governed.problems];
    if (swept.files.length === 0 && !problems.some((problem) => problem.level === 'error')) {
      problems.push(problemAt('input/nothing-scanned', { file: directory }, 'the sweep found no security group in any target it read — nothing was judged'));
    }
    // Without --snapshot-dir the files are gone after the report: paths are given as their names alone.
    const baseDirectory = plan.snapshotDir === undefined ? resolve(directory) : resolve(plan.baseDirectory ?? directory);
    return { ...judged, findings: governed.findings, problems, scannedFiles: judged.scannedFiles.sort(), skippedFiles: [], rules, baseDirectory, category: plan.category };
  } finally {
    if (plan.snapshotDir === undefined) rmSync(directory, { recursive: true, force: true });
  }
}

function usageError(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}

function showProgress(done: number, total: number, groups: number): void {
  process.stderr.write(`\rparapet: swept ${done}/${total} targets, ${groups.toLocaleString('en')} groups read`);
}

function list(text: string | undefined): string[] | undefined {
  const items = text?.split(',').map((item) => item.trim()).filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** --assume-role and the lines of --accounts-file (blank lines and # comments skipped), each a role ARN. */
function rolesToAssume(args: SweepArguments): { roles: string[] } | { usageError: string } {
  const roles = [...(args.assumeRole ?? [])];
  if (args.accountsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(args.accountsFile, 'utf8');
    } catch (error) {
      return { usageError: `cannot read --accounts-file ${shown(args.accountsFile, 200)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
    }
    for (const line of text.split(/\r?\n/)) {
      const role = line.replace(/#.*/, '').trim();
      if (role) roles.push(role);
    }
  }
  const wrong = roles.find((role) => !ROLE_ARN.test(role));
  return wrong === undefined ? { roles } : { usageError: `not a role ARN (arn:aws:iam::123456789012:role/NAME): '${shown(wrong, 80)}'` };
}
