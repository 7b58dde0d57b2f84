// PLACEHOLDER — to be replaced by the sshd parser's owner.
export function looksLikeSshdConfig(_name: string, _head: string): boolean {
  return false;
}
