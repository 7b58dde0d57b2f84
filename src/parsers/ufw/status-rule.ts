import { appProfilePorts, type AppPorts } from './app-profiles.js';
import { parseStatusCell, type StatusCell } from './status-cell.js';
import type { StatusRow } from './status-row.js';
import { ANY_V4, ANY_V6, type UfwRule } from './ufw-rule.js';

export type RowReading = { rules: UfwRule[] } | { error: string } | { unknownApp: string };

/**
 * The ufw rules one status row shows. A plain or numbered row names an application profile without its ports
 * ('OpenSSH'): the ports come from the table of known profiles, one rule per `|` entry, as ufw stores them.
 */
export function readStatusRow(row: StatusRow, cells: StatusCells = new Map()): RowReading {
  const to = cellOf(row.to, cells);
  if (typeof to === 'string') return { error: `To column: ${to}` };
  const from = cellOf(row.from, cells);
  if (typeof from === 'string') return { error: `From column: ${from}` };

  const families = new Set([to, from].filter((cell) => cell.address).map((cell) => cell.address!.v6));
  if (families.size > 1) return { error: 'mixes an IPv4 and an IPv6 address' };
  const v6 = to.v6Marker || from.v6Marker || families.has(true);
  if (v6 && families.has(false)) return { error: "marks an IPv4 address '(v6)'" };
  if (to.protocol && from.protocol && to.protocol !== from.protocol) return { error: 'names two different protocols' };

  const route = row.direction === 'fwd';
  if (!route && to.interface && from.interface) return { error: 'names an interface in both columns of a non-route rule' };
  const base: UfwRule = {
    action: row.action,
    log: row.log,
    route,
    direction: row.direction === 'out' ? 'out' : 'in',
    protocol: to.protocol ?? from.protocol ?? 'any',
    dport: to.ports ?? 'any',
    dst: to.address?.text ?? (v6 ? ANY_V6 : ANY_V4),
    sport: from.ports ?? 'any',
    src: from.address?.text ?? (v6 ? ANY_V6 : ANY_V4),
    dapp: to.app,
    sapp: from.app,
    interfaceIn: route ? from.interface : to.interface,
    interfaceOut: route ? to.interface : from.interface,
    v6,
    comment: row.comment,
  };

  const destinations = appEntries(to);
  if ('unknown' in destinations) return { unknownApp: destinations.unknown };
  const sources = appEntries(from);
  if ('unknown' in sources) return { unknownApp: sources.unknown };
  const rules: UfwRule[] = [];
  for (const destination of destinations.entries) {
    for (const source of sources.entries) {
      const rule = { ...base };
      if (destination) Object.assign(rule, { dport: destination.ports, protocol: destination.protocol });
      if (source) {
        rule.sport = source.ports;
        if (rule.protocol === 'any' || !destination) rule.protocol = source.protocol === 'any' ? rule.protocol : source.protocol;
      }
      rules.push(rule);
    }
  }
  return { rules };
}

/**
 * The cells of one listing read so far: listings repeat a few cells on every row ('Anywhere', '22/tcp'), and each is
 * read once. Cells are never changed after reading, so rows share them. Bounded: a listing of ever new cells (a
 * million addresses) reads each as it comes.
 */
export type StatusCells = Map<string, StatusCell | string>;
const MAX_KNOWN_CELLS = 10_000;

function cellOf(text: string, cells: StatusCells): StatusCell | string {
  let cell = cells.get(text);
  if (cell === undefined) {
    cell = parseStatusCell(text);
    if (cells.size < MAX_KNOWN_CELLS) cells.set(text, cell);
  }
  return cell;
}

/** The profile's port entries when the cell names an app without its ports; [undefined] when nothing to expand. */
function appEntries(cell: StatusCell): { entries: (AppPorts | undefined)[] } | { unknown: string } {
  if (!cell.app || cell.appPortsShown) return { entries: [undefined] };
  const entries = appProfilePorts(cell.app);
  return entries ? { entries } : { unknown: cell.app };
}
