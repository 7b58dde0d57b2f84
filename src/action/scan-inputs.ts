import { isAbsolute, resolve } from 'node:path';
import type { RuleSettings } from '../engine/rule.js';
import { shown } from '../model/quote.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { REPORT_FORMATS, type ReportFormat } from '../reporters/index.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from '../cli/app-ports.js';
import { iacOptionsFor } from '../cli/iac-options.js';
import { planSweep, type SweepPlan } from '../cli/sweep-command.js';
import { CLOUDS, SWEEP_OPTIONS } from '../cli/sweep-options.js';
import type { IacOptions } from '../inputs/input-format.js';
import { inputValue, type InputName } from './action-inputs.js';
import { parseArgsInput } from './args-input.js';
import { workspacePath } from './workspace-path.js';
import { readBaseline, type Baseline } from '../baseline/read-baseline.js';
import { RULE_IDS } from '../cli/scan-report.js';
import { settingsUnder } from '../policy/apply-policy.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.js';

/** What the Action was asked to do, checked: every path is absolute. */
export interface ScanInputs {
  workspace: string;
  paths: string[];
  /** Undefined for `root: ''`: then the read boundary keeps reads inside the scanned paths. */
  root?: string;
  type?: string;
  format: ReportFormat;
  output: string;
  failOn: Severity | 'none';
  settings: RuleSettings;
  iac: IacOptions;
  category?: string;
  /** Input `sweep`: the cloud to read live instead of `paths`, checked as `parapet sweep` checks its options. */
  sweep?: SweepPlan;
  /** `--baseline` in input `args`, read: findings are compared with it, and only new ones fail the step. */
  baseline?: Baseline;
  /** The .parapet.yml found upward from the paths (up to the repository root, the workspace). */
  policy?: Policy;
  inlineIgnores: boolean;
}

const FAIL_ON = [...SEVERITIES, 'none'] as const;

/** Reads and checks the inputs; a bad value is one line that names the input. */
export async function readScanInputs(workspace: string): Promise<ScanInputs | { usageError: string }> {
  const value = (name: InputName) => inputValue(name, workspace);
  const inWorkspace = (path: string) => (isAbsolute(path) ? path : resolve(workspace, path));

  const format = value('format');
  if (!isOneOf(format, REPORT_FORMATS)) return mustBe('format', `one of ${REPORT_FORMATS.join(', ')}`, format);
  const failOn = value('fail-on');
  if (!isOneOf(failOn, FAIL_ON)) return mustBe('fail-on', `one of ${FAIL_ON.join(', ')}`, failOn);
  const settings = ruleSettingsFor(value('app-ports'));
  if (!settings) return mustBe('app-ports', APP_PORTS_EXPECTED, value('app-ports'));
  const output = value('output');
  if (!output) return mustBe('output', 'the file to write the report to', output);
  const sweepInput = value('sweep');
  const cloud = CLOUDS.find((name) => name === sweepInput);
  if (sweepInput && !cloud) return mustBe('sweep', `empty (a scan of 'paths') or one of ${CLOUDS.join(', ')}`, sweepInput);
  const extra = await parseArgsInput(value('args'), cloud ? 'sweep' : 'scan');
  if ('usageError' in extra) return extra;
  const category = value('category');
  let sweep: SweepPlan | undefined;
  if (cloud) {
    const snapshotDir = extra.snapshotDir === undefined ? undefined : inWorkspace(extra.snapshotDir);
    const plan = planSweep({
      cloud,
      format,
      failOn,
      appPorts: value('app-ports'),
      regions: value('regions'),
      subscriptions: value('subscriptions'),
      projects: value('projects'),
      assumeRole: extra.assumeRole,
      accountsFile: extra.accountsFile === undefined ? undefined : inWorkspace(extra.accountsFile),
      endpointUrl: extra.endpointUrl,
      snapshotDir,
      concurrency: extra.concurrency ?? SWEEP_OPTIONS.concurrency.default,
      shard: extra.shard,
      category: category || undefined,
      // Snapshots kept in the workspace are placed in it, as code scanning locates results.
      baseDirectory: snapshotDir !== undefined && workspacePath(snapshotDir, workspace) !== undefined ? workspace : undefined,
    });
    if ('usageError' in plan) return { usageError: `Input 'args': ${plan.usageError}` };
    sweep = plan;
  }
  const iac = iacOptionsFor(extra.varFile?.map(inWorkspace), extra.parameter);
  if ('usageError' in iac) return { usageError: `Input 'args': ${iac.usageError}` };
  const baseline = extra.baseline === undefined ? undefined : readBaseline(inWorkspace(extra.baseline));
  if (baseline && 'usageError' in baseline) return { usageError: `Input 'args': ${baseline.usageError}` };

  const paths = (value('paths').split(/\s+/).filter(Boolean).length > 0 ? value('paths').split(/\s+/).filter(Boolean) : ['.']).map(inWorkspace);
  const loaded = await loadPolicy(cloud ? [workspace] : paths, RULE_IDS, extra.config === undefined ? undefined : inWorkspace(extra.config), workspace);
  if ('usageError' in loaded) return { usageError: loaded.usageError };
  if (sweep) sweep.policy = loaded.policy;
  const root = value('root');
  return {
    workspace,
    paths,
    root: root ? inWorkspace(root) : undefined,
    type: extra.type,
    format,
    output: inWorkspace(output),
    failOn,
    settings: settingsUnder(settings, loaded.policy, value('app-ports') !== ''),
    iac,
    category: category || undefined,
    sweep,
    baseline,
    policy: loaded.policy,
    inlineIgnores: extra.inlineIgnores ?? true,
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function mustBe(name: InputName, expected: string, got: string): { usageError: string } {
  return { usageError: `Input '${name}' must be ${expected}; got '${shown(got, 80)}'` };
}
