import { lookupKeyword } from './keywords.js';

const SSHD_NAME = /(^|\/)sshd_config$|(^|\/)sshd_config\.d\/[^/]+\.conf$/;
/** Keywords that only sshd_config uses (not ssh_config, not ufw or netsh). */
const DISTINCTIVE = /^(permitrootlogin|passwordauthentication|pubkeyauthentication|challengeresponseauthentication|kbdinteractiveauthentication|usepam|x11forwarding|allowusers|allowgroups|subsystem|authorizedkeysfile|permitemptypasswords|maxauthtries|clientaliveinterval|acceptenv|printmotd|usedns|logingracetime)$/;

/** Cheap sniffing: an sshd_config name, or directive lines that are mostly sshd keywords, one of them sshd-only. */
export function looksLikeSshdConfig(name: string, head: string): boolean {
  const path = name.replace(/\\/g, '/');
  if (SSHD_NAME.test(path)) return true;
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('<')) return false;
  let distinctive = 0;
  let known = 0;
  let foreign = 0;
  for (const raw of head.split('\n', 400)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const keyword = /^([A-Za-z0-9]+)(?:[ \t=]|$)/.exec(line)?.[1];
    if (!keyword || !lookupKeyword(keyword)) { foreign++; continue; }
    known++;
    if (DISTINCTIVE.test(keyword.toLowerCase())) distinctive++;
  }
  return distinctive >= 1 && foreign * 4 <= known;
}
