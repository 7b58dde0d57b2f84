import { quoted } from '../../model/quote.js';
import { asciiLower } from './keywords.js';
import { addrMatchList, matchPatternList } from './patterns.js';
import { strdelim } from './tokenize.js';

/** A connection as `sshd -T -C` describes it. A missing field never matches (test mode). */
export interface ConnectionSpec {
  user?: string;
  host?: string;
  addr?: string;
  laddr?: string;
  /** -1 = not given. */
  lport?: number;
  rdomain?: string;
}

export interface Criterion {
  attribute: 'all' | 'user' | 'group' | 'host' | 'address' | 'localaddress' | 'localport' | 'rdomain';
  value: string;
  port?: number;
}

export type MatchLine = { criteria: Criterion[]; leftover: boolean } | { error: string };

export interface MatchEnvironment {
  /** Group names of a user (primary and supplementary), or undefined when the user does not exist. */
  groupsOf(user: string): string[] | undefined;
  /** A TCP service name from /etc/services, as a2port() falls back to. */
  servicePort(name: string): number | undefined;
}

/** servconf.c match_cfg_line() in its syntax-checking mode: the criteria of a Match line, or why sshd refuses it. */
export function parseMatchLine(rest: string, environment: MatchEnvironment): MatchLine {
  const criteria: Criterion[] = [];
  let at: number | undefined = 0;
  const next = (): string | undefined => {
    if (at === undefined) return undefined;
    const split = strdelim(rest, at);
    if (!split) { at = undefined; return undefined; }
    at = split.next;
    return split.token;
  };
  for (let attribute = next(); attribute !== undefined && attribute !== ''; attribute = next()) {
    if (attribute.startsWith('#')) { at = undefined; break; }
    const name = asciiLower(attribute);
    if (name === 'all') {
      const extra = next();
      if (criteria.length > 0 || (extra !== undefined && extra !== '' && !extra.startsWith('#'))) {
        return { error: "'all' cannot be combined with other Match attributes" };
      }
      return { criteria: [{ attribute: 'all', value: '' }], leftover: false };
    }
    const value = next();
    if (value === undefined || value === '' || value.startsWith('#')) return { error: `Missing Match criteria for ${quoted(attribute)}` };
    switch (name) {
      case 'user': case 'group': case 'host': case 'rdomain':
        criteria.push({ attribute: name, value });
        break;
      case 'address': case 'localaddress':
        if (addrMatchList(undefined, value) !== 0) return { error: `Invalid Match ${name === 'address' ? 'address' : 'localaddress'} argument ${quoted(value)}` };
        criteria.push({ attribute: name, value });
        break;
      case 'localport': {
        const port = a2port(value, environment);
        if (port === -1) return { error: `Invalid LocalPort ${quoted(value)} on Match line` };
        criteria.push({ attribute: name, value, port });
        break;
      }
      default:
        return { error: `Unsupported Match attribute ${quoted(attribute)}` };
    }
  }
  if (criteria.length === 0) return { error: 'One or more attributes required for Match' };
  return { criteria, leftover: at !== undefined && at < rest.length };
}

/** Whether a connection matches every criterion (AND); a string error when sshd would die in test mode. */
export function matchesConnection(criteria: Criterion[], connection: ConnectionSpec, environment: MatchEnvironment): boolean | string {
  let result = true;
  for (const criterion of criteria) {
    switch (criterion.attribute) {
      case 'all':
        return true;
      case 'user':
        if (connection.user === undefined || matchPatternList(connection.user, criterion.value) !== 1) result = false;
        break;
      case 'group':
        if (connection.user === undefined || !groupMatches(connection.user, criterion.value, environment)) result = false;
        break;
      case 'host':
        if (connection.host === undefined || matchPatternList(asciiLower(connection.host), criterion.value, true) !== 1) result = false;
        break;
      case 'address':
        if (connection.addr === undefined || addrMatchList(connection.addr, criterion.value) !== 1) result = false;
        break;
      case 'localaddress':
        if (connection.laddr === undefined || addrMatchList(connection.laddr, criterion.value) !== 1) result = false;
        break;
      case 'localport':
        if (connection.lport === undefined || connection.lport === 0) return "'Match LocalPort' in configuration but 'lport' not in connection test specification.";
        if (connection.lport === -1 || connection.lport !== criterion.port) result = false;
        break;
      case 'rdomain':
        if (connection.rdomain === undefined || matchPatternList(connection.rdomain, criterion.value) !== 1) result = false;
        break;
    }
  }
  return result;
}

/** groupaccess.c ga_match_pattern_list(): a negated group wins over any positive one. */
function groupMatches(user: string, patterns: string, environment: MatchEnvironment): boolean {
  const groups = environment.groupsOf(user);
  if (!groups || groups.length === 0) return false;
  let found = false;
  for (const group of groups) {
    const result = matchPatternList(group, patterns);
    if (result === -1) return false;
    if (result === 1) found = true;
  }
  return found;
}

/** misc.c a2port(): 0–65535, or a TCP service name; -1 when neither. */
export function a2port(text: string, environment: MatchEnvironment): number {
  const number = strtonum(text, 0, 65535);
  if (number !== undefined) return number;
  return environment.servicePort(text) ?? -1;
}

/** OpenBSD strtonum(): a base-10 integer within bounds, or undefined. */
export function strtonum(text: string, min: number, max: number): number | undefined {
  const error = strtonumError(text, min, max);
  return error === undefined ? Number(text.trim()) : undefined;
}

export function strtonumError(text: string | undefined, min: number, max: number): string | undefined {
  if (text === undefined || text === '') return 'missing';
  if (!/^[ \t\n\v\f\r]*[+-]?[0-9]+$/.test(text)) return 'invalid';
  const value = BigInt(text.trim());
  if (value < BigInt(min)) return 'too small';
  if (value > BigInt(max)) return 'too large';
  return undefined;
}
