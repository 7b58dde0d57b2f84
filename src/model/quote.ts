/**
 * The one way a message shows a piece of an input. The scanned tree may be written by whoever opened a pull request,
 * and the report is read by others: what a message quotes is short, cannot move a terminal's cursor or reorder the
 * text around it, and is never a credential.
 */

/** Characters that do not show as themselves: controls, bidirectional and other format characters, odd spaces. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\u{e0100}-\u{e01ef}]/u;
const PLAIN = /^[\x20-\x7e]*$/;
const SHORT_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * The text with every character that does not show as itself written as an escape (`\x1b`, `\u{202e}`), cut on a
 * character boundary to at most `max` characters ending in `…`. For identifiers Parapet shows as they are (asset ids,
 * paths): no quotes and no credential check.
 */
export function shown(text: string, max = 200): string {
  if (text.length <= max && PLAIN.test(text)) return text;
  const pieces: string[] = [];
  const lengths: number[] = [];
  let length = 0;
  for (const character of text) {
    const escaped = character !== ' ' && INVISIBLE.test(character);
    pieces.push(escaped ? escape(character) : character);
    lengths.push(escaped ? pieces[pieces.length - 1].length : 1);
    length += lengths[lengths.length - 1];
    if (length > max) break;
  }
  if (length <= max) return pieces.join('');
  let kept = 0;
  let keptLength = 0;
  while (keptLength + lengths[kept] <= max - 1) keptLength += lengths[kept++];
  return `${pieces.slice(0, kept).join('')}…`;
}

/**
 * A piece of an input for a message: in single quotes, escaped and cut as `shown` does (to `max` characters, 40 unless
 * told), or — when it looks like a credential — a description that says so without any of its content.
 */
export function quoted(text: string, max = 40): string {
  // Only what could be shown needs judging, and a credential that starts there is whole in this window.
  if (looksLikeCredential(text.slice(0, max + 256))) return hidden(text);
  return `'${shown(text, max)}'`;
}

/**
 * Prose from an input (a cloud API's error message, a Match line's patterns) for a message: escaped and cut as `shown`
 * does, with each word that looks like a credential, and the value of each `password = …`, replaced by a description.
 */
export function redacted(text: string, max = 120): string {
  const window = text.slice(0, max + 256);
  if (!mightHoldCredential(window)) return shown(text, max);
  const masked = window
    .replace(/\S+/g, (word) => (looksLikeCredential(word) ? hidden(word) : word))
    .replace(ASSIGNMENT, (whole, name: string, between: string, value: string) => (SECRET_NAME.test(name) ? `${name}${between}${hidden(value)}` : whole))
    .replace(AUTHORIZATION, (_, scheme: string, value: string) => `${scheme}${hidden(value)}`);
  return shown(masked + text.slice(window.length), max);
}

/** Known token formats, private keys, `password=…` assignments, credentials in URLs, and long random-looking strings. */
export function looksLikeCredential(text: string): boolean {
  if (text.length < 8 || !mightHoldCredential(text)) return false;
  if (KNOWN_FORMATS.some((format) => format.test(text)) || AUTHORIZATION_TEST.test(text)) return true;
  for (const [, name] of text.matchAll(ASSIGNMENT)) if (SECRET_NAME.test(name)) return true;
  return randomLooking(text);
}

function hidden(text: string): string {
  return `[a ${characterCount(text)}-character value that looks like a credential, not shown]`;
}

/**
 * What every form below needs somewhere in the text: a long run of letters and digits (or of base64), an assignment or
 * a URL's `:`, PEM dashes, or a format's fixed prefix. Most names have none of them, which spares them the rest; two
 * simple patterns are tested faster than their union.
 */
const LONG_RUN = /[A-Za-z0-9+/]{20}/;
const MARKERS = /[=:]|-----|github_pat_|xox|[rs]k[-_]|glpat-|npm_|hv[sbr]\.|SG\.|AIza|ya29\.|eyJ|MII|b3Blbn|[Bb][Ee][Aa][Rr][Ee][Rr]|[Bb][Aa][Ss][Ii][Cc]/;
const mightHoldCredential = (text: string): boolean => LONG_RUN.test(text) || MARKERS.test(text);

// Every pattern starts where a token starts (a lookbehind or a fixed prefix), so that a long line is read in linear time.
const KNOWN_FORMATS: RegExp[] = [
  // AWS access key ids (AKIA long-term, ASIA temporary, and the other unique-id prefixes).
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}(?![A-Za-z0-9])/,
  /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/,
  /(?<![A-Za-z0-9])xox[abeoprs]-[A-Za-z0-9-]{10,}/,
  // OpenAI and Anthropic keys (not OpenSSH's sk-ecdsa-… algorithm names: a key has upper case and digits), Stripe keys.
  /(?<![A-Za-z0-9])(?:sk-(?=[A-Za-z0-9_-]{0,200}[A-Z])(?=[A-Za-z0-9_-]{0,200}[0-9])[A-Za-z0-9_-]{20,}|[rs]k_(?:live|test)_[A-Za-z0-9]{10,})/,
  /(?<![A-Za-z0-9])(?:glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|hv[sbr]\.[A-Za-z0-9_-]{20,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})/,
  /(?<![A-Za-z0-9])(?:AIza[0-9A-Za-z_-]{30,}|ya29\.[0-9A-Za-z_-]{20,})/,
  // A JWT: base64url of '{"' starts every header.
  /(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{10,}/,
  // PEM armour, and the base64 that starts DER keys and OpenSSH private keys.
  /-----(?:BEGIN|END)\b|PRIVATE KEY-----/,
  /(?<![A-Za-z0-9+/])(?:MII[A-Za-z0-9+/]{20,}|b3BlbnNzaC1rZXktdjE)/,
  // user:password@ in a URL.
  /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,30}:\/\/[^/\s:@]{1,200}:[^/\s@]{1,200}@/i,
];

/** `NAME=value`, `NAME = value` or `Name: value`; whether it is a secret is the name's to say. */
const ASSIGNMENT = /(?<![A-Za-z0-9_.$-])([A-Za-z0-9_.$-]{1,100})((?:\s*=\s*|:\s+)(?:(?:bearer|basic)\s+)?)(?!\[a \d)(['"]?[^\s'"&,;]+['"]?)/gi;
const SECRET_NAME = /pass(?:word|wd|phrase)?|pwd|secret|token|credential|api_?key|private_?key|access_?key|(?:^|[_.-])(?:key|auth)$|^authorization$/i;
const AUTHORIZATION = /\b((?:bearer|basic)\s+)(?!\[a \d)([A-Za-z0-9._~+/-]{12,}=*)/gi;
const AUTHORIZATION_TEST = /\b(?:bearer|basic)\s+[A-Za-z0-9._~+/-]{12,}/i;

const WORD = /[A-Za-z0-9]{20,}/g;
const BASE64 = /[A-Za-z0-9+/]{32,}/g;

/**
 * Whether the text holds a long random string: a key or token in a format not listed above. Names people write —
 * `AllowSSHFromOffice2023`, `/resourceGroups/rg1/providers/Microsoft.Network`, `sg-0123456789abcdef0`, GUIDs,
 * algorithm names — are words and short ids between separators, and change between upper case, lower case and digits
 * far less often than random text does.
 */
function randomLooking(text: string): boolean {
  for (const [word] of text.matchAll(WORD)) {
    const upper = /[A-Z]/.test(word), lower = /[a-z]/.test(word), digit = /[0-9]/.test(word);
    if (/^[0-9a-f]+$/i.test(word)) {
      if (word.length >= 32 && digit && (upper || lower) && entropy(word) >= 3.4) return true;
    } else if (upper && lower && digit) {
      if (classChanges(word) >= 0.4 && entropy(word) >= entropyFloor(word.length)) return true;
    } else if (digit && word.length >= 32 && classChanges(word) >= 0.3 && entropy(word) >= entropyFloor(word.length)) return true;
  }
  // Base64 with '+' or '/' in it: the words between them are too short to tell, the whole is not. An AWS secret access
  // key is exactly 40 of these characters: a known format, judged less strictly.
  for (const [run] of text.matchAll(BASE64)) {
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/[0-9]/.test(run)) continue;
    const awsSecretShaped = run.length === 40;
    if (!awsSecretShaped && !/[+/]/.test(run)) continue;
    const letters = run.replace(/[+/]/g, '');
    if (classChanges(letters) >= (awsSecretShaped ? 0.3 : 0.4) && entropy(letters) >= entropyFloor(letters.length)) return true;
  }
  return false;
}

/** Shannon entropy in bits per character. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const character of text) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Random text of this length from 36 or more symbols stays well above this; repeated or patterned text falls below. */
function entropyFloor(length: number): number {
  return Math.min(4.2, 0.78 * Math.log2(length));
}

/** How often a character is of another class (upper, lower, digit, other) than the one before it. */
function classChanges(text: string): number {
  let changes = 0;
  for (let index = 1; index < text.length; index++) if (classOf(text.charCodeAt(index)) !== classOf(text.charCodeAt(index - 1))) changes++;
  return changes / (text.length - 1);
}

function classOf(code: number): number {
  if (code >= 65 && code <= 90) return 0;
  if (code >= 97 && code <= 122) return 1;
  if (code >= 48 && code <= 57) return 2;
  return 3;
}

function escape(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short) return short;
  const code = character.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
