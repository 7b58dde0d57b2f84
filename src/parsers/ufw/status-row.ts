/**
 * One rule row of `ufw status`, printed as `"[%2d] " + "%-26s %-12s%-26s%s%s" % (to, action, from, attributes, comment)`.
 * Long cells push the columns right, so the row is split at its action word, not at fixed offsets. Every pattern
 * here is a fixed sequence of literals: linear on long lines.
 */
export interface StatusRow {
  /** The `[ N]` of `ufw status numbered`. */
  number?: number;
  to: string;
  from: string;
  action: 'allow' | 'deny' | 'reject' | 'limit';
  /** Plain `ufw status` leaves IN out. */
  direction: 'in' | 'out' | 'fwd';
  log?: 'log' | 'log-all';
  comment?: string;
}

const NUMBER = /^\[ {0,6}(\d{1,6})\] /;
const ACTION = / (ALLOW|DENY|REJECT|LIMIT)(?: (IN|OUT|FWD))?(?= |$)/;
const ATTRIBUTES: readonly [string, StatusRow['log']][] = [
  [' (log)', 'log'],
  [' (log-all)', 'log-all'],
  [' (out)', undefined],
  [' (log, out)', 'log'],
  [' (log-all, out)', 'log-all'],
];

export function parseStatusRow(line: string): StatusRow | undefined {
  const numbered = NUMBER.exec(line);
  const body = numbered ? line.slice(numbered[0].length) : line;
  const action = ACTION.exec(body);
  if (!action) return undefined;
  const to = body.slice(0, action.index).trim();
  let rest = body.slice(action.index + action[0].length);
  let comment: string | undefined;
  const hash = rest.indexOf(' # ');
  if (hash >= 0) {
    comment = rest.slice(hash + 3);
    rest = rest.slice(0, hash);
  }
  rest = rest.trimEnd();
  let log: StatusRow['log'];
  for (const [suffix, kind] of ATTRIBUTES) {
    if (rest.endsWith(suffix)) {
      log = kind;
      rest = rest.slice(0, -suffix.length);
      break;
    }
  }
  const from = rest.trim();
  if (to === '' || from === '') return undefined;
  return {
    number: numbered ? Number(numbered[1]) : undefined,
    to,
    from,
    action: action[1].toLowerCase() as StatusRow['action'],
    direction: (action[2]?.toLowerCase() ?? 'in') as StatusRow['direction'],
    log,
    comment,
  };
}
