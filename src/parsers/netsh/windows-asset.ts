import { problemAt, type InputProblem } from '../../model/problem.js';
import type { NetworkAsset, NetworkRule, NetworkScope } from '../../network/model.js';
import { profileState, type ProfileSection } from './profile-section.js';
import { ruleFromRecord, type RuleRecord } from './rule-record.js';
import { PROFILE_NAMES } from './vocabulary.js';

/**
 * One Windows firewall as one asset: the rules and profiles found in one file. A rules export and a profiles export
 * kept in two files are two assets; capture both into one file (`>>`) to judge rules against the profile state.
 */
export function windowsFirewallAsset(file: string, records: RuleRecord[], sections: ProfileSection[]): { model: NetworkAsset; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const rules: NetworkRule[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const { rule, problems: ruleProblems } = ruleFromRecord(file, record);
    problems.push(...ruleProblems);
    if (!rule) continue;
    // Windows allows several rules with one display name (one per profile, say); the nth keeps a stable suffix.
    const count = (seen.get(rule.id) ?? 0) + 1;
    seen.set(rule.id, count);
    if (count > 1) rule.id = `${rule.id} #${count}`;
    rules.push(rule);
  }

  const scopes: NetworkScope[] = [];
  const alwaysBlocked = new Set<string>();
  for (const section of sections) {
    if (scopes.some((scope) => scope.name === section.name)) continue;
    const { state, problems: profileProblems } = profileState(file, section);
    problems.push(...profileProblems);
    scopes.push(state.scope);
    if (state.blockInboundAlways) alwaysBlocked.add(section.name);
  }
  if (scopes.length === 0) {
    problems.push(problemAt('netsh/profiles-missing', { file }, 'the profile state was not given: judged as every profile ON with BlockInbound,AllowOutbound (the Windows default) — capture `netsh advfirewall show allprofiles` into the same file', 'warning'));
    for (const name of PROFILE_NAMES) scopes.push({ name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'allow' });
  }
  // BlockInboundAlways ("block all incoming connections, including those in the list of allowed apps") ignores allow
  // rules: the profile is taken from them, and a rule left with no profile applies nowhere.
  const applying = rules.filter((rule) => {
    if (rule.direction !== 'inbound' || rule.action !== 'allow' || !rule.scopes) return true;
    rule.scopes = rule.scopes.filter((name) => !alwaysBlocked.has(name));
    return rule.scopes.length > 0;
  });

  const firstLine = [...records, ...sections].reduce((first, item) => Math.min(first, item.line), Infinity);
  const model: NetworkAsset = {
    kind: 'network',
    asset: { kind: 'windows-firewall', id: file },
    semantics: 'block-wins',
    scopes,
    rules: applying,
    location: { file, line: Number.isFinite(firstLine) ? firstLine : 1 },
  };
  return { model, problems };
}
