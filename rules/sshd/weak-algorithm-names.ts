/** Which algorithm names each list keyword must not enable (CIS deny-lists, ssh-audit "fail" verdicts). */
export const WEAK_ALGORITHMS: { keyword: string; globalOnly: boolean; isWeak(name: string): boolean; why: string }[] = [
  {
    keyword: 'Ciphers',
    globalOnly: true,
    // CBC modes leak plaintext (CVE-2008-5161, Terrapin with -etm MACs); 3DES, Blowfish and CAST have 64-bit blocks; RC4 is broken.
    isWeak: (name) => /-cbc(@|$)/.test(name) || name.startsWith('arcfour') || name.startsWith('3des'),
    why: 'CBC-mode, 64-bit-block and RC4 ciphers are broken or leak plaintext',
  },
  {
    keyword: 'MACs',
    globalOnly: true,
    isWeak: (name) => /^hmac-(md5|sha1|ripemd160)(-|@|$)/.test(name),
    why: 'MD5, SHA-1 and RIPEMD-160 MACs rest on broken or retired hash functions',
  },
  {
    keyword: 'KexAlgorithms',
    globalOnly: true,
    // group1 is a 1024-bit group; every *-sha1 exchange hashes the key exchange with SHA-1.
    isWeak: (name) => /(^|-)sha1(-|@|$)/.test(name) || name.startsWith('diffie-hellman-group1-'),
    why: 'SHA-1 key exchanges and the 1024-bit group are within reach of well-funded attackers',
  },
  {
    keyword: 'HostKeyAlgorithms',
    globalOnly: true,
    isWeak: isSha1Signature,
    why: 'ssh-rsa and ssh-dss signatures use SHA-1',
  },
  {
    keyword: 'PubkeyAcceptedAlgorithms',
    globalOnly: false,
    isWeak: isSha1Signature,
    why: 'ssh-rsa and ssh-dss signatures use SHA-1',
  },
];

function isSha1Signature(name: string): boolean {
  return /^ssh-(rsa|dss)(-cert-v0[01]@openssh\.com)?$/.test(name);
}
