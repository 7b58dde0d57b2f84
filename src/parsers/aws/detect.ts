// PLACEHOLDER — to be replaced by the aws parser's owner.
export function looksLikeAwsSecurityGroups(_name: string, _head: string): boolean {
  return false;
}
