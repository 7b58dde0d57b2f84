/**
 * One ufw rule as ufw itself stores it: the fields of a `### tuple ###` line in /etc/ufw/user.rules
 * (backend_iptables._read_rules). Every input form is parsed into this first, so all forms compare field by field.
 */
export interface UfwRule {
  action: 'allow' | 'deny' | 'reject' | 'limit';
  log?: 'log' | 'log-all';
  /** `ufw route …`: forwarded traffic, not traffic to this host. */
  route: boolean;
  direction: 'in' | 'out';
  /** 'any', 'tcp', 'udp', 'esp', 'ah', 'gre', 'ipv6', 'igmp', … */
  protocol: string;
  /** 'any', '22', '60000:61000', '80,443,9000:9100'. */
  dport: string;
  /** As ufw stores it: '0.0.0.0/0', '::/0', '203.0.113.99', '10.0.0.0/8'. */
  dst: string;
  sport: string;
  src: string;
  /** Application profile names ('OpenSSH', 'Nginx Full'). */
  dapp?: string;
  sapp?: string;
  interfaceIn?: string;
  interfaceOut?: string;
  v6: boolean;
  comment?: string;
}

export const ANY_V4 = '0.0.0.0/0';
export const ANY_V6 = '::/0';

export function isAnyAddress(address: string): boolean {
  return address === ANY_V4 || address === ANY_V6;
}

/** The tuple text ufw would write for this rule (without the comment): a stable identity across all input forms. */
export function tupleText(rule: UfwRule): string {
  const action = `${rule.route ? 'route:' : ''}${rule.action}${rule.log ? `_${rule.log}` : ''}`;
  const apps = rule.dapp || rule.sapp ? ` ${appField(rule.dapp)} ${appField(rule.sapp)}` : '';
  let direction: string = rule.direction;
  if (rule.route && rule.interfaceIn && rule.interfaceOut) direction = `in_${rule.interfaceIn}!out_${rule.interfaceOut}`;
  else if (rule.interfaceIn) direction = `in_${rule.interfaceIn}`;
  else if (rule.interfaceOut) direction = `out_${rule.interfaceOut}`;
  return `${action} ${rule.protocol} ${rule.dport} ${rule.dst} ${rule.sport} ${rule.src}${apps} ${direction}`;
}

function appField(app: string | undefined): string {
  return app ? app.replaceAll(' ', '%20') : '-';
}
