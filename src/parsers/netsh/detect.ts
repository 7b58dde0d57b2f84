// PLACEHOLDER — to be replaced by the netsh parser's owner.
export function looksLikeWindowsFirewall(_name: string, _head: string): boolean {
  return false;
}
