import type { InputProblem } from '../../model/problem.js';
import type { PortRange, Protocol } from '../../network/model.js';
import { ALL_PORTS_LIST, portRange, protocolOf } from '../json/cloud-values.js';
import { quoted } from '../json/quote.js';

export interface ProtocolAndPorts {
  protocol: Protocol;
  ports: PortRange[];
  /** 'tcp/22', 'tcp/8081-8084', 'any' — for ids and labels. */
  text: string;
}

/**
 * IpProtocol with From/ToPort as AWS means them: only TCP and UDP rules are limited to ports — '-1' and every other
 * protocol (SCTP included) cover all ports whatever the numbers say; a missing range or -1 means all ports.
 * Returns a problem message when the values make no sense.
 */
export function protocolAndPorts(record: Record<string, unknown>): ProtocolAndPorts | string {
  const { IpProtocol, FromPort, ToPort } = record;
  // An export repeats a few dozen protocol and port combinations thousands of times: each is read once.
  const key = typeof IpProtocol === 'string' && IpProtocol.length <= 16 && isPortValue(FromPort) && isPortValue(ToPort) ? `${IpProtocol} ${FromPort} ${ToPort}` : undefined;
  const known = key === undefined ? undefined : readOnce.get(key);
  if (known) return known;
  const read = readProtocolAndPorts(record);
  if (key !== undefined && readOnce.size < READ_ONCE_MAX) readOnce.set(key, read);
  return read;
}

const readOnce = new Map<string, ProtocolAndPorts | string>();
const READ_ONCE_MAX = 10_000;

function isPortValue(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isInteger(value));
}

function readProtocolAndPorts(record: Record<string, unknown>): ProtocolAndPorts | string {
  const protocol = protocolOf(record.IpProtocol);
  if (!protocol) return `IpProtocol ${quoted(record.IpProtocol)} is not an IP protocol name or number`;
  if (protocol !== 'tcp' && protocol !== 'udp') return { protocol, ports: ALL_PORTS_LIST, text: protocol };
  const from = record.FromPort, to = record.ToPort;
  if ((from === undefined || from === -1) && (to === undefined || to === -1)) return { protocol, ports: ALL_PORTS_LIST, text: `${protocol}/all` };
  const range = typeof from === 'number' && typeof to === 'number' ? portRange(from, to) : undefined;
  if (!range) return `FromPort ${quoted(from)} / ToPort ${quoted(to)} is not a port range`;
  return { protocol, ports: [range], text: range.from === range.to ? `${protocol}/${range.from}` : `${protocol}/${range.from}-${range.to}` };
}

export function invalidRule(file: string, line: number, where: string, what: string): InputProblem {
  return { id: 'aws/invalid-rule', file, line, level: 'error', message: `${where}: ${what} — this permission was not judged; fix the export or the security group` };
}
