import { isAbsolute, relative, sep } from 'node:path';
import { canFail } from '../model/finding.js';
import { compareRank } from '../engine/most-severe.js';
import type { Rule } from '../engine/rule.js';
import { reportedAsset, type Asset } from '../model/asset.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { redacted, shown } from '../model/quote.js';

/** What the reports for people (markdown, csv, html, junit) share: paths, statuses, orders and counts. */

/** The input types as a report names them, by asset kind. */
export const INPUT_TYPE_NAMES: Record<Asset['kind'], string> = {
  sshd: 'sshd',
  ufw: 'ufw',
  'windows-firewall': 'Windows firewall',
  'aws-security-group': 'AWS security group',
  'aws-lightsail-instance': 'AWS Lightsail instance firewall',
  'azure-nsg': 'Azure NSG',
  'azure-admin-rules': 'Azure security admin rules',
  'azure-firewall': 'Azure Firewall DNAT rules',
  'gcp-network': 'GCP network',
  'gcp-firewall-policy': 'GCP firewall policy',
};

/** The model a rule must declare to judge an asset of this kind. */
export function ruleInputOf(kind: Asset['kind']): Rule['input'] {
  return kind === 'sshd' ? 'sshd' : 'network';
}

/** A path as reports show it: relative to the base directory when inside it (as SARIF does), escaped and cut. */
export function displayPath(file: string, baseDirectory: string): string {
  const fromBase = relative(baseDirectory, file);
  const inside = fromBase !== '' && !fromBase.startsWith('..') && !isAbsolute(fromBase);
  return shown(inside ? fromBase.split(sep).join('/') : file, 1000);
}

/** What a report says of a finding beyond the rule's judgement, in words; undefined when there is nothing to say. */
export interface StatusView {
  /** 'suppressed', 'new', 'unchanged', 'updated', 'absent'. */
  label: string;
  /** A sentence for people: the suppression's reason, what the baseline state means. */
  text: string;
  /** Whether the finding can fail the run (canFail). */
  fails: boolean;
}

const BASELINE_WORDS: Record<NonNullable<Finding['baselineState']>, string> = {
  new: 'new since the baseline',
  unchanged: 'in the baseline, unchanged',
  updated: 'in the baseline, updated',
  absent: 'in the baseline, no longer found',
};

export function statusOf(finding: Finding): StatusView | undefined {
  const fails = canFail(finding);
  if (finding.suppression) {
    const where = finding.suppression.kind === 'inSource' ? 'in the source' : 'by the configuration';
    return { label: 'suppressed', text: `suppressed ${where}: ${redacted(finding.suppression.justification, 200)}`, fails };
  }
  if (finding.baselineState) return { label: finding.baselineState, text: BASELINE_WORDS[finding.baselineState], fails };
  return undefined;
}

/** The most severe first, then by file and line: the order of a report that may be cut. */
export function mostSevereFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareRank);
}

export function severityCounts(findings: Iterable<Finding>): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}


export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * An asset as reports for people name it: a host config's path relative to the base directory, a cloud id as it is, an
 * address in infrastructure code with the module or template that declares it (addresses repeat across modules);
 * escaped, cut and redacted as messages show assets.
 */
export function assetLabel(asset: Asset, baseDirectory: string): string {
  const reported = reportedAsset(asset);
  const id = isAbsolute(asset.id) ? displayPath(asset.id, baseDirectory) : reported.id;
  const name = reported.name && asset.name !== asset.id ? ` (${reported.name})` : '';
  const within = asset.within === undefined ? '' : ` in ${displayPath(asset.within, baseDirectory)}`;
  return `${id}${name}${within}`;
}
