import { homedir } from 'node:os';
import { quoted } from '../../model/quote.js';
import { validAlgorithmSpec } from './algorithms.js';
import { asciiLower, type Keyword } from './keywords.js';
import { addrMatchList } from './patterns.js';
import { a2port, strtonumError, type MatchEnvironment } from './match-criteria.js';
import { parseSpecialValue } from './special-values.js';
import type { DirectiveLine } from './tokenize.js';
import { convtime } from './time.js';

/** A directive's value the way servconf.c stores it: `items` are the words `sshd -T` prints. */
export type ParsedValue = { items: string[]; consumed: number; overwrite?: boolean } | { error: string };

const MULTISTATE: Record<string, [string, string][]> = {
  flag: [['yes', 'yes'], ['no', 'no']],
  permitrootlogin: [['without-password', 'without-password'], ['prohibit-password', 'without-password'], ['forced-commands-only', 'forced-commands-only'], ['yes', 'yes'], ['no', 'no']],
  ignorerhosts: [['yes', 'yes'], ['no', 'no'], ['shosts-only', 'shosts-only']],
  gatewayports: [['clientspecified', 'clientspecified'], ['yes', 'yes'], ['no', 'no']],
  tcpfwd: [['yes', 'yes'], ['all', 'yes'], ['no', 'no'], ['remote', 'remote'], ['local', 'local']],
  compression: [['yes', 'yes'], ['delayed', 'yes'], ['no', 'no']],
  addressfamily: [['inet', 'inet'], ['inet6', 'inet6'], ['any', 'any']],
};
const LOG_LEVELS: [string, string][] = [['quiet', 'SILENT'], ['silent', 'SILENT'], ['fatal', 'FATAL'], ['error', 'ERROR'], ['info', 'INFO'], ['verbose', 'VERBOSE'], ['debug', 'DEBUG'], ['debug1', 'DEBUG'], ['debug2', 'DEBUG2'], ['debug3', 'DEBUG3']];
const FACILITIES = ['DAEMON', 'USER', 'AUTH', 'AUTHPRIV', 'LOCAL0', 'LOCAL1', 'LOCAL2', 'LOCAL3', 'LOCAL4', 'LOCAL5', 'LOCAL6', 'LOCAL7'];
const TUNNEL_MODES = ['no', 'point-to-point', 'ethernet', 'yes'];
const AUTH_METHODS = ['none', 'publickey', 'gssapi-keyex', 'gssapi-with-mic', 'password', 'keyboard-interactive', 'hostbased'];

/** Parses one directive's arguments like servconf.c's process_server_config_line_depth(); never throws. */
export function parseValue(keyword: Keyword, line: DirectiveLine, environment: MatchEnvironment): ParsedValue {
  const args = line.args.map((token) => token.text);
  const first = args[0];
  const written = line.keyword.text;
  const one = (item: string): ParsedValue => ({ items: [item], consumed: 1 });
  switch (keyword.kind) {
    case 'flag': case 'permitrootlogin': case 'ignorerhosts': case 'gatewayports': case 'tcpfwd': case 'compression': case 'addressfamily': {
      if (!first) return { error: 'missing argument.' };
      const state = MULTISTATE[keyword.kind].find(([accepted]) => accepted === asciiLower(first));
      return state ? one(state[1]) : { error: `unsupported option ${quoted(first)}.` };
    }
    case 'int': {
      const error = strtonumError(first, 0, 2147483647);
      return error ? { error: `${written} integer value ${error}.` } : one(String(Number(first!.trim())));
    }
    case 'time': {
      if (!first) return { error: 'missing time value.' };
      const seconds = convtime(first);
      return seconds < 0 ? { error: 'invalid time value.' } : one(String(seconds));
    }
    case 'loglevel': {
      const level = LOG_LEVELS.find(([name]) => name === asciiLower(first ?? ''));
      return level ? one(level[1]) : { error: `unsupported log level ${first === undefined ? '<NONE>' : quoted(first)}` };
    }
    case 'facility': {
      const facility = FACILITIES.find((name) => name === (first ?? '').toUpperCase());
      return facility ? one(facility) : { error: `unsupported log facility ${first === undefined ? '<NONE>' : quoted(first)}` };
    }
    case 'permittunnel':
      if (!first) return { error: `${written} missing argument.` };
      return TUNNEL_MODES.includes(first) ? one(first) : { error: `bad ${written} argument ${quoted(first)}` };
    case 'permituserenvironment':
      if (!first) return { error: `${written} missing argument.` };
      return one(first);
    case 'users': case 'groups': case 'acceptenv': {
      for (const arg of args) {
        const bad = arg === ''
          || (keyword.kind === 'users' && arg.includes('@') && addrMatchList(undefined, arg.slice(arg.lastIndexOf('@') + 1)) === -2)
          || (keyword.kind === 'acceptenv' && arg.includes('='));
        if (bad) return { error: keyword.kind === 'acceptenv' ? 'Invalid environment name.' : `invalid ${written} pattern: ${quoted(arg)}` };
      }
      return { items: args, consumed: args.length };
    }
    case 'authenticationmethods': {
      let sawAny = false;
      for (const arg of args) {
        if (arg === 'any') sawAny = true;
        else if (sawAny) return { error: `"any" must appear alone in ${written}` };
        else if (!validMethodList(arg)) return { error: `invalid ${written} method list.` };
      }
      return args.length === 0 ? { error: `no ${written} specified` } : { items: args, consumed: args.length };
    }
    case 'ciphers': case 'macs': case 'kexalgorithms': case 'keyalgorithms': case 'sigalgorithms': {
      if (!first) return { error: `${written} missing argument.` };
      if (!validAlgorithmSpec(keyword.kind, first)) return { error: badAlgorithmMessage(keyword.kind, first) };
      return one(first);
    }
    case 'path':
      if (!first) return { error: 'missing file name.' };
      return one(derelativise(first));
    case 'word':
      if (!first) return { error: `${written} missing argument.` };
      return one(first);
    case 'command': case 'principalscommand': {
      const command = line.rest.replace(/^[ \t\r\n]+/, '');
      if (!command.startsWith('/') && asciiLower(command) !== 'none') return { error: `${written} must be an absolute path` };
      return { items: [command], consumed: args.length };
    }
    case 'restofline': {
      let text = line.rest.replace(/^[ \t\r\n]+/, '');
      if (keyword.name === 'versionaddendum') {
        if (text.includes('\r')) return { error: `Invalid ${written} argument` };
        if (asciiLower(text) === 'none') text = '';
      }
      return { items: [text], consumed: args.length };
    }
    case 'authorizedkeysfile':
      if (args.some((arg) => arg === '')) return { error: `keyword ${written} empty argument` };
      return { items: args.map((arg) => (arg === '~' || arg.startsWith('~/') ? homedir() + arg.slice(1) : arg)), consumed: args.length };
    case 'wordlist':
      if (args.some((arg) => arg === '')) return { error: `keyword ${written} empty argument` };
      if (keyword.name === 'setenv' && args.some((arg) => !arg.includes('='))) return { error: 'Invalid environment.' };
      return { items: args, consumed: args.length };
    case 'accumulate':
      if (!first) return { error: 'missing file name.' };
      return one(derelativise(first));
    case 'port': {
      if (!first) return { error: 'missing port number.' };
      const port = a2port(first, environment);
      return port <= 0 ? { error: 'Badly formatted port number.' } : one(String(port));
    }
    case 'lenient':
      return args.length === 0 ? { error: `${written} missing argument.` } : { items: args, consumed: args.length };
    case 'deprecated': case 'unsupported': case 'ignore': case 'include': case 'match':
      return { items: [], consumed: args.length };
    case 'unusedconnectiontimeout': {
      const parsed = parseSpecialValue(keyword.kind, args, written, environment);
      return 'items' in parsed && first !== undefined && asciiLower(first) === 'none' ? { ...parsed, overwrite: true } : parsed;
    }
    default:
      return parseSpecialValue(keyword.kind, args, written, environment);
  }
}

function validMethodList(list: string): boolean {
  if (list === '') return false;
  return list.split(',').every((method) => AUTH_METHODS.includes(method.split(':')[0]));
}

function badAlgorithmMessage(kind: string, spec: string): string {
  switch (kind) {
    case 'ciphers': return `Bad SSH2 cipher spec ${quoted(spec, 60)}.`;
    case 'macs': return `Bad SSH2 mac spec ${quoted(spec, 60)}.`;
    case 'kexalgorithms': return `Bad SSH2 KexAlgorithms ${quoted(spec, 60)}.`;
    default: return `Bad key types ${quoted(spec, 60)}.`;
  }
}

/** servconf.c derelativise_path(): 'none' stays, '~' is the scanning user's home, a relative path joins the cwd. */
function derelativise(path: string): string {
  if (asciiLower(path) === 'none') return 'none';
  const expanded = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  return expanded.startsWith('/') ? expanded : `${process.cwd()}/${expanded}`;
}
