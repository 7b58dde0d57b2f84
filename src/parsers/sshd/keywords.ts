import type { SpecialKind } from './special-values.js';

/**
 * The keyword table of OpenSSH 9.2p1 as Debian 12 builds it (PAM, GSSAPI with Debian's key-exchange patch, Kerberos,
 * no AFS), checked against /usr/sbin/sshd. `name` is what `sshd -T` prints: the first table entry of the opcode.
 */
export type ValueKind =
  | 'flag' | 'permitrootlogin' | 'ignorerhosts' | 'gatewayports' | 'tcpfwd' | 'compression' | 'addressfamily'
  | 'int' | 'time' | 'loglevel' | 'facility' | 'permittunnel' | 'permituserenvironment'
  | 'users' | 'groups' | 'acceptenv' | 'authenticationmethods'
  | 'ciphers' | 'macs' | 'kexalgorithms' | 'keyalgorithms' | 'sigalgorithms'
  | 'path' | 'word' | 'command' | 'restofline' | 'wordlist' | 'accumulate'
  | 'port' | 'include' | 'match' | 'deprecated' | 'unsupported' | 'ignore' | 'lenient'
  | 'principalscommand' | 'authorizedkeysfile' | SpecialKind;

export interface Keyword {
  /** Canonical lower-case name, as `sshd -T` prints it. */
  name: string;
  /** Allowed inside a Match block (SSHCFG_MATCH). */
  inMatch: boolean;
  kind: ValueKind;
}

// name|canonical (empty = itself)|G(lobal only) or A(ll)|kind — in servconf.c order.
const TABLE = `
usepam||G|flag
pamauthenticationviakbdint||G|deprecated
port||G|port
hostkey||G|accumulate
hostdsakey|hostkey|G|accumulate
hostkeyagent||G|path
pidfile||G|path
modulifile||G|path
serverkeybits||G|deprecated
logingracetime||G|time
keyregenerationinterval||G|deprecated
permitrootlogin||A|permitrootlogin
syslogfacility||G|facility
loglevel||A|loglevel
logverbose||A|logverbose
rhostsauthentication||G|deprecated
rhostsrsaauthentication||A|deprecated
hostbasedauthentication||A|flag
hostbasedusesnamefrompacketonly||A|flag
hostbasedacceptedalgorithms||A|keyalgorithms
hostbasedacceptedkeytypes|hostbasedacceptedalgorithms|A|keyalgorithms
hostkeyalgorithms||G|keyalgorithms
rsaauthentication||A|deprecated
pubkeyauthentication||A|flag
pubkeyacceptedalgorithms||A|keyalgorithms
pubkeyacceptedkeytypes|pubkeyacceptedalgorithms|A|keyalgorithms
pubkeyauthoptions||A|pubkeyauthoptions
dsaauthentication|pubkeyauthentication|G|flag
kerberosauthentication||A|flag
kerberosorlocalpasswd||G|flag
kerberosticketcleanup||G|flag
kerberosgetafstoken||G|unsupported
kerberostgtpassing||G|unsupported
afstokenpassing||G|unsupported
gssapiauthentication||A|flag
gssapicleanupcredentials||G|flag
gssapicleanupcreds|gssapicleanupcredentials|G|flag
gssapistrictacceptorcheck||G|flag
gssapikeyexchange||G|flag
gssapistorecredentialsonrekey||G|flag
gssapikexalgorithms||G|lenient
gssusesessionccache||G|unsupported
gssapiusesessioncredcache||G|unsupported
passwordauthentication||A|flag
kbdinteractiveauthentication||A|flag
challengeresponseauthentication|kbdinteractiveauthentication|A|flag
skeyauthentication|kbdinteractiveauthentication|A|flag
checkmail||G|deprecated
listenaddress||G|lenient
addressfamily||G|addressfamily
printmotd||G|flag
printlastlog||G|flag
ignorerhosts||A|ignorerhosts
ignoreuserknownhosts||G|flag
x11forwarding||A|flag
x11displayoffset||A|int
x11uselocalhost||A|flag
xauthlocation||G|path
strictmodes||G|flag
permitblacklistedkeys||G|deprecated
permitemptypasswords||A|flag
permituserenvironment||G|permituserenvironment
uselogin||G|deprecated
compression||G|compression
rekeylimit||A|rekeylimit
tcpkeepalive||G|flag
keepalive|tcpkeepalive|G|flag
allowtcpforwarding||A|tcpfwd
allowagentforwarding||A|flag
allowusers||A|users
denyusers||A|users
allowgroups||A|groups
denygroups||A|groups
ciphers||G|ciphers
macs||G|macs
protocol||G|ignore
gatewayports||A|gatewayports
subsystem||G|subsystem
maxstartups||G|maxstartups
persourcemaxstartups||G|persourcemaxstartups
persourcenetblocksize||G|persourcenetblocksize
maxauthtries||A|int
maxsessions||A|int
banner||A|path
usedns||G|flag
verifyreversemapping||G|deprecated
reversemappingcheck||G|deprecated
clientaliveinterval||A|time
clientalivecountmax||A|int
authorizedkeysfile||A|authorizedkeysfile
authorizedkeysfile2||A|deprecated
useprivilegeseparation||G|deprecated
acceptenv||A|acceptenv
setenv||A|wordlist
permittunnel||A|permittunnel
permittty||A|flag
permituserrc||A|flag
match||A|match
permitopen||A|permitopen
permitlisten||A|permitlisten
forcecommand||A|restofline
chrootdirectory||A|word
hostcertificate||G|accumulate
revokedkeys||A|path
trustedusercakeys||A|path
authorizedprincipalsfile||A|word
kexalgorithms||G|kexalgorithms
include||A|include
ipqos||A|ipqos
authorizedkeyscommand||A|command
authorizedkeyscommanduser||A|word
authorizedprincipalscommand||A|principalscommand
authorizedprincipalscommanduser||A|word
versionaddendum||G|restofline
authenticationmethods||A|authenticationmethods
streamlocalbindmask||A|streamlocalbindmask
streamlocalbindunlink||A|flag
allowstreamlocalforwarding||A|tcpfwd
fingerprinthash||G|fingerprinthash
disableforwarding||A|flag
exposeauthinfo||A|flag
rdomain||A|lenient
casignaturealgorithms||A|sigalgorithms
securitykeyprovider||G|word
requiredrsasize||A|int
channeltimeout||A|channeltimeout
unusedconnectiontimeout||A|unusedconnectiontimeout
debianbanner||G|flag
`;

const KEYWORDS: ReadonlyMap<string, Keyword> = new Map(
  TABLE.trim().split('\n').map((row) => {
    const [written, canonical, scope, kind] = row.split('|');
    return [written, { name: canonical || written, inMatch: scope === 'A', kind: kind as ValueKind }];
  }),
);

/** Keywords are case-insensitive (strcasecmp). */
export function lookupKeyword(written: string): Keyword | undefined {
  return written.length > LONGEST_KEYWORD ? undefined : KEYWORDS.get(asciiLower(written));
}

/** Anything longer is no keyword: detection looks up the first word of every line of every file, however long. */
const LONGEST_KEYWORD = Math.max(...[...KEYWORDS.keys()].map((written) => written.length));

/** Every keyword sshd accepts, as written in the table (aliases included). */
export function knownKeywords(): string[] {
  return [...KEYWORDS.keys()];
}

/** strcasecmp folds ASCII only; String.toLowerCase would also fold e.g. the Kelvin sign into 'k'. */
export function asciiLower(text: string): string {
  // On ASCII text, toLowerCase folds exactly A-Z, natively: keywords and values are looked up on every line walked.
  return ASCII.test(text) ? text.toLowerCase() : text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

const ASCII = /^[\x00-\x7f]*$/;
