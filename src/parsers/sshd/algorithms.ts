import { matchPatternList } from './patterns.js';

/** What this OpenSSH build supports (`ssh -Q cipher|mac|kex|key-sig|sig` on Debian 12, OpenSSL 3.0). */
const SUPPORTED = {
  ciphers: '3des-cbc,aes128-cbc,aes192-cbc,aes256-cbc,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com',
  macs: 'hmac-sha1,hmac-sha1-96,hmac-sha2-256,hmac-sha2-512,hmac-md5,hmac-md5-96,umac-64@openssh.com,umac-128@openssh.com,hmac-sha1-etm@openssh.com,hmac-sha1-96-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-md5-etm@openssh.com,hmac-md5-96-etm@openssh.com,umac-64-etm@openssh.com,umac-128-etm@openssh.com',
  kexalgorithms: 'diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,diffie-hellman-group14-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha1,diffie-hellman-group-exchange-sha256,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,curve25519-sha256,curve25519-sha256@libssh.org,sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com',
  keyalgorithms: 'ssh-ed25519,ssh-ed25519-cert-v01@openssh.com,sk-ssh-ed25519@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256,ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384,ecdsa-sha2-nistp384-cert-v01@openssh.com,ecdsa-sha2-nistp521,ecdsa-sha2-nistp521-cert-v01@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,webauthn-sk-ecdsa-sha2-nistp256@openssh.com,ssh-dss,ssh-dss-cert-v01@openssh.com,ssh-rsa,ssh-rsa-cert-v01@openssh.com,rsa-sha2-256,rsa-sha2-256-cert-v01@openssh.com,rsa-sha2-512,rsa-sha2-512-cert-v01@openssh.com',
  sigalgorithms: 'ssh-ed25519,sk-ssh-ed25519@openssh.com,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ecdsa-sha2-nistp256@openssh.com,webauthn-sk-ecdsa-sha2-nistp256@openssh.com,ssh-dss,ssh-rsa,rsa-sha2-256,rsa-sha2-512',
} as const;

const DEFAULT_KEYS = 'ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384-cert-v01@openssh.com,ecdsa-sha2-nistp521-cert-v01@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,sk-ecdsa-sha2-nistp256-cert-v01@openssh.com,rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com,ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256';

/** Compiled-in defaults (myproposal.h KEX_SERVER_*), as `sshd -T` prints them for an empty file. */
export const ALGORITHM_DEFAULTS: Record<string, string> = {
  ciphers: 'chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com',
  macs: 'umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com,umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1',
  kexalgorithms: 'sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256',
  casignaturealgorithms: 'ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com,sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256',
  hostbasedacceptedalgorithms: DEFAULT_KEYS,
  hostkeyalgorithms: DEFAULT_KEYS,
  pubkeyacceptedalgorithms: DEFAULT_KEYS,
};

export type AlgorithmKind = keyof typeof SUPPORTED;

/** ciphers_valid() / mac_valid() / kex_names_valid() / sshkey_names_valid2(): checked up to the first empty name. */
export function validAlgorithmSpec(kind: AlgorithmKind, spec: string): boolean {
  if (spec.startsWith('-')) return true;
  const names = spec.startsWith('+') || spec.startsWith('^') ? spec.slice(1) : spec;
  if (names === '') return false;
  const supported = SUPPORTED[kind === 'sigalgorithms' ? 'keyalgorithms' : kind].split(',');
  const wildcards = kind === 'keyalgorithms' || kind === 'sigalgorithms';
  for (const name of names.split(',')) {
    if (name === '') break;
    if (supported.includes(name)) continue;
    if (wildcards && supported.some((candidate) => matchPatternList(candidate, name) !== 0)) continue;
    return false;
  }
  return true;
}

/** kex_assemble_names(): the list a spec (`list`, `+list`, `-list`, `^list`) gives, or undefined when it is empty. */
export function expandAlgorithms(kind: AlgorithmKind, keyword: string, spec: string | undefined): string | undefined {
  const defaults = ALGORITHM_DEFAULTS[keyword];
  if (spec === undefined || spec === '') return defaults;
  let list = spec;
  if (spec.startsWith('+')) list = concatNames(defaults, spec.slice(1));
  else if (spec.startsWith('^')) list = concatNames(spec.slice(1), defaults);
  else if (spec.startsWith('-')) {
    const kept = defaults.split(',').filter((name) => matchPatternList(name, spec.slice(1)) !== 1).join(',');
    // sshd assembles twice in test mode; the second pass turns an emptied list back into the default.
    return kept === '' ? defaults : kept;
  }
  const supported = SUPPORTED[kind].split(',');
  let result = '';
  for (const pattern of list.split(',')) {
    if (pattern.startsWith('!')) return undefined;
    result = concatNames(result, supported.filter((name) => matchPatternList(name, pattern) === 1).join(','));
  }
  return result === '' ? undefined : result;
}

/** kex_names_cat(): a, then the names of b not already in it (up to b's first empty name). */
function concatNames(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const names = a.split(',');
  for (const name of b.split(',')) {
    if (name === '') break;
    if (!names.includes(name)) names.push(name);
  }
  return names.join(',');
}
