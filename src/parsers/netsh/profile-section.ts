import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { NetworkScope } from '../../network/model.js';
import { labelKey, valueMeaning } from './vocabulary.js';

/** One profile block of `netsh advfirewall show allprofiles|currentprofile`, or one Get-NetFirewallProfile object. */
export interface ProfileSection {
  name: 'Domain' | 'Private' | 'Public';
  line: number;
  state?: { value: string; line: number };
  policy?: { value: string; line: number };
}

/** A profile as the model needs it, plus what the model cannot say: BlockInboundAlways ignores every allow rule. */
export interface ProfileState {
  scope: NetworkScope;
  blockInboundAlways: boolean;
}

/** `Domain Profile Settings: ` / `Einstellungen für Privates Profil:` → the profile, or undefined for any other line. */
export function profileHeader(line: string): ProfileSection['name'] | undefined {
  const text = line.trim();
  if (!text.endsWith(':') || text.length > 80) return undefined;
  const english = /^(Domain|Private|Public) Profile Settings:$/i.exec(text);
  if (english) return (english[1][0].toUpperCase() + english[1].slice(1).toLowerCase()) as ProfileSection['name'];
  if (!/^Einstellungen für /i.test(text)) return undefined;
  const name = text.toLowerCase();
  if (name.includes('domäne') || name.includes('domänen')) return 'Domain';
  if (name.includes('privat')) return 'Private';
  if (name.includes('öffentlich')) return 'Public';
  return undefined;
}

/** `State                                 ON`: these lines have no colon; the value starts after a run of spaces. */
export function readProfileLine(section: ProfileSection, line: string, lineNumber: number): void {
  const gap = line.indexOf('  ');
  if (gap <= 0) return;
  const key = labelKey(line.slice(0, gap));
  const value = { value: line.slice(gap).trim(), line: lineNumber };
  if (key === 'state' || key === 'status') section.state ??= value;
  else if (key === 'firewallpolicy' || key === 'firewallrichtlinie') section.policy ??= value;
}

const POLICY_TOKENS: Record<string, { inbound?: 'allow' | 'deny'; outbound?: 'allow' | 'deny'; always?: true }> = {
  blockinbound: { inbound: 'deny' },
  blockinboundalways: { inbound: 'deny', always: true },
  allowinbound: { inbound: 'allow' },
  blockoutbound: { outbound: 'deny' },
  allowoutbound: { outbound: 'allow' },
  // Group Policy leaves it to the local setting, whose default is the Windows default below.
  notconfigured: {},
};

/** The profile's state and default policy; what is missing or unreadable is said and the Windows default assumed. */
export function profileState(file: string, section: ProfileSection): { state: ProfileState; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const where = `${section.name} profile`;
  const scope: NetworkScope = { name: section.name, enabled: true, defaultInbound: 'deny', defaultOutbound: 'allow' };
  let blockInboundAlways = false;

  if (!section.state) {
    problems.push(problemAt('netsh/profile-incomplete', { file, line: section.line }, `${where} has no State line — judged as ON (the Windows default); capture \`netsh advfirewall show allprofiles\` in full`, 'warning'));
  } else {
    const state = valueMeaning(section.state.value);
    scope.stateLocation = { file, line: section.state.line };
    if (state === 'on' || state === 'off') scope.enabled = state === 'on';
    else problems.push(problemAt('netsh/bad-value', { file, line: section.state.line }, `${where}: State ${quoted(section.state.value, 60)} is neither ON nor OFF — judged as ON; capture \`netsh advfirewall show allprofiles\` again`));
  }

  if (!section.policy) {
    problems.push(problemAt('netsh/profile-incomplete', { file, line: section.line }, `${where} has no Firewall Policy line — judged as BlockInbound,AllowOutbound (the Windows default); capture \`netsh advfirewall show allprofiles\` in full`, 'warning'));
  } else {
    scope.defaultLocation = { file, line: section.policy.line };
    for (const token of section.policy.value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const key = token.toLowerCase();
      const policy = Object.hasOwn(POLICY_TOKENS, key) ? POLICY_TOKENS[key] : undefined;
      if (!policy) {
        problems.push(problemAt('netsh/bad-value', { file, line: section.policy.line }, `${where}: Firewall Policy ${quoted(token, 60)} is not one of BlockInbound, BlockInboundAlways, AllowInbound, BlockOutbound, AllowOutbound, NotConfigured — left out; capture \`netsh advfirewall show allprofiles\` again`));
        continue;
      }
      if (policy.inbound) scope.defaultInbound = policy.inbound;
      if (policy.outbound) scope.defaultOutbound = policy.outbound;
      if (policy.always) blockInboundAlways = true;
    }
  }
  return { state: { scope, blockInboundAlways }, problems };
}
