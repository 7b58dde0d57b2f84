// PLACEHOLDER — to be replaced by the ufw parser's owner.
export function looksLikeUfw(_name: string, _head: string): boolean {
  return false;
}
