/**
 * Cheap sniffing of the decoded head: netsh rule blocks, profile blocks or its "no rules" message (English or
 * German), netsh's layout in another language (so that it gets a clear "unknown language" error rather than
 * being skipped), or the PowerShell export's PascalCase keys.
 */
const NETSH_TEXT = [
  /^(Rule Name|Regelname):[ \t]/m,
  /^(Domain|Private|Public) Profile Settings:/m,
  /^Einstellungen für [^\r\n]{1,40}:[ \t]*\r?$/m,
  /^(No rules match the specified criteria|Keine Regeln stimmen mit den angegebenen Kriterien)/m,
  /^[^\s:][^:\r\n]{0,40}:[ \t][^\r\n]*\r?\n-{70}\r?$/m,
];

const POWERSHELL_NAME = /"(DisplayName|DefaultInboundAction)"\s*:/;
const POWERSHELL_FIELD = /"(Direction|Action|DefaultInboundAction)"\s*:/;

export function looksLikeWindowsFirewall(_name: string, head: string): boolean {
  if (/^\s*[[{]/.test(head.slice(0, 1024))) return POWERSHELL_NAME.test(head) && POWERSHELL_FIELD.test(head);
  return NETSH_TEXT.some((pattern) => pattern.test(head));
}
