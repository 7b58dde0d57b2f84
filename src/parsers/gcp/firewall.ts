import type { SourceLocation } from '../../model/location.js';
import { quoted, redacted } from '../../model/quote.js';
import type { AddressMatch, AttachedResource, NetworkRule, PortRange } from '../../network/model.js';
import { ALL_PORTS_LIST, arrayOf, cidrAddress, hasPorts, isObject, portRangeOf, protocolOf, stringOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';

export interface GcpFirewall {
  name: string;
  network: string;
  rules: NetworkRule[];
  /** Target tags and service accounts: the scopes this firewall rule names. */
  targets: string[];
}

const WORLD_V4: AddressMatch = { kind: 'cidr', cidr: '0.0.0.0/0', text: '0.0.0.0/0 (no range given: the API default)' };

/**
 * One firewall rule as one NetworkRule per allowed/denied entry. Priorities are doubled so that a deny sorts
 * before an allow of the same GCP priority: GCP lets deny win the tie.
 */
export function firewallToRules(raw: Record<string, unknown>, location: SourceLocation): GcpFirewall | string {
  const name = stringOf(raw.name);
  if (!name) return 'has no name';
  const what = `firewall rule ${quoted(name, 80)}`;
  const network = stringOf(raw.network);
  if (!network) return `${what} has no network`;
  const direction = raw.direction === undefined || raw.direction === null ? 'INGRESS' : typeof raw.direction === 'string' ? raw.direction.toUpperCase() : '';
  if (direction !== 'INGRESS' && direction !== 'EGRESS') return `${what}: direction ${quotedJson(raw.direction)} is not INGRESS or EGRESS`;
  // Number() of an export's object would call its "valueOf" or "toString" member.
  const priority = raw.priority === undefined || raw.priority === null ? 1000 : typeof raw.priority === 'number' || typeof raw.priority === 'string' ? Number(raw.priority) : NaN;
  if (!Number.isInteger(priority) || priority < 0 || priority > 65535) return `${what}: priority ${quotedJson(raw.priority)} is not 0–65535`;

  const inbound = direction === 'INGRESS';
  const ranges = (key: string): AddressMatch[] | string => {
    const result: AddressMatch[] = [];
    for (const value of arrayOf(raw[key])) {
      const address = cidrAddress(value);
      if (!address) return `${what}: ${key} entry ${quotedJson(value)} is not a CIDR`;
      result.push(address);
    }
    return result;
  };
  const tagged = (key: string, prefix: string): { kind: 'group'; ref: string; text: string }[] =>
    arrayOf(raw[key]).filter((value): value is string => typeof value === 'string').map((value) => ({ kind: 'group', ref: `${prefix}:${value}`, text: value }));

  const remoteRanges = ranges(inbound ? 'sourceRanges' : 'destinationRanges');
  if (typeof remoteRanges === 'string') return remoteRanges;
  const remote = inbound ? [...remoteRanges, ...tagged('sourceTags', 'tag'), ...tagged('sourceServiceAccounts', 'serviceAccount')] : remoteRanges;
  // The API fills in 0.0.0.0/0 when a rule names no source (ingress) or destination (egress).
  if (remote.length === 0) remote.push(WORLD_V4);
  const localRanges = inbound ? ranges('destinationRanges') : [];
  if (typeof localRanges === 'string') return localRanges;

  const targets = [...tagged('targetTags', 'tag'), ...tagged('targetServiceAccounts', 'serviceAccount')].map((target) => target.ref);
  const usedBy = targetInstancesOf(raw.targetInstances);
  const shownTargets = targets.map((target) => redacted(target, 60)).join(', ');
  const rules: NetworkRule[] = [];
  const entries: ['allowed' | 'denied', 'allow' | 'deny'][] = [['allowed', 'allow'], ['denied', 'deny']];
  for (const [key, action] of entries) {
    const list = arrayOf(raw[key]);
    for (let index = 0; index < list.length; index++) {
      const entry = list[index];
      const protocol = isObject(entry) ? protocolOf(entry.IPProtocol) : undefined;
      if (!isObject(entry) || !protocol) return `${what}: ${key}[${index}] ${isObject(entry) ? `IPProtocol ${quotedJson(entry.IPProtocol)} is not valid` : `${quotedJson(entry)} has no valid IPProtocol`}`;
      const ports = portsOf(entry.ports, protocol);
      if (typeof ports === 'string') return `${what}: ${key}[${index}] port ${ports} is not a port or range`;
      const rule: NetworkRule = {
        id: `${name}/${key}[${index}]`,
        label: `${what} (priority ${priority}${targets.length > 0 ? `, targets ${shownTargets}` : ''}) ${key} ${protocol}${arrayOf(entry.ports).length > 0 ? `:${redacted(arrayOf(entry.ports).map(String).join(','), 60)}` : ''}`,
        direction: inbound ? 'inbound' : 'outbound',
        action,
        protocol,
        ports,
        remote,
        priority: priority * 2 + (action === 'deny' ? 0 : 1),
        enabled: raw.disabled !== true,
        location,
      };
      if (localRanges.length > 0) rule.local = localRanges;
      if (usedBy) rule.usedBy = usedBy;
      // Targets are scopes, not `appliesTo`: a deny for tag:web must be able to shadow an allow for tag:web and tag:api.
      if (targets.length > 0) rule.scopes = targets;
      rules.push(rule);
    }
  }
  if (rules.length === 0) return `${what} has neither allowed nor denied entries`;
  return { name, network, rules, targets };
}

/** The instances a GCP sweep found the rule to apply to (`parapet sweep gcp` adds them; gcloud's listing does not). */
function targetInstancesOf(value: unknown): AttachedResource[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).flatMap((entry) => {
    const id = stringOf(entry.selfLink) ?? stringOf(entry.name);
    return id ? [{ kind: 'instance' as const, id }] : [];
  });
}

/** A firewall entry's ports: every port when the protocol has none or none are listed. */
export function portsOf(value: unknown, protocol: string): PortRange[] | string {
  const list = arrayOf(value);
  if (!hasPorts(protocol) || list.length === 0) return ALL_PORTS_LIST;
  const result: PortRange[] = [];
  for (const item of list) {
    const range = portRangeOf(item);
    if (!range) return quotedJson(item);
    result.push(range);
  }
  return result;
}
