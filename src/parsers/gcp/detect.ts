/** GCP by content: Compute firewall resources, or a Google API error saved in their place. */
export function looksLikeGcpFirewalls(_name: string, head: string): boolean {
  const start = head.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  if (/"compute#firewall(?:List|Policy)?"/.test(head) || /^\{\s*"firewalls"\s*:\s*\[/.test(start) || /"firewallPolicys"\s*:\s*\[/.test(head)) return true;
  if (/"IPProtocol"\s*:/.test(head) && /"(?:allowed|denied)"\s*:/.test(head)) return true;
  // Google errors carry a numeric code and a status ("PERMISSION_DENIED"); ARM's code is a string.
  return /^\{\s*"error"\s*:\s*\{\s*"code"\s*:\s*\d/.test(start) && /"status"\s*:/.test(head);
}
