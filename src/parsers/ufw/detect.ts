const STATUS_LINE = /^Status: (?:active|inactive)\r?$/;

/**
 * `ufw status [verbose|numbered]` output (its first line, after any '#' comment lines, is 'Status: active|inactive'),
 * or /etc/ufw/user.rules and user6.rules (`### tuple ###` lines, or ufw's own chains in an iptables-restore file).
 */
export function looksLikeUfw(_name: string, head: string): boolean {
  for (const line of head.split('\n', 50)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (STATUS_LINE.test(line.trimEnd())) return true;
    break;
  }
  return looksLikeUserRules(head);
}

export function looksLikeUserRules(head: string): boolean {
  return head.includes('\n### tuple ### ') || (head.startsWith('*filter') && /^:ufw6?-user-input /m.test(head));
}
