// PLACEHOLDER — to be replaced by the azure parser's owner.
export function looksLikeAzureNsgs(_name: string, _head: string): boolean {
  return false;
}
