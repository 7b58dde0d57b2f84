import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Rule, RuleSettings } from '../engine/rule.js';
import type { Finding, Suppression } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { problemAt } from '../model/problem.js';
import { quoted, redacted, shown } from '../model/quote.js';
import { globPattern } from './glob.js';
import { inlineIgnoresIn, type InlineIgnore } from './inline-ignores.js';
import { policyDirectory, type Policy, type PolicyIgnore, type RuleSetting } from './policy.js';

/** The rules a policy leaves on, each at the severity it sets (what SARIF's rules[] then says). */
export function rulesUnder(rules: readonly Rule[], policy: Policy | undefined): Rule[] {
  if (!policy) return [...rules];
  return rules.flatMap((rule) => {
    const setting = policy.rules.get(rule.id);
    return setting === 'off' ? [] : setting ? [{ ...rule, severity: setting }] : [rule];
  });
}

/** The rule settings under a policy: its trusted networks, and its application ports unless --app-ports named others. */
export function settingsUnder(settings: RuleSettings, policy: Policy | undefined, appPortsGiven: boolean): RuleSettings {
  if (!policy) return settings;
  return { ...settings, trustedNetworks: policy.trustedNetworks, appPorts: !appPortsGiven && policy.appPorts ? policy.appPorts : settings.appPorts };
}

export interface PolicyOutcome {
  findings: Finding[];
  /** Stale, expired and refused suppressions: warnings. */
  problems: InputProblem[];
}

/**
 * After the rules ran: the per-path and per-resource overrides (in order, the last that matches wins; `off` drops the
 * finding), then the suppressions — `parapet-ignore` comments on the lines right above a finding (unless
 * `inlineIgnores` is false), then the config's `ignore:` entries. A suppressed finding stays in the report and does
 * not fail the run. A suppression past its `until` date suppresses nothing and says so; one that matches nothing is
 * reported as stale; a comment without a reason, or naming no known rule, is refused.
 */
export function applyPolicy(findings: readonly Finding[], files: { scannedFiles: readonly string[]; commentedFiles: readonly string[] }, policy: Policy | undefined, options: { inlineIgnores: boolean; ruleIds: ReadonlySet<string>; today?: string }): PolicyOutcome {
  const { scannedFiles, commentedFiles } = files;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: InputProblem[] = [];
  const base = policy ? policyDirectory(policy) : undefined;
  const pathOf = (file: string) => (base === undefined ? file : relative(base, resolve(file)).split(sep).join('/'));
  const overrides = (policy?.overrides ?? []).map((override) => ({ paths: override.paths.map(globPattern), resources: override.resources.map(globPattern), rules: override.rules }));
  const ignores = (policy?.ignores ?? []).map((ignore) => ({ ignore, path: ignore.path ? globPattern(ignore.path) : undefined, resource: ignore.resource ? globPattern(ignore.resource) : undefined, used: false }));
  // Only files whose format has comments are read again for them: never a cloud export or a plan.
  const inline = options.inlineIgnores ? new InlineIndex(commentedFiles, options.ruleIds, problems) : undefined;

  const kept: Finding[] = [];
  for (const finding of findings) {
    const path = pathOf(finding.location.file);
    let setting: RuleSetting | undefined;
    for (const override of overrides) {
      const applies = override.paths.some((glob) => glob.test(path)) || override.resources.some((glob) => glob.test(finding.asset.id));
      setting = (applies && override.rules.get(finding.ruleId)) || setting;
    }
    if (setting === 'off') continue;
    const judged: Finding = setting ? { ...finding, severity: setting } : finding;

    let suppression = inline?.suppressionOf(judged);
    for (const entry of ignores) {
      if (suppression) break;
      const { ignore } = entry;
      if (ignore.rule !== judged.ruleId || (entry.path && !entry.path.test(path)) || (entry.resource && !entry.resource.test(judged.asset.id))) continue;
      entry.used = true;
      if (expired(ignore.until, today)) problems.push(expiredProblem(ignore.location, ignore.rule, ignore.until!, judged));
      else suppression = { kind: 'external', justification: redacted(ignore.reason, 300), location: ignore.location };
    }
    kept.push(suppression ? { ...judged, suppression } : judged);
  }

  inline?.reportStale(problems);
  const scannedPaths = scannedFiles.map(pathOf);
  for (const { ignore, path, used } of ignores) {
    // An entry for paths this scan did not read is out of its scope, not stale.
    if (!used && (!path || scannedPaths.some((scanned) => path.test(scanned)))) problems.push(staleProblem(ignore.location, ignore.rule, describeIgnore(ignore)));
  }
  return { findings: kept, problems };
}

function expired(until: string | undefined, today: string): boolean {
  return until !== undefined && until < today;
}

function expiredProblem(location: { file: string; line: number }, rule: string, until: string, finding: Finding): InputProblem {
  return problemAt('policy/expired-ignore', location, `the suppression of ${rule} expired on ${until}: the finding at ${shown(finding.location.file, 200)}:${finding.location.line} is reported again`, 'warning');
}

function staleProblem(location: { file: string; line: number }, rule: string, what: string): InputProblem {
  return problemAt('policy/stale-ignore', location, `the suppression of ${rule}${what} matches no finding: remove it, or fix what it names`, 'warning');
}

function describeIgnore(ignore: PolicyIgnore): string {
  const parts = [ignore.path ? ` on ${quoted(ignore.path, 80)}` : '', ignore.resource ? ` for ${quoted(ignore.resource, 120)}` : ''];
  return parts.join('');
}

/** The `parapet-ignore` comments of the scanned files, read once, and which of them suppressed something. */
class InlineIndex {
  private readonly byFile = new Map<string, Map<number, InlineIgnore | { line: number; malformed: true }>>();
  private readonly used = new Set<InlineIgnore>();

  constructor(files: readonly string[], private readonly ruleIds: ReadonlySet<string>, problems: InputProblem[]) {
    for (const file of new Set(files)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const ignores = inlineIgnoresIn(text);
      if (ignores.size === 0) continue;
      this.byFile.set(resolve(file), ignores);
      for (const ignore of ignores.values()) {
        const location = { file, line: ignore.line };
        if ('malformed' in ignore) problems.push(problemAt('policy/invalid-ignore', location, 'a parapet-ignore comment must name rules and a reason: # parapet-ignore sshd/log-level: why it is accepted', 'warning'));
        else if (ignore.reason === '') problems.push(problemAt('policy/invalid-ignore', location, `the suppression of ${ignore.rules.map((rule) => shown(rule, 60)).join(', ')} has no reason: it suppresses nothing until it says why (# parapet-ignore RULE: reason)`, 'warning'));
        else for (const rule of ignore.rules) if (!ruleIds.has(rule)) problems.push(problemAt('policy/invalid-ignore', location, `parapet-ignore names an unknown rule ${quoted(rule, 60)} — see \`parapet rules\``, 'warning'));
      }
    }
  }

  /** The comments on the lines right above the finding (a run of parapet-ignore lines) that name its rule with a reason. */
  suppressionOf(finding: Finding): Suppression | undefined {
    const ignores = this.byFile.get(resolve(finding.location.file));
    if (!ignores) return undefined;
    for (let line = finding.location.line - 1; ignores.has(line); line--) {
      const ignore = ignores.get(line)!;
      if ('malformed' in ignore || ignore.reason === '' || !ignore.rules.includes(finding.ruleId)) continue;
      this.used.add(ignore);
      return { kind: 'inSource', justification: redacted(ignore.reason, 300), location: { file: finding.location.file, line } };
    }
    return undefined;
  }

  reportStale(problems: InputProblem[]): void {
    for (const [file, ignores] of this.byFile) {
      for (const ignore of ignores.values()) {
        if ('malformed' in ignore || ignore.reason === '' || this.used.has(ignore) || !ignore.rules.every((rule) => this.ruleIds.has(rule))) continue;
        problems.push(staleProblem({ file, line: ignore.line }, ignore.rules.join(', '), ''));
      }
    }
  }
}
