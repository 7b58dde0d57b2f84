import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appProfilePorts } from '../../src/parsers/ufw/app-profiles.js';
import { readStatusRow } from '../../src/parsers/ufw/status-rule.js';
import { parseStatusRow } from '../../src/parsers/ufw/status-row.js';
import { parseTuple } from '../../src/parsers/ufw/user-rules.js';
import { tupleText, type UfwRule } from '../../src/parsers/ufw/ufw-rule.js';
import { statusRows, type StatusMode } from './status-format.js';

/**
 * Every rule ufw can hold, printed the way ufw's get_status() prints it (status-format.ts, checked line for line
 * against the real captures in corpus.test.ts), must read back as the same rule — including shapes the corpus lacks.
 */
const PROFILES = ['OpenSSH', 'Nginx Full', 'Samba', 'CUPS', 'Postfix Submission', 'Kerberos Full', 'WWW Cache', 'MSN'];

const address = (v6: boolean): fc.Arbitrary<string> =>
  v6
    ? fc.constantFrom('::/0', '::/0', '2001:db8::/32', '2001:db8::1', 'fe80::/10')
    : fc.constantFrom('0.0.0.0/0', '0.0.0.0/0', '10.0.0.0/8', '203.0.113.99', '198.51.100.0/24');
const portSpec = fc.constantFrom('22', '60000:61000', '80,443', '8081,8084,9000:9100', '1:65535');

const plainRule: fc.Arbitrary<UfwRule[]> = fc
  .record({
    v6: fc.boolean(),
    action: fc.constantFrom('allow', 'deny', 'reject', 'limit'),
    log: fc.constantFrom(undefined, 'log', 'log-all'),
    direction: fc.constantFrom('in', 'out'),
    protocol: fc.constantFrom('any', 'tcp', 'udp', 'esp'),
    dport: fc.option(portSpec, { nil: undefined }),
    sport: fc.option(portSpec, { freq: 4, nil: undefined }),
    iface: fc.option(fc.constantFrom('eth0', 'wg0', 'enp0s31f6'), { nil: undefined }),
    comment: fc.option(fc.string({ minLength: 1, maxLength: 30 }).filter((text) => !/[\n\r]/.test(text) && text.trim() === text && text !== ''), { nil: undefined }),
  })
  .chain((fields) => fc.tuple(fc.constant(fields), address(fields.v6), address(fields.v6)))
  .map(([fields, dst, src]) => {
    // ufw refuses ports without tcp/udp, lists and ranges without a protocol.
    const protocol = fields.protocol === 'esp' && (fields.dport || fields.sport) ? 'tcp' : fields.protocol;
    const multi = (spec?: string): boolean => spec !== undefined && spec !== '22';
    const finalProtocol = protocol === 'any' && (multi(fields.dport) || multi(fields.sport)) ? 'udp' : protocol;
    return [{
      action: fields.action, log: fields.log, route: false, direction: fields.direction, protocol: finalProtocol,
      dport: fields.dport ?? 'any', dst, sport: fields.sport ?? 'any', src, v6: fields.v6, comment: fields.comment,
      interfaceIn: fields.direction === 'in' ? fields.iface : undefined, interfaceOut: fields.direction === 'out' ? fields.iface : undefined,
    } satisfies UfwRule];
  });

/** `ufw allow [from X] to Y app NAME`: one stored rule per `|` entry of the profile, as ufw writes them. */
const appRule: fc.Arbitrary<UfwRule[]> = fc
  .record({ v6: fc.boolean(), name: fc.constantFrom(...PROFILES), action: fc.constantFrom('allow', 'deny', 'limit'), onSource: fc.boolean() })
  .chain((fields) => fc.tuple(fc.constant(fields), address(fields.v6), address(fields.v6)))
  .map(([fields, dst, src]) =>
    appProfilePorts(fields.name)!.map(({ ports, protocol }) => ({
      action: fields.action, route: false, direction: 'in', protocol, v6: fields.v6, dst, src,
      dport: fields.onSource ? 'any' : ports, sport: fields.onSource ? ports : 'any',
      ...(fields.onSource ? { sapp: fields.name } : { dapp: fields.name }),
    } satisfies UfwRule)));

function readRows(rows: string[]): UfwRule[] {
  return rows.flatMap((row) => {
    const parsed = parseStatusRow(row);
    if (!parsed) throw new Error(`row not read: ${row}`);
    const reading = readStatusRow(parsed);
    if (!('rules' in reading)) throw new Error(`${row}: ${JSON.stringify(reading)}`);
    return reading.rules;
  });
}

/** ufw keeps one rule per key: adding it again is skipped, or changes the action in place ('Rule updated'). */
function matchKey(rule: UfwRule): string {
  const app = rule.dapp || rule.sapp;
  const fields = [app ? '' : rule.protocol, rule.dapp ?? rule.dport, rule.dst, rule.sapp ?? rule.sport, rule.src, rule.direction, rule.interfaceIn, rule.interfaceOut];
  return fields.join(' ');
}

const identity = (rule: UfwRule): string => `${tupleText(rule)} ${rule.v6} ${rule.comment ?? ''}`;

describe('ufw rules read back from every form ufw prints them in', () => {
  it.each(['plain', 'verbose', 'numbered'] as StatusMode[])('ufw status %s', (mode) => {
    fc.assert(fc.property(fc.uniqueArray(fc.oneof(plainRule, plainRule, appRule), { minLength: 1, maxLength: 6, selector: (group) => matchKey(group[0]) }), (groups) => {
      const rules = groups.flat();
      const ordered = mode === 'numbered' ? rules : [...rules.filter((rule) => rule.direction === 'in'), ...rules.filter((rule) => rule.direction === 'out')];
      // Plain and numbered show an app rule once however many entries its profile has; reading expands them again.
      expect(readRows(statusRows(rules, mode)).map(identity)).toEqual(ordered.map(identity));
    }), { numRuns: 300 });
  });

  it('user.rules tuples', () => {
    fc.assert(fc.property(fc.oneof(plainRule, appRule), (rules) => {
      for (const rule of rules) {
        const comment = rule.comment ? ` comment=${Buffer.from(rule.comment).toString('hex')}` : '';
        expect(identity(parseTuple(` ${tupleText(rule)}${comment}`) as UfwRule)).toBe(identity(rule));
      }
    }), { numRuns: 300 });
  });
});
