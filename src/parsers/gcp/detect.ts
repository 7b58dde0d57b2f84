// PLACEHOLDER — to be replaced by the gcp parser's owner.
export function looksLikeGcpFirewalls(_name: string, _head: string): boolean {
  return false;
}
