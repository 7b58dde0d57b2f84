import type { InputProblem } from '../../model/problem.js';
import type { PortRange, Protocol } from '../../network/model.js';
import { ALL_PORTS_LIST, portRange, protocolOf } from '../json/cloud-values.js';
import { quotedJson } from '../json/quote.js';

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
  const from = portCode(FromPort), to = portCode(ToPort);
  if (typeof IpProtocol !== 'string' || IpProtocol.length > 16 || from < 0 || to < 0) return readProtocolAndPorts(record);
  let byPorts = readOnce.get(IpProtocol);
  if (!byPorts && readOnce.size < READ_ONCE_MAX) readOnce.set(IpProtocol, (byPorts = new Map()));
  let read = byPorts?.get(from * PORT_CODES + to);
  if (read === undefined) {
    read = readProtocolAndPorts(record);
    if (byPorts && byPorts.size < READ_ONCE_MAX) byPorts.set(from * PORT_CODES + to, read);
  }
  return read;
}

/** By protocol, then by the two port codes together. */
const readOnce = new Map<string, Map<number, ProtocolAndPorts | string>>();
const READ_ONCE_MAX = 10_000;
const PORT_CODES = 65538;

/** 0 for an absent port, the number + 2 for -1 … 65535, -1 for anything else (not remembered). */
function portCode(value: unknown): number {
  if (value === undefined) return 0;
  return typeof value === 'number' && Number.isInteger(value) && value >= -1 && value <= 65535 ? value + 2 : -1;
}

function readProtocolAndPorts(record: Record<string, unknown>): ProtocolAndPorts | string {
  const protocol = protocolOf(record.IpProtocol);
  if (!protocol) return `IpProtocol ${quotedJson(record.IpProtocol)} is not an IP protocol name or number`;
  if (protocol !== 'tcp' && protocol !== 'udp') return { protocol, ports: ALL_PORTS_LIST, text: protocol };
  const from = record.FromPort, to = record.ToPort;
  if ((from === undefined || from === -1) && (to === undefined || to === -1)) return { protocol, ports: ALL_PORTS_LIST, text: `${protocol}/all` };
  const range = typeof from === 'number' && typeof to === 'number' ? portRange(from, to) : undefined;
  if (!range) return `FromPort ${quotedJson(from)} / ToPort ${quotedJson(to)} is not a port range`;
  return { protocol, ports: [range], text: range.from === range.to ? `${protocol}/${range.from}` : `${protocol}/${range.from}-${range.to}` };
}

export function invalidRule(file: string, line: number, where: string, what: string): InputProblem {
  return { id: 'aws/invalid-rule', file, line, level: 'error', message: `${where}: ${what} — this permission was not judged; fix the export or the security group` };
}
