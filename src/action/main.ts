import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { shownError } from '../model/shown-error.js';
import { shown } from '../model/quote.js';
import { atLeast } from '../model/severity.js';
import { loadReporter } from '../reporters/index.js';
import { EXIT, scanExitStatus } from '../cli/exit-status.js';
import { canFail } from '../model/finding.js';
import { scanForReport } from '../cli/scan-report.js';
import { sweepForReport } from '../cli/sweep-command.js';
import { writeReport } from '../cli/write-report.js';
import { applyBaseline } from '../baseline/apply-baseline.js';
import { chooseAnnotations } from './annotations.js';
import { ensureCloudSdk } from './cloud-sdks.js';
import { setOutputs } from './outputs.js';
import { writeSarifForUpload } from './sarif-upload.js';
import { readScanInputs } from './scan-inputs.js';
import { summaryMarkdown } from './summary.js';
import { workspacePath } from './workspace-path.js';

/** Where the runner put the Action (package.json, package-lock.json): the bundle is action/parapet-action.mjs in it. */
const ACTION_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The GitHub Action (action.yml): one scan (or, input `sweep`, one sweep of a cloud), its report written to `output`, and what a user sees of it in the run. */
async function run(): Promise<void> {
  const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const inputs = await readScanInputs(workspace);
  if ('usageError' in inputs) return core.setFailed(inputs.usageError);

  if (inputs.sweep) {
    const { failure } = ensureCloudSdk(inputs.sweep.cloud, ACTION_DIRECTORY, (line) => core.info(line));
    if (failure) return core.setFailed(failure);
  }
  const scanned = inputs.sweep ? await sweepForReport(inputs.sweep) : await scanForReport({ ...inputs, baseDirectory: workspace });
  // Code scanning ignores baselineState: an absent (fixed) result uploaded would stay an open alert, so SARIF leaves them out.
  const report = inputs.baseline ? applyBaseline(scanned, inputs.baseline, { scannedPaths: inputs.sweep ? [] : inputs.paths, reportAbsent: inputs.format !== 'sarif' }) : scanned;
  const errors = report.problems.filter((problem) => problem.level === 'error').length;
  const failing = report.findings.filter((finding) => canFail(finding) && atLeast(finding.severity, inputs.failOn)).length;

  let limitsReached: string[] = [];
  let writeFailure: string | undefined;
  try {
    mkdirSync(dirname(inputs.output), { recursive: true });
    if (inputs.format === 'sarif') ({ limitsReached } = writeSarifForUpload(report, inputs.output));
    else writeReport((await loadReporter(inputs.format))(report), inputs.output);
  } catch (error) {
    writeFailure = `Cannot write the report to ${shown(inputs.output, 300)} (input 'output'): ${(error as NodeJS.ErrnoException).code ?? shownError(error)}`;
  }

  const fails = scanExitStatus(report, inputs.failOn) !== EXIT.clean || writeFailure !== undefined;
  // The step's failure message is an error annotation too, and must not be the one GitHub drops.
  const annotations = chooseAnnotations(report, workspace, { error: fails ? 1 : 0 });
  for (const { level, message, properties } of annotations.shown) core[level](message, properties);

  if (process.env.GITHUB_STEP_SUMMARY) {
    const output = workspacePath(inputs.output, workspace) ?? inputs.output;
    await core.summary.addRaw(summaryMarkdown({ report, workspace, failOn: inputs.failOn, output, notAnnotated: annotations.left, limitsReached })).write();
  }
  setOutputs({ 'sarif-file': inputs.format === 'sarif' && !writeFailure ? inputs.output : '', findings: report.findings.length + report.omitted, errors });

  const reasons = [
    ...(writeFailure ? [writeFailure] : []),
    ...(errors > 0 ? [`${errors} input${errors === 1 ? '' : 's'} could not be judged`] : []),
    ...(failing > 0 ? [`${failing} finding${failing === 1 ? '' : 's'} at or above '${inputs.failOn}' (input 'fail-on')`] : []),
  ];
  if (reasons.length > 0) core.setFailed(`Parapet: ${reasons.join('; ')} — see the annotations and the job summary.`);
}

run().catch((error: unknown) => core.setFailed(`Parapet failed: ${shownError(error)} — please report this`));
