import { quoted } from '../../model/quote.js';
import { ALL_PORTS, type PortRange } from '../../network/model.js';
import { valueMeaning } from './vocabulary.js';

/** Windows' dynamic port range since Vista (netsh int ipv4 show dynamicport): where RPC and Teredo listen. */
const DYNAMIC_PORTS: PortRange = { from: 49152, to: 65535 };

/**
 * Port keywords netsh and PowerShell print instead of numbers. RPC services and the Teredo client listen on a port
 * Windows picks from the dynamic range at run time, so the whole range is what the rule may open.
 */
const PORT_KEYWORDS: Record<string, PortRange> = {
  rpc: DYNAMIC_PORTS,
  'rpc-epmap': { from: 135, to: 135 },
  rpcepmap: { from: 135, to: 135 },
  iphttps: { from: 443, to: 443 },
  iphttpsin: { from: 443, to: 443 },
  iphttpsout: { from: 443, to: 443 },
  teredo: DYNAMIC_PORTS,
};

export interface ParsedPorts {
  ports: PortRange[];
  /** One message per item that is not a port: said, and left out. */
  problems: string[];
}

/** A LocalPort value: `Any`, `80,443`, `5000-5600`, `RPC`, lists of these. */
export function parsePorts(value: string): ParsedPorts {
  const ports: PortRange[] = [];
  const problems: string[] = [];
  for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
    const range = parsePortItem(item);
    if (range) ports.push(range);
    else problems.push(`port ${quoted(item, 60)} is neither a number 0-65535, a range like 5000-5600, Any nor a known keyword (RPC, RPC-EPMap, IPHTTPS, Teredo)`);
  }
  return { ports, problems };
}

function parsePortItem(item: string): PortRange | undefined {
  if (valueMeaning(item) === 'any') return ALL_PORTS;
  const keyword = item.toLowerCase();
  if (Object.hasOwn(PORT_KEYWORDS, keyword)) return PORT_KEYWORDS[keyword];
  const dash = item.indexOf('-');
  if (dash < 0) {
    const port = portNumber(item);
    return port === undefined ? undefined : { from: port, to: port };
  }
  const from = portNumber(item.slice(0, dash).trim());
  const to = portNumber(item.slice(dash + 1).trim());
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** Keeps a hostile value from flooding the model; messages quote what they show of it (src/model/quote.ts). */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
