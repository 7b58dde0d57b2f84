/** Seeded random sshd_config trees for the differential test against the real sshd. */
import { seededRandom, type Random } from '../support/seeded-random.js';

export { seededRandom, type Random };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number) => random() < p;

const YES_NO = ['yes', 'no', 'YES', 'No'];
const VALUES: Record<string, readonly string[]> = {
  PasswordAuthentication: YES_NO,
  KbdInteractiveAuthentication: YES_NO,
  ChallengeResponseAuthentication: YES_NO,
  PermitRootLogin: ['yes', 'no', 'prohibit-password', 'without-password', 'forced-commands-only', 'Without-Password'],
  PermitEmptyPasswords: YES_NO,
  PubkeyAuthentication: YES_NO,
  HostbasedAuthentication: YES_NO,
  IgnoreRhosts: ['yes', 'no', 'shosts-only'],
  LogLevel: ['INFO', 'verbose', 'DEBUG', 'debug1', 'DEBUG3', 'quiet'],
  MaxAuthTries: ['3', '6', '0', '+4', '007'],
  MaxSessions: ['1', '10', '99'],
  LoginGraceTime: ['30', '1m', '1m30s', '2h', '0', '1M'],
  X11Forwarding: YES_NO,
  AllowTcpForwarding: ['yes', 'no', 'local', 'remote', 'all', 'ALL'],
  AllowAgentForwarding: YES_NO,
  GatewayPorts: ['yes', 'no', 'clientspecified', 'ClientSpecified'],
  PermitTunnel: ['yes', 'no', 'point-to-point', 'ethernet'],
  ClientAliveInterval: ['0', '300', '5m', '1h1s'],
  ClientAliveCountMax: ['0', '3', '2'],
  PermitUserEnvironment: ['yes', 'no', 'LANG,LC_*', 'YES'],
  UsePAM: YES_NO,
  AllowUsers: ['alice', 'bob carol', 'root@10.0.0.0/8', '*', 'dave@host*'],
  DenyUsers: ['mallory', 'eve trudy', '!root'],
  AllowGroups: ['admins', 'wheel sudo', 'root'],
  DenyGroups: ['guests', 'daemon'],
  Ciphers: ['aes128-ctr,aes256-ctr', '+aes128-cbc', '-aes*', '^3des-cbc', 'chacha20-poly1305@openssh.com', '-*cbc,chacha*'],
  MACs: ['hmac-sha2-256,hmac-sha2-512', '+hmac-md5', '-hmac-sha1*', '^hmac-sha1'],
  KexAlgorithms: ['curve25519-sha256', '+diffie-hellman-group14-sha1', '-ecdh-*', '^diffie-hellman-group1-sha1'],
  AuthenticationMethods: ['publickey', 'publickey,password publickey,keyboard-interactive:pam', 'any', 'password'],
  Banner: ['none', '/etc/issue.net'],
  Protocol: ['2'],
  UsePrivilegeSeparation: ['sandbox'],
  AcceptEnv: ['LANG LC_*', 'XMODIFIERS'],
  ForceCommand: ['internal-sftp', '/bin/echo hi # there'],
  StrictModes: YES_NO,
  Compression: ['yes', 'no', 'delayed'],
  FooBar: ['1'],
  PermitOpen: ['any', 'none', 'localhost:80', 'localhost:80 [::1]:443', '*:8080'],
  PermitListen: ['any', '8080', 'localhost:9000 9001'],
  Port: ['22', '2222', 'ssh'],
  Subsystem: ['sftp /usr/lib/openssh/sftp-server', 'sftp internal-sftp -l INFO', 'backup /usr/bin/backup'],
  SetEnv: ['A=1 B=2', 'A=3', 'X="a b"'],
  ChrootDirectory: ['none', '/srv/%u', '"/srv/my jail"'],
  MaxStartups: ['10:30:60', '5', '20:50:100'],
  PerSourceMaxStartups: ['none', '3'],
  PerSourceNetBlockSize: ['24:56', '32'],
  IPQoS: ['lowdelay', 'af21 cs1', 'throughput reliability', '0x10', 'ef le'],
  RekeyLimit: ['default none', '1G 1h', '512M', 'default 30m'],
  StreamLocalBindMask: ['0177', '022', '0'],
  X11DisplayOffset: ['10', '20'],
  PubkeyAcceptedAlgorithms: ['+ssh-rsa', '-*nistp*', 'ssh-ed25519,rsa-sha2-512', 'ssh-ed25519*'],
  HostKeyAlgorithms: ['ssh-ed25519', '+ssh-rsa'],
  CASignatureAlgorithms: ['^ssh-rsa', '-ssh-rsa'],
  LogVerbose: ['kex.c:*:1000', 'none'],
  ChannelTimeout: ['session=5m', 'agent-connection=1h direct-tcpip=10m', 'none'],
  UnusedConnectionTimeout: ['none', '1h', '0'],
  PermitTTY: YES_NO,
  AuthorizedKeysFile: ['.ssh/authorized_keys', '.ssh/authorized_keys /etc/ssh/keys/%u', 'none'],
  TrustedUserCAKeys: ['/etc/ssh/ca.pub', 'none'],
  RevokedKeys: ['/etc/ssh/revoked'],
  AuthorizedKeysCommand: ['/usr/bin/sss_ssh_authorizedkeys %u', 'none'],
  AuthorizedKeysCommandUser: ['nobody'],
  AuthorizedPrincipalsCommand: ['/usr/bin/principals %u'],
  AuthorizedPrincipalsCommandUser: ['nobody'],
  AuthorizedPrincipalsFile: ['/etc/ssh/principals/%u', 'none'],
  PubkeyAuthOptions: ['none', 'touch-required', 'verify-required touch-required'],
  SyslogFacility: ['AUTH', 'authpriv', 'LOCAL7'],
  PrintMotd: YES_NO,
  UseDNS: YES_NO,
  TCPKeepAlive: YES_NO,
  VersionAddendum: ['none', 'hello world', 'x # y'],
  FingerprintHash: ['sha256', 'MD5'],
  AddressFamily: ['any', 'inet', 'inet6'],
  RequiredRSASize: ['2048', '1024'],
  DisableForwarding: YES_NO,
  ExposeAuthInfo: YES_NO,
  AllowStreamLocalForwarding: ['yes', 'no', 'local', 'all'],
  StreamLocalBindUnlink: YES_NO,
  PermitUserRC: YES_NO,
  X11UseLocalhost: YES_NO,
  IgnoreUserKnownHosts: YES_NO,
  HostbasedUsesNameFromPacketOnly: YES_NO,
  GSSAPIAuthentication: YES_NO,
  GSSAPICleanupCredentials: YES_NO,
  KerberosAuthentication: YES_NO,
  Banner2: [],
};
delete VALUES.Banner2;
const INVALID: Record<string, readonly string[]> = {
  PasswordAuthentication: ['maybe', 'true'], PermitRootLogin: ['sometimes'], IgnoreRhosts: ['never'], LogLevel: ['loud'],
  MaxAuthTries: ['-1', 'ten', '2147483648'], MaxSessions: ['x'], LoginGraceTime: ['5x'], AllowTcpForwarding: ['both'],
  GatewayPorts: ['any'], PermitTunnel: ['Yes'], ClientAliveInterval: ['-5', '""'], ClientAliveCountMax: ['three'],
  AllowUsers: ['alice@192.0.2.1/8'], Ciphers: ['aes*', 'bogus-cipher'], MACs: ['hmac-sha3'], KexAlgorithms: ['x25519'],
  AuthenticationMethods: ['magic', 'any publickey'], X11Forwarding: ['yes no'],
  PermitOpen: ['localhost', 'localhost:0', 'any localhost:80'], PermitListen: ['x:y'], Port: ['0', 'nope'], MaxStartups: ['10:30', '30:30:10', '0'],
  IPQoS: ['fast'], RekeyLimit: ['8', '1X'], StreamLocalBindMask: ['999'], ChannelTimeout: ['session', 'none session=5m'],
  UnusedConnectionTimeout: ['soon'], AuthorizedKeysCommand: ['relative/cmd'], PubkeyAuthOptions: ['fast'], SyslogFacility: ['KERN'],
  FingerprintHash: ['sha3'], PubkeyAcceptedAlgorithms: ['ssh-foo'], SetEnv: ['NOEQUALS'], Subsystem: ['sftp'],
};
const KEYWORDS = Object.keys(VALUES);
const GLOBAL_ONLY = new Set(['LoginGraceTime', 'PermitUserEnvironment', 'UsePAM', 'Ciphers', 'MACs', 'KexAlgorithms', 'Protocol', 'UsePrivilegeSeparation', 'StrictModes', 'Compression', 'Port', 'Subsystem', 'MaxStartups', 'PerSourceMaxStartups', 'PerSourceNetBlockSize', 'HostKeyAlgorithms', 'SyslogFacility', 'PrintMotd', 'UseDNS', 'TCPKeepAlive', 'VersionAddendum', 'FingerprintHash', 'AddressFamily', 'IgnoreUserKnownHosts', 'GSSAPICleanupCredentials']);
const USERS = ['alice', 'bob', 'root', 'daemon', 'al*', '!bob,*', 'root,!daemon', 'b?b'];
const GROUPS = ['root', 'daemon', 'adm,!root', 'nogroup', '*'];
const HOSTS = ['*.example.com', 'host1', 'HOST1', '!bad.example.com,*'];
const ADDRESSES = ['10.0.0.0/8', '192.0.2.0/24', '203.0.113.5', '10.*', '2001:db8::/32', '!10.1.0.0/16,10.0.0.0/8', '10.0.0.0/200'];
const BAD_ADDRESSES = ['192.0.2.1/8', '10.0.0.0/33', '10.0.0.0/8,'];
const PORTS = ['22', '2222', 'ssh'];

function randomCase(random: Random, word: string): string {
  switch (Math.floor(random() * 4)) {
    case 0: return word.toLowerCase();
    case 1: return word.toUpperCase();
    default: return word;
  }
}

function quote(random: Random, value: string): string {
  if (!chance(random, 0.25)) return value;
  if (value.includes(' ')) return chance(random, 0.3) ? value.replace(/ /g, '\\ ') : value;
  switch (Math.floor(random() * 3)) {
    case 0: return `"${value}"`;
    case 1: return `'${value}'`;
    default: return `${value.slice(0, 1)}"${value.slice(1)}"`;
  }
}

function directive(random: Random, keyword: string, allowInvalid: boolean): string {
  const value = allowInvalid && INVALID[keyword] && chance(random, 0.3) ? pick(random, INVALID[keyword]) : pick(random, VALUES[keyword]);
  const separator = pick(random, [' ', '\t', '=', ' = ', '  ']);
  const comment = chance(random, 0.1) ? ' # trailing comment' : '';
  return `${randomCase(random, keyword)}${separator}${quote(random, value)}${comment}`;
}

function matchLine(random: Random, allowInvalid: boolean): string {
  if (chance(random, 0.1)) return 'Match All';
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    switch (Math.floor(random() * 6)) {
      case 0: parts.push(`User ${pick(random, USERS)}`); break;
      case 1: parts.push(`Group ${pick(random, GROUPS)}`); break;
      case 2: parts.push(`Host ${pick(random, HOSTS)}`); break;
      case 3: parts.push(`Address ${pick(random, allowInvalid && chance(random, 0.2) ? BAD_ADDRESSES : ADDRESSES)}`); break;
      case 4: parts.push(`LocalAddress ${pick(random, ['10.0.0.1', '10.0.0.0/24', '192.0.2.0/24'])}`); break;
      default: parts.push(`LocalPort ${allowInvalid && chance(random, 0.1) ? 'notaport' : pick(random, PORTS)}`); break;
    }
  }
  return `${randomCase(random, 'Match')} ${parts.join(' ')}`;
}

/** A config body: directives, duplicates, Match blocks, Includes of the given files, some invalid lines. */
function body(random: Random, includes: string[], allowInvalid: boolean): string {
  const lines: string[] = [];
  let inMatch = false;
  const count = 3 + Math.floor(random() * 10);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.12) { lines.push(matchLine(random, allowInvalid)); inMatch = true; continue; }
    if (roll < 0.2 && includes.length > 0) { lines.push(`Include ${pick(random, includes)}`); continue; }
    if (roll < 0.25) { lines.push(pick(random, ['', '# a comment', '   ', '\t# indented comment', 'AllowUsers alice #bob carol', 'Banner /etc/issue#1', 'ForceCommand /usr/bin/foo\\ bar %u'])); continue; }
    if (roll < 0.27 && allowInvalid) { lines.push(pick(random, ['PasswordAuthentication', 'LogLevel "VERBOSE', 'AllowUsers ""', 'X11Forwarding no yes', 'Match User', 'Match All User bob', 'Include'])); continue; }
    let keyword = pick(random, KEYWORDS);
    if (!allowInvalid && (keyword === 'FooBar' || (inMatch && GLOBAL_ONLY.has(keyword)))) keyword = 'PasswordAuthentication';
    const line = directive(random, keyword, allowInvalid);
    lines.push(inMatch && chance(random, 0.7) ? `    ${line}` : line);
  }
  return lines.join(pick(random, ['\n', '\n', '\r\n'])) + '\n';
}

export interface RandomTree {
  main: string;
  dropIns: Record<string, string>;
  spec: Record<string, string>;
}

/** A main file and drop-ins (named under `dir`), plus a connection spec for -C. */
export function randomTree(random: Random, dir: string): RandomTree {
  const allowInvalid = chance(random, 0.2);
  const names = ['10-a.conf', '20-b.conf', '30-c.conf'].slice(0, Math.floor(random() * 4));
  const dropIns: Record<string, string> = {};
  const nested = names.map((name) => `${dir}/${name}`);
  for (const name of names) dropIns[name] = body(random, chance(random, 0.15) ? nested : [], allowInvalid && chance(random, 0.3));
  const includes = names.length > 0 ? [`${dir}/*.conf`, ...names.map((name) => `${dir}/${name}`), `${dir}/nomatch-*.conf`, `${dir}/[12]0-?.conf`, `${dir}/[!1]*.conf`] : [];
  const main = (chance(random, 0.4) && includes.length > 0 ? `Include ${includes[0]}\n` : '') + body(random, includes, allowInvalid);
  const spec: Record<string, string> = {};
  if (chance(random, 0.9)) spec.user = pick(random, ['alice', 'bob', 'root', 'daemon', 'nobody-here']);
  if (chance(random, 0.8)) spec.host = pick(random, ['host1', 'a.example.com', 'bad.example.com']);
  if (chance(random, 0.8)) spec.addr = pick(random, ['10.1.2.3', '10.9.9.9', '192.0.2.7', '203.0.113.5', '2001:db8::1']);
  if (chance(random, 0.7)) spec.laddr = pick(random, ['10.0.0.1', '192.0.2.1']);
  if (chance(random, 0.8)) spec.lport = pick(random, ['22', '2222']);
  return { main, dropIns, spec };
}
