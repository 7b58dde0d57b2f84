import { ANY_V6, isAnyAddress, type UfwRule } from './ufw-rule.js';

/**
 * The To and From cells ufw prints for a rule: a port of backend_iptables.get_status(). Used for rule labels of
 * user.rules input (which has no printed form) and to check the parser against ufw's own output.
 */
export function renderStatusCells(rule: UfwRule, verbose: boolean): { to: string; from: string; action: string } {
  const direction = rule.route ? 'FWD' : rule.direction.toUpperCase();
  return {
    to: renderCell(rule, 'dst', verbose),
    from: renderCell(rule, 'src', verbose),
    action: `${rule.action.toUpperCase()} ${direction}`,
  };
}

/** '22/tcp ALLOW IN Anywhere', as `ufw status verbose` shows the rule. */
export function renderUfwRule(rule: UfwRule): string {
  const { to, from, action } = renderStatusCells(rule, true);
  return `${to} ${action} ${from}`;
}

function renderCell(rule: UfwRule, side: 'dst' | 'src', verbose: boolean): string {
  const address = side === 'dst' ? rule.dst : rule.src;
  const app = side === 'dst' ? rule.dapp : rule.sapp;
  const showProtocol = verbose || !(rule.dapp || rule.sapp);
  const v6Any = rule.v6 && address === ANY_V6;
  let port = side === 'dst' ? rule.dport : rule.sport;
  if (!verbose && app) port = v6Any ? `${app} (v6)` : app;

  let cell = isAnyAddress(address) ? '' : address;
  if (port !== 'any') {
    cell = cell === '' ? port : `${cell} ${port}`;
    if (showProtocol && rule.protocol !== 'any') cell += `/${rule.protocol}`;
    if (verbose && app) cell += ` (${app}${v6Any ? ' (v6)' : ''})`;
    if (rule.v6 && rule.src === ANY_V6 && rule.dst === ANY_V6 && !cell.includes(' (v6)')) cell += ' (v6)';
  } else if (isAnyAddress(address)) {
    cell = 'Anywhere';
    if (showProtocol && rule.protocol !== 'any' && rule.dst === rule.src && rule.dport === rule.sport) cell += `/${rule.protocol}`;
    if (address === ANY_V6) cell += ' (v6)';
  } else if (showProtocol && rule.protocol !== 'any' && rule.dport === rule.sport) {
    cell += `/${rule.protocol}`;
  }

  // Route rules show where packets come in under From and where they leave under To; other rules the reverse.
  const shownInterface = rule.route ? (side === 'src' ? rule.interfaceIn : rule.interfaceOut) : side === 'dst' ? rule.interfaceIn : rule.interfaceOut;
  return shownInterface ? `${cell} on ${shownInterface}` : cell;
}
