import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeCredential, quoted, redacted, shown } from '../../src/model/quote.js';
import { shownError } from '../../src/model/shown-error.js';
import { shownKeyword } from '../../src/parsers/sshd/shown-keyword.js';
import { jsonText } from '../../src/reporters/json-text.js';
import { seededRandom } from '../support/seeded-random.js';

/** Characters a message must never carry as they are: C0, DEL, C1, bidirectional and other format characters, line separators. */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const HOSTILE = ['\x1b', '\x00', '\x07', '\x7f', '\x85', '\x9b', '\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u200b', '\u2028', '\ufeff', '\u00ad', '\u{e0041}', '\t', '\n', '\r', '\ud800', '\udfff'];
const hostileText = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })), maxLength: 120 });

/** Reverses shown()'s escapes (for text without backslashes of its own). */
function unescape(text: string): string {
  return text.replace(/\\(?:x([0-9a-f]{2})|u\{([0-9a-f]+)\}|([tnr]))/g, (_, hex: string, code: string, short: string) =>
    short ? { t: '\t', n: '\n', r: '\r' }[short]! : String.fromCodePoint(parseInt(hex ?? code, 16)));
}

function randomToken(random: () => number, alphabet: string, length: number): string {
  let token = '';
  for (let index = 0; index < length; index++) token += alphabet[Math.floor(random() * alphabet.length)];
  return token;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${ALNUM}+/`;

describe('shown: escaped and cut, never more', () => {
  it('leaves printable ASCII within the bound as it is', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => shown(text) === text));
  });

  it('never lets a control, bidirectional or format character through, and stays within the bound', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 60 }), (text, max) => {
        const result = shown(text, max);
        expect(result).not.toMatch(UNSEEN);
        expect([...result].length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('keeps everything it shows: what is not cut reads back as the input, what is cut is a prefix of it', () => {
    fc.assert(
      fc.property(hostileText.filter((text) => !text.includes('\\')), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const result = shown(text, max);
        if (!result.endsWith('…') || text.endsWith('…')) expect(unescape(result)).toBe(text);
        else expect(text.startsWith(unescape(result.slice(0, -1)))).toBe(true);
      }),
    );
  });

  it('writes terminal escapes and bidi overrides as escapes, and cuts on a character, not inside an escape or a pair', () => {
    expect(shown('\x1b[31mred\x1b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(shown('admin\u202e\u2066txt.exe')).toBe('admin\\u{202e}\\u{2066}txt.exe');
    expect(shown('tab\there\r\n')).toBe('tab\\there\\r\\n');
    expect(shown('a\u{1F600}b', 3)).toBe('a\u{1F600}b');
    expect(shown('ab\u{1F600}cd', 4)).toBe('ab\u{1F600}…');
    expect(shown('ab\x1bcd', 5)).toBe('ab…');
    expect(shown('x'.repeat(10_000), 40)).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('quoted: a short token in quotes, or a description of a credential', () => {
  it('quotes a value and cuts it to 40 characters unless told', () => {
    expect(quoted('maybe')).toBe("'maybe'");
    expect(quoted('y'.repeat(100))).toBe(`'${'y'.repeat(39)}…'`);
    expect(quoted('y'.repeat(100), 10)).toBe(`'${'y'.repeat(9)}…'`);
    expect(quoted('')).toBe("''");
  });

  const credentials: [string, string][] = [
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a temporary AWS key id', 'ASIAY34FZKBOKMUTVV7A'],
    ['a GitHub token', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF'],
    ['a Slack token', 'xoxb-2047-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['an OpenAI key', 'sk-proj-Ab3dEf6hIj9lMn2pQr5tUv8xYz1B'],
    ['a Stripe key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a GitLab token', 'glpat-xxxxxxxxxxxxxxxxxxxx'],
    ['a Google API key', 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['a PEM header', '-----BEGIN OPENSSH PRIVATE KEY-----'],
    ['a PEM header token', '-----BEGIN'],
    ['a PEM body line', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW'],
    ['a DER key in base64', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7'],
    ['a .env secret', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a .env token', 'GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['a password assignment', 'password=hunter2'],
    ['a quoted password assignment', 'DB_PASSWORD="correct horse"'],
    ['an API key assignment', 'STRIPE_API_KEY=abc123'],
    ['a YAML secret', 'client_secret: s3cr3t-value'],
    ['an Authorization header', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345'],
    ['a URL with a password', 'https://deploy:Tr0ub4dor@git.example.com/repo.git'],
    ['a bare AWS secret key', 'Zx9Qm2Lk8Vb4Nw7Rt1Yp6Hs3Jd5Gf0Ac2Ue8Io4P'],
    ['a hex API key', '4f9c2b7e1a8d3f6c0e5b9a2d7c4f1e8b'],
  ];

  it.each(credentials)('does not show %s, only says what it looks like', (_, secret) => {
    expect(looksLikeCredential(secret)).toBe(true);
    const result = quoted(secret);
    expect(result).toBe(`[a ${[...secret].length}-character value that looks like a credential, not shown]`);
    // In prose, the secret part is hidden (a PEM header has none: its words are no secret).
    if (!secret.startsWith('-----')) expect(redacted(`the value was ${secret} here`, 300)).not.toContain(secret.slice(-8));
  });

  it('hides random keys it has never seen the format of', () => {
    const random = seededRandom(20260523);
    for (const [alphabet, length] of [[ALNUM, 40], [BASE64, 40], [ALNUM, 64], [BASE64, 88]] as const) {
      const tokens = Array.from({ length: 500 }, () => randomToken(random, alphabet, length));
      const hidden = tokens.filter(looksLikeCredential).length;
      expect(hidden / tokens.length, `${length} characters of ${alphabet.length} symbols`).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('hides known token formats whatever their random part', () => {
    const tokens = fc.oneof(
      fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 36, maxLength: 40 }).map((rest) => `ghp_${rest}`),
      fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 16 }).map((rest) => `AKIA${rest}`),
      fc.string({ unit: fc.constantFrom(...ALNUM, '-'), minLength: 20, maxLength: 50 }).map((rest) => `xoxp-${rest}`),
      fc.string({ unit: fc.constantFrom(...ALNUM, '-', '_'), minLength: 20, maxLength: 20 }).map((rest) => `glpat-${rest}`),
    );
    fc.assert(
      fc.property(tokens, fc.constantFrom('', 'TOKEN=', 'Bearer '), (token, before) => {
        const result = quoted(`${before}${token}`);
        expect(result).toMatch(/^\[a \d+-character value that looks like a credential, not shown\]$/);
        expect(result).not.toContain(token.slice(4, 12));
      }),
    );
  });

  const legitimate = [
    'chacha20-poly1305@openssh.com', 'curve25519-sha256@libssh.org', 'sntrup761x25519-sha512@openssh.com', 'hmac-sha2-256-etm@openssh.com',
    'aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com', 'rsa-sha2-512-cert-v01@openssh.com', 'sk-ssh-ed25519@openssh.com',
    'sk-ecdsa-sha2-nistp256@openssh.com', 'ecdh-sha2-nistp521,diffie-hellman-group16-sha512', '+diffie-hellman-group14-sha1',
    'PubkeyAuthentication', 'KbdInteractiveAuthentication', 'ChallengeResponseAuthentication', 'AuthorizedKeysFile', 'publickey,keyboard-interactive:pam',
    '10.0.0.0/8', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:db8::/32', 'fe80::1%eth0',
    'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0', 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0c4f8a2e6b1d3f5a7',
    'sg-0123456789abcdef0', 'sgr-0123456789abcdef0', 'pl-63a5400a', 'vpc-0a1b2c3d4e5f67890', '123456789012/sg-0e2f4a6c8e0a2c411',
    '/subscriptions/5f1c0e4a-7d2b-4c39-9a61-0b8e3d2f6a17/resourceGroups/rg-prod/providers/Microsoft.Network/networkSecurityGroups/web-nsg/securityRules/AllowSSHFromOffice',
    '/subscriptions/3f2504e0-4f89-11d3-9a0c-0305e82c3301/resourceGroups/rg1/providers/Microsoft.Network/applicationSecurityGroups/asg-web01',
    '00000000-0000-0000-0000-000000000000', '{3F2504E0-4F89-11D3-9A0C-0305E82C3301}', 'S-1-5-21-3623811015-3361044348-30300820-1013',
    'https://www.googleapis.com/compute/v1/projects/acme-prod-4711/global/networks/flow-vpc', 'projects/my-proj/global/firewalls/allow-ssh-from-iap-35235',
    'my-service-account@my-project-123456.iam.gserviceaccount.com', 'tag:web-frontend-2024', 'AzureLoadBalancer', 'Storage.WestEurope',
    'C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe', '%SystemRoot%\\system32\\svchost.exe',
    'Remote Desktop - User Mode (TCP-In)', 'AllowSSHFromCorp2023', 'DenyAllInBound', 'AllowVnetInBound',
    '@{Microsoft.Windows.Photos_2023.10030.27002.0_x64__8wekyb3d8bbwe?ms-resource://Microsoft.Windows.Photos/Files/Assets/PhotosAppList.png}',
    'Microsoft.AAD.BrokerPlugin_1000.19580.1000.0_neutral_neutral_cw5n1h2txyewy', 'O:LSD:(A;;CC;;;S-1-5-84-0-0-0-0-0)',
    '/etc/ssh/sshd_config.d/50-cloud-init.conf', '/etc/ssh/ssh_host_ed25519_key', '22/tcp ALLOW IN Anywhere', '80,443/tcp (Nginx Full (v6))',
    'ufw6-after-logging-input', 'openssh-portable-9.9p2-upstream-sshd_config', 'root:x:0:0:root:/root:/bin/bash',
  ];

  it.each(legitimate)('shows %s, which is no credential', (value) => {
    expect(looksLikeCredential(value)).toBe(false);
    expect(quoted(value, 500)).toBe(`'${value}'`);
  });

  it('judges a long line in linear time', () => {
    const started = performance.now();
    for (const line of ['a'.repeat(300_000), 'ab1'.repeat(100_000), `http${'a'.repeat(300_000)}`, ' '.repeat(300_000), `token${' '.repeat(300_000)}`]) {
      looksLikeCredential(line);
      redacted(line);
      quoted(line);
    }
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('redacted: prose with its credentials taken out', () => {
  it('keeps the words around a credential and hides it', () => {
    const message = 'You are not authorized. Encoded authorization failure message: Zx9Qm2Lk8Vb4Nw7Rt1Yp6Hs3Jd5Gf0Ac2Ue8Io4P';
    expect(redacted(message, 200)).toBe('You are not authorized. Encoded authorization failure message: [a 40-character value that looks like a credential, not shown]');
    expect(redacted('the password: hunter2 was rejected')).toBe('the password: [a 7-character value that looks like a credential, not shown] was rejected');
    expect(redacted('Match User alice bob', 80)).toBe('Match User alice bob');
  });

  it('escapes and bounds like shown', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = redacted(text, 60);
        expect(result).not.toMatch(UNSEEN);
        expect([...result].length).toBeLessThanOrEqual(60);
      }),
    );
  });
});

describe('what stands in an sshd keyword place', () => {
  it('is shown when it is shaped like a keyword, else only its length', () => {
    expect(shownKeyword('FooBar')).toBe('FooBar');
    expect(shownKeyword('root:x:0:0:root:/root:/bin/bash')).toBe('a token that is no sshd keyword (31 characters, not shown)');
    expect(shownKeyword('AKIAIOSFODNN7EXAMPLE')).toBe('a token that is no sshd keyword (20 characters, not shown)');
    expect(shownKeyword('GITHUB_TOKEN')).toBe('a token that is no sshd keyword (12 characters, not shown)');
    expect(shownKeyword('x'.repeat(41))).toBe('a token that is no sshd keyword (41 characters, not shown)');
  });
});

describe('JSON text of a report', () => {
  it('escapes every format character, not only the bidirectional ones', () => {
    // U+070F (Syriac abbreviation mark) and U+0600 (Arabic number sign) are format characters outside the usual blocks.
    expect(jsonText({ text: 'a\u070fb\u0600c\u202ed' })).toBe('{"text":"a\\u070fb\\u0600c\\u202ed"}');
  });

  it('is the same JSON value, with nothing unseen left raw', () => {
    const value = fc.jsonValue().chain((json) => fc.tuple(fc.constant(json), hostileText.filter((text) => !/\p{Cs}/u.test(text))));
    fc.assert(
      fc.property(value, ([json, text]) => {
        const document = { json, text, nested: [text, { text }] };
        const written = jsonText(document);
        expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(document)));
        expect(written).not.toMatch(UNSEEN);
      }),
    );
  });
});

describe('an exception in a message', () => {
  it('names its class and where Parapet threw, never its message', () => {
    let error: unknown;
    try {
      JSON.parse('root:x:0:0:root:/root:/bin/bash ghp_16C7e42F292c6912E7710c838347Ae178B4a');
    } catch (caught) {
      error = caught;
    }
    const result = shownError(error);
    expect(result).toMatch(/^SyntaxError( at \S+:\d+:\d+)?$/);
    expect(result).not.toContain('root');
    expect(shownError('text')).toBe('a thrown string');
  });
});
