import { seededRandom } from '../support/seeded-random.js';

/**
 * Files that must never be echoed: credentials, account lines, a private key, very long lines, and text that would
 * rewrite a terminal or reorder what a reader sees. `SECRETS` are pieces of them no output may hold.
 */

export const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
export const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
export const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const ESC = '\x1b[31m';
export const RLO = '\u202e';
export const LRI = '\u2066';

export const PASSWD = [
  'root:x:0:0:root:/root:/bin/bash',
  'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
  'alice:x:1000:1000:Alice Example,,,:/home/alice:/bin/bash',
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
].join('\n');

export const ENV = [
  `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`,
  `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
  `GITHUB_TOKEN=${GITHUB_TOKEN}`,
  'export DB_PASSWORD=hunter2-hunter2',
  GITHUB_TOKEN,
].join('\n');

const random = seededRandom(9);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const keyLines = ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', ...Array.from({ length: 5 }, () => Array.from({ length: 70 }, () => BASE64[Math.floor(random() * 64)]).join(''))];
export const PRIVATE_KEY = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...keyLines, '-----END OPENSSH PRIVATE KEY-----'].join('\n');

/** 10,000 characters without a space, and long values after a keyword. */
export const LONG_LINE = 'LONGLINE'.repeat(1250);
export const LONG_VALUE = 'LONGVALUE'.repeat(1100);

export const TERMINAL = [`${ESC}PermitRootLogin yes\x1b[0m`, `Port 22${RLO}#evil`, `PermitRootLogin ${ESC}yes`, `X11Forwarding ${LRI}yes${RLO}no`].join('\n');

export const SECRETS = [
  'root:x:0:0', 'daemon:x:1:1', '/home/alice', 'Alice Example', '/var/backups',
  AWS_KEY_ID, 'wJalrXUtnFEMI', 'bPxRfiCYEXAMPLEKEY', 'ghp_16C7e42F', '6912E7710c838347', 'hunter2',
  'OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjE', ...keyLines.map((line) => line.slice(20, 44)),
];

/** More than this many characters of a long line is a line echoed. */
export const LONG_RUN = /(?:LONGLINE|LONGVALUE|LONGNAME){20}/;

/** What no report may carry raw: C0 controls but the newline, DEL, C1, bidirectional and other invisible format characters. */
export const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
