import type { UfwRule } from '../../src/parsers/ufw/ufw-rule.js';
import { renderStatusCells } from '../../src/parsers/ufw/render.js';

export type StatusMode = 'plain' | 'verbose' | 'numbered';

/**
 * The rule rows `ufw status` prints for rules in user.rules order (IPv4 file, then IPv6 file), following
 * backend_iptables.get_status(): `%-26s %-12s%-26s%s%s`, plain/numbered show an app rule once, plain/verbose group
 * IN, OUT and FWD rows, plain hides IN.
 */
export function statusRows(rules: UfwRule[], mode: StatusMode): string[] {
  const inbound: string[] = [];
  const outbound: string[] = [];
  const routed: string[] = [];
  const seenApps = new Set<string>();
  let count = 1;
  for (const rule of rules) {
    if (mode !== 'verbose' && (rule.dapp || rule.sapp)) {
      const appTuple = [rule.dapp ?? rule.dport, rule.dst, rule.sapp ?? rule.sport, rule.src, rule.interfaceIn ?? '', rule.interfaceOut ?? '', rule.direction].join(' ');
      if (seenApps.has(appTuple)) continue;
      seenApps.add(appTuple);
    }
    const cells = renderStatusCells(rule, mode === 'verbose');
    const action = mode === 'plain' && !rule.route && rule.direction === 'in' ? `${rule.action.toUpperCase()} ` : cells.action;
    const attributes = [rule.log, mode === 'numbered' && rule.direction === 'out' ? 'out' : undefined].filter(Boolean);
    const attribute = attributes.length ? ` (${attributes.join(', ')})` : '';
    const comment = rule.comment ? ` # ${rule.comment}` : '';
    const prefix = mode === 'numbered' ? `[${String(count).padStart(2)}] ` : '';
    const line = `${prefix}${cells.to.padEnd(26)} ${action.padEnd(12)}${cells.from.padEnd(26)}${attribute}${comment}`;
    count += 1;
    if (mode === 'numbered' || (!rule.route && rule.direction === 'in')) inbound.push(line);
    else if (rule.route) routed.push(line);
    else outbound.push(line);
  }
  return [...inbound, ...outbound, ...routed];
}
