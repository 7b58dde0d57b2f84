import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report, Reporter } from '../../src/reporters/report.js';
import { scan } from '../../src/scan/scan.js';

export const REPOSITORY = new URL('../../', import.meta.url).pathname;
const AWS_EXAMPLE = join(REPOSITORY, 'examples/cloud/aws-describe-security-groups.json');

/** A report as the CLI makes it, from a real scan of files in the repository (or a temporary tree). */
export async function reportOf(paths: string[], baseDirectory = REPOSITORY): Promise<Report> {
  const result = await scan({ paths: paths.map((path) => (path.startsWith('/') ? path : join(REPOSITORY, path))), rules: RULES, settings: DEFAULT_RULE_SETTINGS });
  return { ...result, rules: RULES, baseDirectory };
}

export function rendered(reporter: Reporter, report: Report): string {
  return [...reporter(report)].join('');
}

/**
 * The bundled AWS export with its first group renamed, written to a fresh directory as `fileName`: a tree a pull
 * request could have written, every group with an id of its own. `copies` repeats the groups to make a large export.
 */
export function hostileAwsExport(groupName: string, options: { fileName?: string; copies?: number } = {}): { directory: string; file: string } {
  const example = JSON.parse(readFileSync(AWS_EXAMPLE, 'utf8')) as { SecurityGroups: { GroupName: string; GroupId: string; SecurityGroupArn: string }[] };
  const groups = [];
  for (let copy = 0; copy < (options.copies ?? 1); copy++) {
    // Ids of their own: the same group twice would be one asset, its findings reported once, from whichever file
    // the scan read first.
    const suffix = `-copy${copy}`;
    for (const [index, group] of example.SecurityGroups.entries()) {
      const GroupName = copy === 0 && index === 0 ? groupName : `${group.GroupName}-${copy}`;
      groups.push({ ...group, GroupId: `${group.GroupId}${suffix}`, SecurityGroupArn: `${group.SecurityGroupArn}${suffix}`, GroupName });
    }
  }
  const directory = mkdtempSync(join(tmpdir(), 'parapet-reports-'));
  const file = join(directory, options.fileName ?? 'export.json');
  writeFileSync(file, JSON.stringify({ SecurityGroups: groups }, null, 2));
  return { directory, file };
}

/** What the policy and a baseline would set on findings: a suppression with a reason, and baseline states. */
export function withStatuses(report: Report, justification = 'accepted risk: the contractors VPN ends in June'): Report {
  const findings = report.findings.map((finding, index): Finding => {
    if (index === 0) return { ...finding, suppression: { kind: 'inSource', justification, location: { file: finding.location.file, line: Math.max(1, finding.location.line - 1) } } };
    if (index % 3 === 1) return { ...finding, baselineState: 'unchanged' };
    return { ...finding, baselineState: 'new' };
  });
  return { ...report, findings };
}
