import { relative, resolve } from 'node:path';
import { RULES } from '../../rules/index.js';
import { combinedChange, planFixes } from '../fix/plan-fixes.js';
import { scanBoundary } from '../fix/scan-boundary.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import { writeFixes } from '../fix/write-fixes.js';
import { formatLocation } from '../model/location.js';
import { formatProblem } from '../model/problem.js';
import { shown } from '../model/quote.js';
import { atLeast, type Severity } from '../model/severity.js';
import { scan } from '../scan/scan.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from './app-ports.js';
import { EXIT } from './exit-status.js';
import { writeProblemsToStderr } from './problems-on-stderr.js';
import { canFail } from '../model/finding.js';

export interface FixArguments {
  file: string;
  root?: string;
  write: boolean;
  failOn: Severity | 'none';
  appPorts?: string;
}

/**
 * `parapet fix FILE`: the fixes of an sshd configuration as a unified diff; with --write, made in place. Exit status:
 * 2 when the configuration could not be read whole or a fix was refused (nothing is written then), 1 when findings
 * at or above --fail-on remain that no fix removes, else 0.
 */
export async function runFix(args: FixArguments): Promise<number> {
  const settings = ruleSettingsFor(args.appPorts);
  if (!settings) return fail(`--app-ports takes ${APP_PORTS_EXPECTED}, got '${args.appPorts}'`);
  const scanned = await scan({ paths: [args.file], type: 'sshd', rules: RULES, settings, root: args.root });
  writeProblemsToStderr(scanned.problems, 'parapet scan --format json');
  if (scanned.problems.some((problem) => problem.level === 'error')) return fail('the configuration could not be read whole — nothing to fix until it can');

  const planned = planFixes(scanned.findings, (mainFile) => ({ mainFile, boundary: scanBoundary(mainFile, [args.file], args.root), settings }));
  const fixed = new Set(planned.flatMap((config) => config.fixes.map(({ finding }) => finding)));
  const base = resolve(args.root ?? '.');
  const out: string[] = [];
  for (const config of planned) {
    const change = combinedChange(config);
    if (typeof change === 'string') return fail(`not fixed: ${change} — nothing written`);
    for (const { original, text } of change) {
      const name = shown(relative(base, resolve(original.path)), 1000);
      out.push(unifiedDiff(original.text, text, `a/${name}`, `b/${name}`));
    }
  }
  for (const config of planned) for (const { finding, reason } of config.withheld) out.push(`# not fixed: ${finding.ruleId} at ${formatLocation(finding.location)}: ${reason}\n`);
  const remaining = scanned.findings.filter((finding) => !fixed.has(finding));
  for (const finding of remaining.filter((finding) => !finding.remedy)) out.push(`# no safe fix: ${finding.ruleId} at ${formatLocation(finding.location)} needs a decision — see parapet explain ${finding.ruleId}\n`);

  if (args.write) {
    const written = writeFixes(planned);
    if (written.refusals.length > 0) {
      for (const refusal of written.refusals) process.stderr.write(`parapet: not fixed: ${formatProblem(refusal)}\n`);
      return EXIT.error;
    }
    out.push(`# fixed ${fixed.size} finding${fixed.size === 1 ? '' : 's'} in ${written.files.length} file${written.files.length === 1 ? '' : 's'}\n`);
  } else if (fixed.size > 0) {
    out.push(`# ${fixed.size} finding${fixed.size === 1 ? '' : 's'} can be fixed: run again with --write to make these changes\n`);
  } else {
    out.push('# nothing to fix\n');
  }
  process.stdout.write(out.join(''));
  return remaining.some((finding) => canFail(finding) && atLeast(finding.severity, args.failOn)) ? EXIT.findings : EXIT.clean;
}

function fail(message: string): number {
  process.stderr.write(`parapet: ${message}\n`);
  return EXIT.error;
}
