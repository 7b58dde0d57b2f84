import { quoted } from '../../model/quote.js';
import { asciiLower } from './keywords.js';
import { a2port, strtonumError, type MatchEnvironment } from './match-criteria.js';
import { convtime } from './time.js';

/** Keywords whose values have their own small grammar in servconf.c. */
export type SpecialKind =
  | 'subsystem' | 'maxstartups' | 'persourcemaxstartups' | 'persourcenetblocksize' | 'ipqos' | 'rekeylimit'
  | 'streamlocalbindmask' | 'fingerprinthash' | 'pubkeyauthoptions' | 'permitopen' | 'permitlisten'
  | 'channeltimeout' | 'logverbose' | 'unusedconnectiontimeout';

export type SpecialValue = { items: string[]; consumed: number } | { error: string };

/** iptos2str()/parse_ipqos() names, in the order sshd prints the first match. */
const IPQOS: [string, number][] = [
  ['af11', 0x28], ['af12', 0x30], ['af13', 0x38], ['af21', 0x48], ['af22', 0x50], ['af23', 0x58], ['af31', 0x68], ['af32', 0x70],
  ['af33', 0x78], ['af41', 0x88], ['af42', 0x90], ['af43', 0x98], ['cs0', 0x00], ['cs1', 0x20], ['cs2', 0x40], ['cs3', 0x60],
  ['cs4', 0x80], ['cs5', 0xa0], ['cs6', 0xc0], ['cs7', 0xe0], ['ef', 0xb8], ['le', 0x04], ['lowdelay', 0x10], ['throughput', 0x08],
  ['reliability', 0x04],
];
const FINGERPRINT_HASHES = new Map([['md5', 'MD5'], ['sha1', 'SHA1'], ['sha256', 'SHA256'], ['sha384', 'SHA384'], ['sha512', 'SHA512']]);

export function parseSpecialValue(kind: SpecialKind, args: string[], written: string, environment: MatchEnvironment): SpecialValue {
  const first = args[0];
  const missing = { error: `${written} missing argument.` };
  switch (kind) {
    case 'subsystem':
      if (!first) return missing;
      return { items: args, consumed: args.length };
    case 'maxstartups': {
      if (!first) return missing;
      const numbers = scanInts(first, ':', 3);
      const [begin, rate, max] = [numbers[0], numbers[1], numbers.length === 3 ? numbers[2] : numbers[0]];
      const invalid = numbers.length === 2 || numbers.length === 0 || (numbers.length === 3 && (begin > max || rate > 100 || rate < 1)) || max <= 0 || begin <= 0;
      return invalid ? { error: `Invalid ${written} spec.` } : { items: numbers.length === 3 ? [String(begin), String(rate), String(max)] : [String(begin), '', String(begin)], consumed: 1 };
    }
    case 'persourcemaxstartups': {
      if (!first) return missing;
      if (first === 'none') return { items: ['none'], consumed: 1 };
      const error = strtonumError(first, 0, 2147483647);
      return error ? { error: `${written} integer value ${error}.` } : { items: [String(Number(first.trim()))], consumed: 1 };
    }
    case 'persourcenetblocksize': {
      if (!first) return missing;
      const [v4, v6] = scanInts(first, ':', 2);
      if (v4 === undefined || v4 < 0 || v4 > 32 || (v6 !== undefined && (v6 < 0 || v6 > 128))) return { error: `Invalid ${written} spec.` };
      // With one number sshd leaves the IPv6 length at an uninitialised 0 (what 9.2 prints).
      return { items: [`${v4}:${v6 ?? 0}`], consumed: 1 };
    }
    case 'ipqos': {
      if (!first) return missing;
      const interactive = parseIpqos(first);
      const bulk = args[1] === undefined ? interactive : parseIpqos(args[1]);
      if (interactive === undefined || bulk === undefined) return { error: `Bad ${written} value: ${quoted(interactive === undefined ? first : args[1])}` };
      return { items: [iptos2str(interactive), iptos2str(bulk)], consumed: Math.min(args.length, 2) };
    }
    case 'rekeylimit': {
      if (!first) return missing;
      const limit = first === 'default' ? 0 : scanScaled(first);
      if (limit === undefined) return { error: `Bad ${written} number ${quoted(first)}` };
      if (limit !== 0 && limit < 16) return { error: `${written} too small` };
      if (args[1] === undefined || args[1] === 'none') return { items: [String(limit), ''], consumed: Math.min(args.length, 2) };
      const interval = convtime(args[1]);
      return interval < 0 ? { error: 'invalid time value.' } : { items: [String(limit), String(interval)], consumed: 2 };
    }
    case 'streamlocalbindmask': {
      if (!first) return missing;
      const mask = /^[ \t\n\v\f\r]*([+-]?[0-7]+)/.exec(first);
      const value = mask ? parseInt(mask[1], 8) : NaN;
      return !mask || value < 0 || value > 0o777 ? { error: `Invalid ${written}.` } : { items: [`0${value.toString(8)}`], consumed: 1 };
    }
    case 'fingerprinthash': {
      if (!first) return missing;
      const hash = FINGERPRINT_HASHES.get(asciiLower(first));
      return hash ? { items: [hash], consumed: 1 } : { error: `Invalid ${written} algorithm ${quoted(first)}.` };
    }
    case 'pubkeyauthoptions': {
      let touch = false;
      let verify = false;
      for (const arg of args) {
        const option = asciiLower(arg);
        if (option === 'touch-required') touch = true;
        else if (option === 'verify-required') verify = true;
        else if (option !== 'none') return { error: `unsupported ${written} option ${quoted(arg)}` };
      }
      const items = [...(touch ? ['touch-required'] : []), ...(verify ? ['verify-required'] : [])];
      return { items: items.length > 0 ? items : ['none'], consumed: args.length };
    }
    case 'permitopen': case 'permitlisten': {
      if (!first) return missing;
      if (first === 'any' || first === 'none') return { items: [first], consumed: 1 };
      const items: string[] = [];
      for (const arg of args) {
        if (arg === '') break;
        const bare = kind === 'permitlisten' && !arg.includes(':');
        const split = bare ? { host: '*', port: arg } : hostPortSplit(arg);
        if (!split) return { error: `${written} missing host` };
        if (split.port === undefined || (split.port !== '*' && a2port(split.port, environment) <= 0)) return { error: `${written} bad port number` };
        items.push(bare ? `*:${arg}` : arg);
      }
      return { items, consumed: args.length };
    }
    case 'channeltimeout': case 'logverbose':
      for (const [index, arg] of args.entries()) {
        if (arg === '' && kind === 'logverbose') return { error: `keyword ${written} empty argument` };
        if (asciiLower(arg) === 'none') {
          if (index > 0 || args.length > 1) return { error: `keyword ${written} "none" argument must appear alone.` };
        } else if (kind === 'channeltimeout' && !validTimeout(arg)) return { error: `invalid channel timeout ${quoted(arg)}` };
      }
      return { items: args, consumed: args.length };
    case 'unusedconnectiontimeout': {
      if (first !== undefined && asciiLower(first) === 'none') return { items: ['none'], consumed: 1 };
      if (!first) return { error: 'missing time value.' };
      const seconds = convtime(first);
      return seconds < 0 ? { error: 'invalid time value.' } : { items: [seconds === 0 ? 'none' : String(seconds)], consumed: 1 };
    }
  }
}

/** sscanf("%d:%d:%d") — the integers read before the first mismatch. */
function scanInts(text: string, separator: string, count: number): number[] {
  const numbers: number[] = [];
  let rest = text;
  for (let index = 0; index < count; index++) {
    if (index > 0) {
      if (!rest.startsWith(separator)) break;
      rest = rest.slice(separator.length);
    }
    const match = /^[ \t\n\v\f\r]*([+-]?[0-9]{1,10})/.exec(rest);
    if (!match) break;
    numbers.push(Number(match[1]));
    rest = rest.slice(match[0].length);
  }
  return numbers;
}

function parseIpqos(text: string): number | undefined {
  const named = IPQOS.find(([name]) => name === asciiLower(text));
  if (named) return named[1];
  const match = /^(0x[0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1].startsWith('0x') ? parseInt(match[1], 16) : match[1].startsWith('0') ? parseInt(match[1], 8) : match[1]);
  return value >= 0 && value <= 255 ? value : undefined;
}

function iptos2str(value: number): string {
  return IPQOS.find(([, code]) => code === value)?.[0] ?? `0x${value.toString(16).padStart(2, '0')}`;
}

/** misc.c scan_scaled() for whole numbers: 100, 64K, 1G (powers of 1024); text after whitespace is ignored. */
function scanScaled(text: string): number | undefined {
  const match = /^[ \t]*([0-9]+)([bBkKmMgGtTpPeE]?)(?:[ \t].*)?$/.exec(text);
  if (!match) return undefined;
  const power = 'bkmgtpe'.indexOf(asciiLower(match[2] || 'b'));
  const value = Number(match[1]) * 1024 ** power;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** servconf.c parse_timeout(): "type=interval". */
function validTimeout(text: string): boolean {
  const equals = text.indexOf('=');
  return equals > 0 && convtime(text.slice(equals + 1)) >= 0;
}

/** misc.c hpdelim(): `host:port`, `host/port` or `[v6]:port`; undefined when the brackets are wrong. */
function hostPortSplit(text: string): { host: string; port?: string } | undefined {
  let at: number;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    at = close + 1;
  } else {
    const found = text.search(/[:/]/);
    at = found < 0 ? text.length : found;
  }
  if (at >= text.length) return { host: text };
  if (text[at] !== ':' && text[at] !== '/') return undefined;
  return { host: text.slice(0, at), port: text.slice(at + 1) };
}
