/** A Lightsail listing by content: `aws lightsail get-instances` or `get-instance` output (CLI or SDK), instances with their blueprint. */
export function looksLikeLightsailInstances(_name: string, head: string): boolean {
  const start = head.trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return false;
  return /"instances?"\s*:/.test(head) && /"blueprintId"\s*:/.test(head);
}
