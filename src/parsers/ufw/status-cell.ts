import { quoted } from '../../model/quote.js';
import { parseAddress, type UfwAddress } from './address.js';
import { isPortSpec } from './ports.js';

/**
 * One To or From cell of `ufw status`, built by ufw as `[ADDR] [PORTS][/PROTO] [(APP[ (v6)])] [(v6)] [on IFACE]`
 * (backend_iptables.get_status): 'Anywhere', '22/tcp (v6)', '198.51.100.0/24/esp', '10.0.0.5 443/tcp on eth0',
 * '80,443/tcp (Nginx Full (v6))' (verbose), 'Nginx Full (v6)' (plain and numbered).
 */
export interface StatusCell {
  /** Undefined for 'Anywhere'. */
  address?: UfwAddress;
  /** Port spec; undefined = any port. */
  ports?: string;
  /** From a '/proto' suffix; undefined = none shown. */
  protocol?: string;
  /** Application profile name. */
  app?: string;
  /** True when the cell names ports as well as the app (verbose), false when only the name (plain, numbered). */
  appPortsShown?: boolean;
  /** The '(v6)' marker ufw adds to IPv6 copies of rules whose addresses are both 'any'. */
  v6Marker: boolean;
  interface?: string;
}

const PROTOCOL = /^[a-z][a-z0-9]{0,15}$/;
const INTERFACE = /^[^\s/]{1,32}$/;
const V6_MARKER = ' (v6)';
/** ufw's valid_profile_name(): applications.py. */
const APP_NAME = /^[a-zA-Z0-9][a-zA-Z0-9 _\-.+]{0,63}$/;
const ADDRESS_LIKE = /^[0-9.:/]+$/;

export function parseStatusCell(text: string): StatusCell | string {
  let rest = text.trim();
  if (rest === '') return 'empty column';
  const cell: StatusCell = { v6Marker: false };

  const on = rest.lastIndexOf(' on ');
  if (on > 0 && INTERFACE.test(rest.slice(on + 4))) {
    cell.interface = rest.slice(on + 4);
    rest = rest.slice(0, on);
  }
  if (rest.endsWith(V6_MARKER)) {
    cell.v6Marker = true;
    rest = rest.slice(0, -V6_MARKER.length);
  }
  const verboseApp = splitVerboseApp(rest);
  if (verboseApp) {
    rest = verboseApp.head;
    cell.app = verboseApp.app;
    cell.appPortsShown = true;
    if (verboseApp.v6Marker) cell.v6Marker = true;
  }

  if (rest === 'Anywhere' || rest.startsWith('Anywhere/')) {
    if (cell.app) return `${quoted(text, 80)} names an application but no port`;
    return withProtocol(cell, rest.slice('Anywhere'.length), text);
  }
  const space = rest.indexOf(' ');
  const first = space < 0 ? rest : rest.slice(0, space);
  const address = parseAddressWithProtocol(first);
  if (address) {
    cell.address = address.address;
    if (space < 0) return address.protocol ? { ...cell, protocol: address.protocol } : cell;
    if (address.protocol) return `${quoted(text, 80)} has a protocol on the address and more after it`;
    rest = rest.slice(space + 1);
  }
  const ports = splitPortsProtocol(rest);
  if (ports) return { ...cell, ports: ports.ports, protocol: ports.protocol };
  if (cell.app || !APP_NAME.test(rest) || ADDRESS_LIKE.test(rest)) return `${quoted(text, 80)} is not an address, port or application profile`;
  return { ...cell, app: rest, appPortsShown: false };
}

/** 'PORTS[/proto] (APP)' or 'PORTS[/proto] (APP (v6))', possibly after an address, as verbose prints app rules. */
function splitVerboseApp(text: string): { head: string; app: string; v6Marker: boolean } | undefined {
  if (!text.endsWith(')')) return undefined;
  const open = text.indexOf(' (');
  if (open <= 0) return undefined;
  const head = text.slice(0, open);
  if (!splitPortsProtocol(head.slice(head.lastIndexOf(' ') + 1))) return undefined;
  const inner = text.slice(open + 2, -1);
  if (inner.endsWith(V6_MARKER)) return { head, app: inner.slice(0, -V6_MARKER.length), v6Marker: true };
  return { head, app: inner, v6Marker: false };
}

function splitPortsProtocol(text: string): { ports: string; protocol?: string } | undefined {
  const slash = text.indexOf('/');
  const ports = slash < 0 ? text : text.slice(0, slash);
  const protocol = slash < 0 ? undefined : text.slice(slash + 1);
  if (!isPortSpec(ports) || (protocol !== undefined && !PROTOCOL.test(protocol))) return undefined;
  return { ports, protocol };
}

/** '10.0.0.0/8', '203.0.113.99', or with the protocol ufw appends when no port is given: '198.51.100.0/24/esp'. */
function parseAddressWithProtocol(text: string): { address: UfwAddress; protocol?: string } | undefined {
  const address = parseAddress(text);
  if (address) return { address };
  const slash = text.lastIndexOf('/');
  const protocol = text.slice(slash + 1);
  const bare = slash > 0 && PROTOCOL.test(protocol) ? parseAddress(text.slice(0, slash)) : undefined;
  return bare ? { address: bare, protocol } : undefined;
}

function withProtocol(cell: StatusCell, suffix: string, text: string): StatusCell | string {
  if (suffix === '') return cell;
  const protocol = suffix.slice(1);
  return PROTOCOL.test(protocol) ? { ...cell, protocol } : `${quoted(text, 80)} has an unknown protocol`;
}
