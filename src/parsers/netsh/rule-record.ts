import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import { ALL_PORTS, type AddressMatch, type NetworkRule, type PortRange, type Protocol, type RuleAction, type TrafficDirection } from '../../network/model.js';
import { parseAddresses } from './addresses.js';
import { clip, parsePorts } from './ports.js';
import { PROFILE_NAMES, valueMeaning, type RuleField } from './vocabulary.js';

/** One firewall rule as read from netsh text or PowerShell JSON, before it is understood: text values and their lines. */
export interface RuleRecord {
  name: string;
  /** The `Rule Name:` line, or the line of the JSON object. */
  line: number;
  fields: Map<RuleField, { value: string; line: number }>;
}

/** What to tell a user whose capture is cut off or damaged. */
export const RECAPTURE = 'capture the rules again, unedited (`netsh advfirewall firewall show rule name=all verbose` or the PowerShell export)';

/**
 * Turns a record into a rule, or says why it cannot (returns no rule). Bad items of a list (one port, one address)
 * are reported and left out; the rest of the rule is still judged.
 */
export function ruleFromRecord(file: string, record: RuleRecord): { rule?: NetworkRule; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const label = `rule ${quoted(record.name, 120)}`;
  const field = (name: RuleField) => record.fields.get(name);
  const complain = (line: number, message: string) => problems.push(problemAt('netsh/bad-value', { file, line }, `${label}: ${message}`));

  const direction = meaning(field('direction')?.value, { inbound: 'inbound', outbound: 'outbound' });
  const action = meaning(field('action')?.value, { allow: 'allow', deny: 'deny', bypass: 'allow' });
  const missing = [!field('direction') && 'Direction', !field('action') && 'Action'].filter(Boolean);
  if (missing.length > 0) {
    problems.push(problemAt('netsh/truncated-rule', { file, line: record.line }, `${label} has no ${missing.join(' or ')} line, the capture looks cut off — the rule was not judged; ${RECAPTURE}`));
    return { problems };
  }
  if (!direction) complain(field('direction')!.line, `Direction ${quoted(field('direction')!.value, 60)} is neither In nor Out — the rule was not judged; ${RECAPTURE}`);
  if (!action) complain(field('action')!.line, `Action ${quoted(field('action')!.value, 60)} is neither Allow, Block nor Bypass — the rule was not judged; ${RECAPTURE}`);

  const enabledField = field('enabled');
  const enabled = enabledField ? meaning(enabledField.value, { yes: true, no: false }) : true;
  if (enabled === undefined) complain(enabledField!.line, `Enabled ${quoted(enabledField!.value, 60)} is neither Yes nor No — the rule was not judged; ${RECAPTURE}`);

  const scopes = parseProfiles(field('profiles'), complain);
  const protocol = parseProtocol(field('protocol'), complain);
  if (!direction || !action || enabled === undefined || !scopes || !protocol) return { problems };

  // The destination port is the local one for inbound traffic, the remote one for outbound traffic.
  const hasPorts = protocol === 'tcp' || protocol === 'udp';
  const [destination, source] = direction === 'inbound' ? ['localPort', 'remotePort'] as const : ['remotePort', 'localPort'] as const;
  const ports = hasPorts ? portList(field(destination), complain) : [ALL_PORTS];
  const sourcePorts = hasPorts ? portList(field(source), complain) : [ALL_PORTS];
  if (!ports || !sourcePorts) return { problems };
  const remote = addressList(field('remoteIp'), complain);
  const local = addressList(field('localIp'), complain);
  if (!remote || !local) return { problems };

  const rule: NetworkRule = {
    id: record.name,
    label,
    direction: direction as TrafficDirection,
    action: action as RuleAction,
    protocol,
    ports,
    remote,
    priority: 0,
    enabled,
    scopes,
    location: { file, line: record.line },
  };
  if (!local.every((address) => address.kind === 'any')) rule.local = local;
  if (!sourcePorts.some((range) => range.from === ALL_PORTS.from && range.to === ALL_PORTS.to)) rule.sourcePorts = sourcePorts;
  const appliesTo = describeRestrictions(record);
  if (appliesTo) rule.appliesTo = appliesTo;
  return { rule, problems };
}

function meaning<T>(value: string | undefined, table: Record<string, T>): T | undefined {
  const canonical = value === undefined ? undefined : valueMeaning(value);
  return canonical !== undefined && Object.hasOwn(table, canonical) ? table[canonical] : undefined;
}

type Complain = (line: number, message: string) => void;

/** `Domain,Private,Public`, `Any`, `Domäne,Privat,Öffentlich`; absent = every profile. */
function parseProfiles(field: { value: string; line: number } | undefined, complain: Complain): string[] | undefined {
  if (!field) return [...PROFILE_NAMES];
  const scopes = new Set<string>();
  for (const item of field.value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const canonical = valueMeaning(item);
    if (canonical === 'any') PROFILE_NAMES.forEach((name) => scopes.add(name));
    else if ((PROFILE_NAMES as readonly string[]).includes(canonical ?? '')) scopes.add(canonical!);
    else {
      complain(field.line, `profile ${quoted(item, 60)} is neither Domain, Private, Public nor Any — the rule was not judged; ${RECAPTURE}`);
      return undefined;
    }
  }
  if (scopes.size === 0) return [...PROFILE_NAMES];
  return PROFILE_NAMES.filter((name) => scopes.has(name));
}

const PROTOCOL_NUMBERS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6' };

/** TCP, UDP, Any, ICMPv4, ICMPv6 or an IANA number; absent = any. */
function parseProtocol(field: { value: string; line: number } | undefined, complain: Complain): Protocol | undefined {
  if (!field) return 'any';
  const text = field.value.trim().toLowerCase();
  if (valueMeaning(text) === 'any' || text === '') return 'any';
  if (text === 'icmpv4') return 'icmp';
  if (/^\d{1,3}$/.test(text) && Number(text) <= 255) return PROTOCOL_NUMBERS[String(Number(text))] ?? String(Number(text));
  if (/^[a-z][a-z0-9-]{0,15}$/.test(text)) return text;
  complain(field.line, `Protocol ${quoted(field.value, 60)} is neither TCP, UDP, Any, ICMPv4, ICMPv6 nor a number 0-255 — the rule was not judged; ${RECAPTURE}`);
  return undefined;
}

/** A port list; absent = all ports. Returns undefined when nothing in it could be read. */
function portList(field: { value: string; line: number } | undefined, complain: Complain): PortRange[] | undefined {
  if (!field || field.value.trim() === '') return [ALL_PORTS];
  const parsed = parsePorts(field.value);
  for (const message of parsed.problems) complain(field.line, `${message} — left out`);
  return parsed.ports.length > 0 ? parsed.ports : undefined;
}

/** An address list; absent or empty = any. Returns undefined when nothing in it could be read. */
function addressList(field: { value: string; line: number } | undefined, complain: Complain): AddressMatch[] | undefined {
  if (!field || field.value.trim() === '') return [{ kind: 'any', text: 'Any' }];
  const parsed = parseAddresses(field.value);
  for (const message of parsed.problems) complain(field.line, `${message} — left out`);
  return parsed.addresses.length > 0 ? parsed.addresses : undefined;
}

/** Restrictions the model does not evaluate but a reader of a finding should see: program, service, interface, IPsec. */
function describeRestrictions(record: RuleRecord): string | undefined {
  const parts: string[] = [];
  const add = (name: RuleField, title: string, unrestricted: string[]) => {
    const value = record.fields.get(name)?.value.trim();
    if (value && valueMeaning(value) !== 'any' && !unrestricted.includes(value.toLowerCase())) parts.push(`${title} ${clip(value, 120)}`);
  };
  add('program', 'program', []);
  add('service', 'service', []);
  add('interfaceTypes', 'interfaces', []);
  add('security', 'security', ['notrequired', 'nicht erforderlich']);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
