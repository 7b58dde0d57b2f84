import type { Random } from '../test/support/seeded-random.js';
import { below, chance, pick } from './choose.js';
import { repeatsWithin, type TextMutation } from './text-mutations.js';

/**
 * Mutations that know a format's structure, so that damage reaches past the first check: a JSON value of the wrong
 * type deep in a security group, a Match block with odd criteria, a firewall rule repeated a thousand times.
 */

/** Values of every JSON type, and the extremes of each. */
const JSON_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, -0, 1.5, 65536, 4294967296, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x', '-1', '0.0.0.0/0', '::/0',
  'any', '*', 'tcp', 'Allow', 'Inbound', '\u0000', '\uD800', '\u202Eevil', 'a'.repeat(5000), [], [null], [[]], {}, { '': null }, JSON.parse('{"__proto__": {"GroupId": "sg-evil", "polluted": true}}'),
  { constructor: { prototype: { polluted: true } } }, [1, 'a', null, {}], { FromPort: -1, ToPort: 70000 },
  // Members that String(), Number() and template strings call, and that array-like and promise-like checks read.
  { toString: 1, valueOf: 2 }, { toString: {} }, { length: 4294967296 }, { then: 1 }, { toJSON: 1 },
];

/** Stands in for deep nesting in JSON.stringify's output, replaced afterwards (stringify would recurse). */
const DEEP = '"\\u0000deep\\u0000"';

const json: TextMutation = {
  name: 'json-value',
  apply(text, random) {
    // Written again with indentation, JSON nested 100,000 deep would take depth² characters.
    if (nestsDeeperThan(text, 256)) return { text, detail: 'JSON nested too deeply to write again: left as it is' };
    let document: unknown;
    try {
      document = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { text, detail: 'not JSON (any more): left as it is' };
    }
    const slots = slotsOf(document);
    if (slots.length === 0) return { text, detail: 'JSON without members: left as it is' };
    const slot = pick(random, slots);
    const roll = below(random, 10);
    let what: string;
    let depth = 0;
    if (roll < 6) {
      const value = pick(random, JSON_VALUES);
      slot.set(value);
      what = `replaced by ${JSON.stringify(value)?.slice(0, 40)}`;
    } else if (roll < 7) {
      slot.remove();
      what = 'removed';
    } else if (roll < 8) {
      const value = slot.get();
      const copies = repeatsWithin(jsonLength(value), pick(random, [2, 100, 5000]));
      slot.set(Array.from({ length: copies }, () => value));
      what = `replaced by an array of ${copies} copies of it`;
    } else {
      depth = pick(random, [64, 1000, 100_000]);
      slot.set(JSON.parse(DEEP));
      what = `replaced by arrays nested ${depth} deep`;
    }
    const indent = pick(random, [0, 2, 4, '\t']);
    let changed: string;
    try {
      changed = JSON.stringify(document, null, indent);
    } catch {
      return { text, detail: 'JSON nested too deeply to write again: left as it is' };
    }
    if (depth > 0) changed = changed.replace(DEEP, () => '['.repeat(depth) + ']'.repeat(depth));
    return { text: changed, detail: `JSON ${slot.path} ${what} (indent ${JSON.stringify(indent)})` };
  },
};

/** Whether brackets outside strings nest deeper than `limit`. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}

/** The length of a value written as JSON; past what any input may hold when it cannot be written (nested too deeply). */
function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 4;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

interface Slot {
  path: string;
  get(): unknown;
  set(value: unknown): void;
  remove(): void;
}

/** Every member and element of a JSON document, as places a value can be put. */
function slotsOf(document: unknown): Slot[] {
  const slots: Slot[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 64 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        slots.push({ path: `${path}[${index}]`, get: () => value[index], set: (next) => (value[index] = next), remove: () => value.splice(index, 1) });
        visit(item, `${path}[${index}]`, depth + 1);
      });
      return;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      slots.push({ path: `${path}.${key}`, get: () => object[key], set: (next) => (object[key] = next), remove: () => delete object[key] });
      visit(object[key], `${path}.${key}`, depth + 1);
    }
  };
  visit(document, '$', 0);
  return slots;
}

const SSHD_KEYWORDS = [
  'Port', 'ListenAddress', 'PermitRootLogin', 'PasswordAuthentication', 'PubkeyAuthentication', 'KbdInteractiveAuthentication',
  'AuthenticationMethods', 'AllowUsers', 'DenyUsers', 'AllowGroups', 'Ciphers', 'MACs', 'KexAlgorithms', 'HostKeyAlgorithms',
  'MaxAuthTries', 'MaxSessions', 'MaxStartups', 'LoginGraceTime', 'ClientAliveInterval', 'ClientAliveCountMax', 'LogLevel',
  'X11Forwarding', 'AllowTcpForwarding', 'PermitOpen', 'PermitListen', 'GatewayPorts', 'PermitTunnel', 'Subsystem', 'SetEnv',
  'AcceptEnv', 'ChannelTimeout', 'RekeyLimit', 'AuthorizedKeysFile', 'AuthorizedKeysCommand', 'AuthorizedPrincipalsCommand',
  'ForceCommand', 'ChrootDirectory', 'Banner', 'UsePAM', 'StrictModes', 'IgnoreRhosts', 'HostbasedAuthentication', 'PermitUserEnvironment',
  'PermitEmptyPasswords', 'IPQoS', 'NoSuchKeyword', 'Protocol', 'UsePrivilegeSeparation',
];
const SSHD_VALUES = [
  'yes', 'no', 'prohibit-password', 'any', 'none', 'all', '22', '0', '-1', '65536', '99999999999999999999', '1e308', '10:30:100', '1:2:3:4',
  '+aes128-cbc', '-chacha20-poly1305@openssh.com', '^aes128-ctr', 'aes128-cbc,', ',', '"quoted value"', '"unterminated', "'single'", '\\"',
  'a b c', '1h30m', '1w', '5x', 'session:*=10m', 'publickey,password publickey', 'sftp /usr/lib/openssh/sftp-server', '%h/.ssh/keys',
  'user@host', '*', '!root,*', '10.0.0.0/8', '[::1]:22', 'host:99999', '',
];
const MATCH_CRITERIA = [
  'All', 'User root', 'User *,!admin', 'Group wheel', 'Host *.example.com', 'Address 10.0.0.0/8', 'Address 1.2.3.4/33', 'LocalAddress ::1',
  'LocalPort 22', 'LocalPort 0', 'LocalPort 99999', 'RDomain rd0', 'User', 'User ""', 'Bogus x', 'All User bob', 'Address 10.0.0.0/8,!10.1.0.0/16',
  'user ROOT', 'Address ' + '1.'.repeat(500) + '1',
];
const INCLUDES = [
  '/etc/ssh/sshd_config.d/*.conf', 'sshd_config.d/*.conf', '/etc/ssh/loop.conf', '/etc/ssh/sshd_config', '/nonexistent/*.conf', '/etc/ssh/missing.conf',
  '/etc/ssh/[', '/etc/ssh/*', '/etc/ssh/sshd_config.d', '~/x.conf', '/etc/ssh/**/*.conf', '"/etc/ssh/sshd_config.d/with space.conf"', '""',
  '/etc/crypto-policies/back-ends/opensshserver.config', '../../../../etc/passwd',
];

const sshd: TextMutation = {
  name: 'sshd-directive',
  apply(text, random) {
    const lines = text.split('\n');
    const at = below(random, lines.length + 1);
    let added: string[];
    const roll = below(random, 10);
    if (roll < 5) {
      added = [`${pick(random, SSHD_KEYWORDS)}${pick(random, [' ', '=', '\t', ' = '])}${pick(random, SSHD_VALUES)}`];
    } else if (roll < 8) {
      const count = pick(random, [1, 1, 2, 500]);
      added = [];
      for (let block = 0; block < count; block++) {
        added.push(`Match ${pick(random, MATCH_CRITERIA)}`, `  ${pick(random, SSHD_KEYWORDS)} ${pick(random, SSHD_VALUES)}`);
      }
    } else {
      added = [`Include ${pick(random, INCLUDES)}`];
    }
    lines.splice(at, 0, ...added);
    return { text: lines.join('\n'), detail: `inserted before line ${at + 1}: ${JSON.stringify(added[0]).slice(0, 80)}${added.length > 1 ? ` (+${added.length - 1} lines)` : ''}` };
  },
};

const UFW_CELLS = [
  'Anywhere', 'Anywhere (v6)', '22', '22/tcp', '22/tcp (v6)', '80,443/tcp', '1:65535/udp', '0/tcp', '65536/tcp', '22:21/tcp', '10.0.0.0/8',
  '0.0.0.0/0', '1.2.3.4/33', '2001:db8::/32', '::/0', '10.0.0.5 443/tcp', '198.51.100.0/24/esp', 'OpenSSH', 'Nginx Full (v6)', 'Unknown App',
  '80/tcp (Nginx HTTP)', '22/tcp on eth0', 'Anywhere on ' + 'x'.repeat(40), '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16/tcp', '',
];

const ufw: TextMutation = {
  name: 'ufw-row',
  apply(text, random) {
    const lines = text.split('\n');
    const at = below(random, lines.length + 1);
    const numbered = chance(random, 0.2) ? `[${String(below(random, 200)).padStart(2)}] ` : '';
    const action = pick(random, ['ALLOW', 'DENY', 'REJECT', 'LIMIT', 'ALLOW IN', 'DENY OUT', 'ALLOW FWD', 'allow', 'PERMIT']);
    const row = `${numbered}${pick(random, UFW_CELLS).padEnd(26)} ${action.padEnd(12)}${pick(random, UFW_CELLS).padEnd(26)}${pick(random, ['', ' (log)', ' (log-all, out)', ' # comment', ' # ' + 'c'.repeat(300)])}`;
    const copies = repeatsWithin(row.length + 1, pick(random, [1, 1, 1, 3000]));
    lines.splice(at, 0, ...Array<string>(copies).fill(row));
    return { text: lines.join('\n'), detail: `inserted before line ${at + 1}${copies > 1 ? ` ${copies} times` : ''}: ${JSON.stringify(row.trimEnd()).slice(0, 90)}` };
  },
};

const NETSH_FIELDS = [
  'Rule Name:', 'Enabled:', 'Direction:', 'Profiles:', 'LocalIP:', 'RemoteIP:', 'Protocol:', 'LocalPort:', 'RemotePort:', 'Action:', 'Edge traversal:',
  'Regelname:', 'Aktiviert:', 'Richtung:', 'Profile:', 'Lokale IP:', 'Remote-IP:', 'Lokaler Port:', 'Aktion:', 'State', 'Firewall Policy',
];
const NETSH_VALUES = [
  'Yes', 'No', 'In', 'Out', 'Allow', 'Block', 'Bypass', 'Any', 'TCP', 'UDP', 'ICMPv4', '6', '256', 'Domain,Private,Public', 'Public', '',
  '3389', '1-65535', '0-65536', '80,443,8080-8090', 'RPC', 'RPC-EPMap', 'IPHTTPS', '10.0.0.0/8', '10.0.0.1-10.0.0.0', 'LocalSubnet', '0.0.0.0/0',
  '::/0', '1.2.3.4/255.255.0.0', 'Internet', 'ON', 'OFF', 'BlockInbound,AllowOutbound', 'AllowInbound,AllowOutbound', 'Ja', 'Zulassen',
];

const netsh: TextMutation = {
  name: 'netsh-record',
  apply(text, random) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(eol);
    const starts = lines.flatMap((line, index) => (/^(Rule Name|Regelname):/.test(line) ? [index] : []));
    if (starts.length > 0 && chance(random, 0.3)) {
      const start = pick(random, starts);
      const end = starts.find((index) => index > start) ?? lines.length;
      const record = lines.slice(start, end);
      const copies = repeatsWithin(record.join(eol).length, pick(random, [2, 100, 2000]));
      // Not spread into splice(): a long record 2,000 times is more arguments than the stack holds.
      const repeated = [...lines.slice(0, end), ...Array.from({ length: copies }, () => record).flat(), ...lines.slice(end)];
      return { text: repeated.join(eol), detail: `repeated the rule at line ${start + 1} ${copies} times` };
    }
    const at = below(random, lines.length + 1);
    const field = `${pick(random, NETSH_FIELDS)}${' '.repeat(below(random, 40))}${pick(random, NETSH_VALUES)}`;
    lines.splice(at, 0, field);
    return { text: lines.join(eol), detail: `inserted before line ${at + 1}: ${JSON.stringify(field)}` };
  },
};

/** The structure-aware mutations for an input type. */
export function formatMutations(type: string): readonly TextMutation[] {
  switch (type) {
    case 'aws': case 'aws-lightsail': case 'azure': case 'gcp': case 'terraform-plan': case 'arm': return [json];
    case 'windows-firewall': return [netsh, json];
    case 'ufw': return [ufw];
    case 'sshd': return [sshd];
    default: return [];
  }
}
